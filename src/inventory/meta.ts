// The databases and tables inside a backup: DescribeMetaList (this instance's backup sets and
// points in time) and DescribeCrossBackupMetaList (cross-region backup sets) page and answer alike:
// PageSize default 1 with an undocumented maximum, PageIndex from 1, `Tables` one comma-separated
// string. Complete or an error, as every listing (paging.ts).
import type { ContentDatabase } from '../compiler/index.ts';
import { CloudError } from '../cloud/errors.ts';
import type { ApiBody, Params } from '../cloud/client.ts';
import { InventoryError } from './errors.ts';
import { list, readByTotal, toNumber } from './paging.ts';
import { read, type RdsCaller } from './reads.ts';

export type MetaAction = 'DescribeMetaList' | 'DescribeCrossBackupMetaList';

/** Page sizes tried in turn when the service refuses one (InvalidPageSize). */
const META_FALLBACK_SIZES = [100, 50, 30, 10, 1];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined => {
  const n = toNumber(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** `Tables` is one comma-separated string: split, dropping the empty pieces of stray commas. */
export function splitTables(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v === '') return [];
  const parts = v.split(',');
  return parts.includes('') ? parts.filter((t) => t !== '') : parts;
}

/**
 * The Meta entries of a source, all pages; smaller pages when the service refuses the size.
 * `first`: the answer to page 1 at `pageSize` when the caller asked it ahead; used once (a
 * listing read a second time asks again).
 */
async function metaEntries(api: RdsCaller, action: MetaAction, base: Params, label: string, pageSize: number, first?: Promise<ApiBody>): Promise<Record<string, unknown>[]> {
  const sizes = [pageSize, ...META_FALLBACK_SIZES.filter((s) => s < pageSize)];
  let ahead = first;
  for (const [i, size] of sizes.entries()) {
    try {
      return await readByTotal<Record<string, unknown>>(`${action} of ${label}`, size, (m) => `${String(m['Database'])}\u0000${String(m['Tables'])}`, async (page) => {
        const asked = page === 1 && size === pageSize ? ahead : undefined;
        if (asked) ahead = undefined;
        const b = await (asked ?? read(api, action, { ...base, PageSize: size, PageIndex: page }));
        const items = list(b, 'Items', 'Meta');
        items.forEach((m, k) => {
          if (str(m['Database']) === undefined) throw new InventoryError(`${action} of ${label}, page ${page}: entry ${k + 1} has no Database`);
        });
        const records = int(b['TotalRecordCount']);
        const pages = int(b['TotalPageCount']);
        // TotalPageCount must agree with the records at the page size the service used.
        if (records !== undefined && pages !== undefined && records > 0 && pages > records) {
          throw new InventoryError(`${action} of ${label}: TotalPageCount ${pages} is more than TotalRecordCount ${records}; nothing is used from it`);
        }
        return { items, total: records };
      });
    } catch (e) {
      if (e instanceof CloudError && e.code === 'InvalidPageSize' && i < sizes.length - 1) continue;
      throw e;
    }
  }
  throw new InventoryError(`${action} of ${label}: every page size was refused`);
}

/** Every database of a source with its tables; `base` selects the source (and holds no paging). */
export async function listContents(api: RdsCaller, action: MetaAction, base: Params, label: string, pageSize: number, warnings: string[], first?: Promise<ApiBody>): Promise<ContentDatabase[]> {
  const items = await metaEntries(api, action, base, label, pageSize, first);
  const byName = new Map<string, ContentDatabase>();
  for (const m of items) {
    const name = m['Database'] as string;
    const seen = byName.get(name);
    if (seen === undefined) byName.set(name, { Database: name, Size: toNumber(m['Size']), Tables: splitTables(m['Tables']) });
    else for (const t of splitTables(m['Tables'])) seen.Tables.push(t); // a loop: push(...) of 130,000 tables overflows the stack
  }
  // A database listed without tables (a Pattern-style answer): ask for it by exact name.
  await Promise.all(
    [...byName.values()].filter((d) => d.Tables.length === 0).map(async (d) => {
      const b = await read(api, action, { ...base, GetDbName: d.Database, PageSize: 1, PageIndex: 1 });
      const tables = list(b, 'Items', 'Meta').flatMap((m) => (m['Database'] === d.Database ? splitTables(m['Tables']) : []));
      d.Tables = tables;
      if (d.Tables.length === 0) warnings.push(`${label}: database ${d.Database} holds no tables`);
    }),
  );
  return [...byName.values()].map((d) => (d.Size === undefined ? { Database: d.Database, Tables: d.Tables } : d));
}
