// The cross-region source of a RestoreDdrTable spec, from the RDS OpenAPI: the source instance's
// cross-region backups (DescribeCrossRegionBackups, paged by its total), the window of the set a
// point in time starts from (DescribeAvailableRecoveryTime), and the contents of the sets asked
// for (DescribeCrossBackupMetaList, paged like DescribeMetaList). Answers that say something about
// the spec (CrossBackupNotSupport, NoAvailableLogBackup, NoAvailableDisasterRestoreBakset,
// InvalidMeta.*) are recorded for the lint rules that own them, never thrown at the user.
import { baseCrossBackup } from '../compiler/inventory.ts';
import type { BackupContents, CrossRegionBackup, CrossRegionInventory, CrossRegionRecoveryWindow } from '../compiler/index.ts';
import { CloudError } from '../cloud/errors.ts';
import { InventoryError } from './errors.ts';
import { listContents } from './meta.ts';
import { list, readByTotal, toNumber } from './paging.ts';
import { read, type RdsCaller } from './reads.ts';

export interface CrossRegionPullOptions {
  /** The instance the backups are of (SourceDBInstanceName) and its region (SourceRegion). */
  instanceId: string;
  region: string;
  /** Cross-region backup sets whose contents to list. */
  backupIds: string[];
  /** Points in time: the set each starts from is listed, and the window of the first one's set read. With neither: the newest set that succeeded. */
  restoreTimes: string[];
  metaPageSize: number;
  now: Date;
}

/** The SDK documents PageSize 30, 50 or 100. */
const PAGE_SIZE = 100;
/** Cross-region backups are kept up to 1,825 days: the listing reaches back that far (and a day more). */
const RETENTION_MS = 1826 * 86_400_000;
/** Codes of DescribeCrossBackupMetaList and DescribeAvailableRecoveryTime recorded against a set. */
const RECORDED = new Set(['NoAvailableDisasterRestoreBakset', 'InvalidMeta.Empty', 'InvalidMeta.TooLarge']);

const seconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function utc(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?Z$/.exec(v) : null;
  return m ? `${m[1]}${m[2] ?? ':00'}Z` : undefined;
}

function crossBackup(x: Record<string, unknown>, page: number, i: number): CrossRegionBackup {
  const id = toNumber(x['CrossBackupId']);
  const status = toNumber(x['BackupSetStatus']);
  if (id === undefined || !Number.isInteger(id) || id < 0) throw new InventoryError(`DescribeCrossRegionBackups page ${page}: backup ${i + 1} has no CrossBackupId`);
  if (status === undefined) throw new InventoryError(`DescribeCrossRegionBackups page ${page}: backup ${id} has no BackupSetStatus`);
  const s = (k: string) => (typeof x[k] === 'string' && x[k] !== '' ? (x[k] as string) : undefined);
  const rr = (x['RestoreRegions'] as Record<string, unknown> | undefined)?.['RestoreRegion'];
  const regions = Array.isArray(rr) ? rr.filter((r): r is string => typeof r === 'string') : [];
  const out: CrossRegionBackup = { CrossBackupId: String(id), BackupSetStatus: status };
  const put = <K extends keyof CrossRegionBackup>(k: K, v: CrossRegionBackup[K] | undefined) => void (v !== undefined && (out[k] = v));
  put('CrossBackupRegion', s('CrossBackupRegion'));
  put('BackupStartTime', utc(x['BackupStartTime']));
  put('BackupEndTime', utc(x['BackupEndTime']));
  put('ConsistentTime', utc(x['ConsistentTime']));
  put('BackupMethod', s('BackupMethod'));
  put('BackupType', s('BackupType'));
  put('BackupSetScale', toNumber(x['BackupSetScale']));
  put('Engine', s('Engine'));
  put('EngineVersion', s('EngineVersion'));
  put('Category', s('Category'));
  put('DBInstanceStorageType', s('DBInstanceStorageType'));
  put('CrossBackupSetSize', toNumber(x['CrossBackupSetSize']));
  put('RestoreRegions', regions.length > 0 ? regions.map(String) : undefined);
  return out;
}

/** Every cross-region backup of the source in the retention period, or undefined when the region does not support them. */
async function crossBackups(api: RdsCaller, o: CrossRegionPullOptions): Promise<CrossRegionBackup[] | 'not-supported'> {
  const now = o.now.getTime();
  const base = { DBInstanceId: o.instanceId, RegionId: o.region, StartTime: seconds(now - RETENTION_MS), EndTime: seconds(now + 3_600_000), PageSize: PAGE_SIZE };
  try {
    return await readByTotal<CrossRegionBackup>(`DescribeCrossRegionBackups of ${o.instanceId}`, PAGE_SIZE, (b) => b.CrossBackupId, async (page) => {
      const b = await read(api, 'DescribeCrossRegionBackups', { ...base, PageNumber: page });
      return { items: list(b, 'Items', 'Item').map((x, i) => crossBackup(x, page, i)), total: toNumber(b['TotalRecordCount']) };
    });
  } catch (e) {
    if (e instanceof CloudError && e.code === 'CrossBackupNotSupport') return 'not-supported';
    if (e instanceof CloudError && e.code === 'InvalidDBInstance.NotFound') {
      throw new InventoryError(`DescribeCrossRegionBackups does not know instance ${o.instanceId} in region ${o.region} (InvalidDBInstance.NotFound): check the \`from region\` line`);
    }
    throw e;
  }
}

export async function pullCrossRegion(api: RdsCaller, o: CrossRegionPullOptions, warnings: string[]): Promise<CrossRegionInventory> {
  const x: CrossRegionInventory = { DBInstanceId: o.instanceId, RegionId: o.region, contents: [] };
  const backups = await crossBackups(api, o);
  if (backups === 'not-supported') {
    warnings.push(`region ${o.region} answered CrossBackupNotSupport for ${o.instanceId}: there are no cross-region backups to read (lint rule cross-region-supported)`);
    return { ...x, supported: false };
  }
  x.backups = backups;
  // (`supported` stays absent: a listing that answered says nothing more than that.)
  const refusals: NonNullable<CrossRegionInventory['refusals']> = [];
  const sets = new Set(o.backupIds);
  const bases = o.restoreTimes.map((t) => ({ t, base: baseCrossBackup(backups, t) }));
  for (const { t, base } of bases) {
    if (base) sets.add(base.CrossBackupId);
    else warnings.push(`no cross-region backup of ${o.instanceId} that succeeded stands at or before ${t} (lint rule cross-region-backup-available)`);
  }
  if (sets.size === 0 && o.restoreTimes.length === 0) {
    const newest = baseCrossBackup(backups, seconds(o.now.getTime() + 3_600_000));
    if (newest) {
      sets.add(newest.CrossBackupId);
      warnings.push(`listing the contents of the newest cross-region backup of ${o.instanceId}, ${newest.CrossBackupId} (pass --cross-backup or --at for others)`);
    } else warnings.push(`${o.instanceId} has no cross-region backup that succeeded: the snapshot lists no cross-region contents`);
  }
  const first = bases.find((b) => b.base)?.base;
  if (bases.filter((b) => b.base).some((b) => b.base !== first)) warnings.push('the points in time start from different cross-region backups: the window of the first one\'s is recorded');
  const [window, contents] = await Promise.all([
    first ? recoveryWindow(api, o, first.CrossBackupId, refusals) : Promise.resolve(undefined),
    Promise.all([...sets].map((id) => setContents(api, o, backups, id, refusals, warnings))),
  ]);
  if (window === 'not-supported') return { ...x, supported: false };
  if (window !== undefined) x.recoveryWindow = window;
  x.contents = contents.filter((c): c is BackupContents => c !== undefined);
  if (refusals.length > 0) x.refusals = refusals;
  return x;
}

/** The window of one set; null: no cross-region log backup; undefined: refused for the set (recorded). */
async function recoveryWindow(api: RdsCaller, o: CrossRegionPullOptions, id: string, refusals: NonNullable<CrossRegionInventory['refusals']>): Promise<CrossRegionRecoveryWindow | null | undefined | 'not-supported'> {
  try {
    const b = await read(api, 'DescribeAvailableRecoveryTime', { CrossBackupId: id, DBInstanceId: o.instanceId, RegionId: o.region });
    const begin = utc(b['RecoveryBeginTime']);
    const end = utc(b['RecoveryEndTime']);
    return begin && end ? { CrossBackupId: id, RecoveryBeginTime: begin, RecoveryEndTime: end } : undefined;
  } catch (e) {
    if (!(e instanceof CloudError)) throw e;
    if (e.code === 'NoAvailableLogBackup') return null;
    if (e.code === 'CrossBackupNotSupport') return 'not-supported';
    if (RECORDED.has(e.code)) {
      refusals.push({ CrossBackupId: id, Code: e.code, Operation: 'DescribeAvailableRecoveryTime' });
      return undefined;
    }
    throw e;
  }
}

/** One set's contents, when it is listed and succeeded (else the lint rule says why); refusals recorded. */
async function setContents(api: RdsCaller, o: CrossRegionPullOptions, backups: CrossRegionBackup[], id: string, refusals: NonNullable<CrossRegionInventory['refusals']>, warnings: string[]): Promise<BackupContents | undefined> {
  const b = backups.find((y) => y.CrossBackupId === id);
  if (!b) {
    warnings.push(`cross-region backup ${id} is not among the cross-region backups of ${o.instanceId}: its contents are not read (lint rule cross-region-backup-usable)`);
    return undefined;
  }
  if (b.BackupSetStatus !== 0) {
    warnings.push(`cross-region backup ${id} failed: its contents are not read (lint rule cross-region-backup-usable)`);
    return undefined;
  }
  try {
    const Databases = await listContents(api, 'DescribeCrossBackupMetaList', { BackupSetId: id, Region: o.region }, `cross-region backup ${id}`, o.metaPageSize, warnings);
    return { BackupId: id, Databases };
  } catch (e) {
    if (!(e instanceof CloudError) || !RECORDED.has(e.code)) throw e;
    refusals.push({ CrossBackupId: id, Code: e.code, Operation: 'DescribeCrossBackupMetaList' });
    warnings.push(`DescribeCrossBackupMetaList answered ${e.code} for cross-region backup ${id}: its contents are not read (the lint rules say what it means)`);
    return undefined;
  }
}
