// Which instances RestoreTable accepts, kept as data (shared/docs/rds-api.md, precondition 1):
// engine, versions, edition (Category) and storage type. The lint rule instance-eligibility and
// the sandbox's RestoreTable (403 IncorrectDBInstanceType) both read it; the config adds rows
// through instance-eligibility's `allow` option when Alibaba Cloud supports more than listed here.
import type { InstanceAttributes } from './inventory.ts';

export interface EligibilityRow {
  engine: string;
  versions: string[];
  /** `Category` values, or '*' for any edition. */
  categories: string[] | '*';
  /** `DBInstanceStorageType` values, or '*' for any storage. */
  storageTypes: string[] | '*';
  /** false: RDS documents it, but restorec cannot emit its TableMeta (default true). */
  restorec?: boolean;
}

/** Local SSDs (`DBInstanceStorageType`); every other type is a cloud disk. */
export const LOCAL_DISKS = ['local_ssd', 'ephemeral_ssd'];
/** Cloud disks, for messages: ESSD performance levels and the general-purpose ESSD (`general_essd`). */
export const CLOUD_DISKS = ['cloud_ssd', 'cloud_essd', 'cloud_essd2', 'cloud_essd3', 'general_essd'];

export const ELIGIBILITY: readonly EligibilityRow[] = [
  // Current docs: MySQL 8.0, 5.7 and 5.6, High-availability Edition, local disks. (The seed's
  // older text left 5.6's storage open; the current page requires local disks for all three.)
  { engine: 'MySQL', versions: ['5.6', '5.7', '8.0'], categories: ['HighAvailability'], storageTypes: LOCAL_DISKS },
  // The SDK lists PostgreSQL for RestoreTable too, UNCONFIRMED which versions and storage; its
  // TableMeta has no `tables` and restorec writes the MySQL form only.
  { engine: 'PostgreSQL', versions: ['10', '11', '12', '13', '14', '15', '16', '17'], categories: '*', storageTypes: '*', restorec: false },
];

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isList = (x: unknown): x is string[] | '*' => x === '*' || isStrings(x);

/** The `allow` option as rows, or why it is not a list of rows. */
export function parseRows(option: unknown): EligibilityRow[] | string {
  if (option === undefined) return [];
  if (!Array.isArray(option)) return '`allow` must be a list of rows';
  for (const [i, row] of option.entries()) {
    const r = row as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || typeof r['engine'] !== 'string' || !isStrings(r['versions']) || !isList(r['categories']) || !isList(r['storageTypes'])) {
      return `\`allow\` row ${i + 1} needs engine (a string), versions (strings), categories and storageTypes (strings or "*")`;
    }
  }
  return option as EligibilityRow[];
}

const fits = (list: string[] | '*', value: string | undefined) => list === '*' || value === undefined || list.includes(value);

/** Rows the instance may match; a field the inventory lacks matches anything. */
export function candidateRows(rows: readonly EligibilityRow[], inst: InstanceAttributes): EligibilityRow[] {
  return rows.filter(
    (r) => r.engine.toLowerCase() === inst.Engine.toLowerCase() && r.versions.includes(inst.EngineVersion) && fits(r.categories, inst.Category) && fits(r.storageTypes, inst.DBInstanceStorageType),
  );
}

export function describeRow(r: EligibilityRow): string {
  const edition = r.categories === '*' ? 'any edition' : r.categories.join('/');
  const storage = r.storageTypes === '*' ? 'any storage' : r.storageTypes.join('/');
  return `${r.engine} ${r.versions.length > 2 ? `${r.versions[0]}-${r.versions[r.versions.length - 1]}` : r.versions.join('/')} ${edition} on ${storage}`;
}
