// Paging for the RDS Describe* calls, bounded whatever the answers say. Pages are fetched
// concurrently (the client's limiter bounds how many at once). A listing is complete or it is an
// error: the number of entries read must equal the total the API gave, no entry may appear twice
// (a repeated page), and no listing reads more than MAX_PAGES pages.
import { InventoryError } from './errors.ts';

/** No listing reads more pages than this (at 100 a page: 100,000 entries). */
export const MAX_PAGES = 1000;

export interface Page<T> {
  items: T[];
  /** Entries in the whole listing, as this page's answer states it (undefined: not stated). */
  total: number | undefined;
}

/**
 * Pages 1..N of a listing whose answers state a total; N = ceil(total / size), at most MAX_PAGES.
 * `key` identifies an entry: an entry seen twice means the pages overlap. The listing is read a
 * second time when it is inconsistent (an entry created or removed while reading shifts the
 * pages), then it is an error.
 */
export async function readByTotal<T>(what: string, size: number, key: (item: T) => string, fetch: (page: number) => Promise<Page<T>>): Promise<T[]> {
  let last: string | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const first = await fetch(1);
    if (first.total === undefined) {
      if (first.items.length === 0) return [];
      throw new InventoryError(`${what}: the answer states no total, so restorec cannot tell whether it read every entry`);
    }
    const total = first.total;
    // A service that caps the page size below what was asked answers a full page of its own size:
    // page by that, or the pages past it would never be asked for.
    const served = first.items.length > 0 && first.items.length < size && total > first.items.length ? first.items.length : size;
    const pages = Math.ceil(total / served);
    if (!Number.isSafeInteger(total) || total < 0 || pages > MAX_PAGES) {
      throw new InventoryError(`${what}: the answer claims ${first.total} entries, more than restorec reads (${MAX_PAGES} pages of ${served}); nothing is used from it`);
    }
    const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetch(i + 2)));
    const all = [first, ...rest];
    const items: T[] = [];
    const seen = new Set<string>();
    let repeated: string | undefined;
    for (const p of all) {
      for (const item of p.items) {
        const k = key(item);
        if (seen.has(k)) repeated ??= k;
        seen.add(k);
        items.push(item);
      }
    }
    const totals = new Set(all.map((p) => p.total));
    if (repeated === undefined && items.length === total && totals.size === 1) return items;
    last =
      repeated !== undefined
        ? `${JSON.stringify(repeated)} was listed twice (the pages overlap)`
        : totals.size > 1
          ? `the total changed while reading (${[...totals].join(', ')})`
          : `${items.length} entries were listed but the total says ${total}`;
  }
  throw new InventoryError(`${what}: the listing is inconsistent: ${last}; nothing is used from it (run again; if it persists, report it with --verbose output)`);
}

/** A hinted batch asks at most this many times the window at once (the hint may be wrong). */
const HINTED_BATCH = 8;

/**
 * Pages of a listing with no total (DescribeDatabases on MySQL): page 1 alone (most instances
 * have fewer databases than a page holds), then `window` pages at a time, the window doubling
 * after each full batch up to 4 x `window` (a long listing takes few round trips, a short one
 * asks for few pages past its end), until one comes back shorter than `size`. With `expected`
 * (how many entries the listing likely holds: the databases in a backup of the instance), the
 * batch after page 1 is the pages that many entries fill instead, at most HINTED_BATCH x
 * `window`: 2,000 databases take two round trips, page 1 then pages 2-21. The hint only sizes
 * that batch (it is waited for no longer than page 1 took); the listing still ends at a short page.
 * A page that repeats the one before ends the listing: when
 * page 1 already held more than `size` entries the service ignores paging and answered everything
 * each time (complete, and said so in `notes`); otherwise it is an error. More than MAX_PAGES
 * pages is an error too.
 */
export async function readUntilShort<T>(what: string, size: number, window: number, key: (item: T) => string, fetch: (page: number) => Promise<T[]>, notes: string[], expected?: Promise<number | undefined>): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let previous: string | undefined;
  let firstSize = 0;
  let ahead = window;
  const started = performance.now();
  const hint = expected?.catch(() => undefined); // a failed hint is no hint, whether it is waited for or not
  for (let start = 1; start <= MAX_PAGES; ) {
    let wanted = ahead;
    if (start === 1) wanted = 1;
    else if (start === 2 && hint) {
      const entries = await within(hint, performance.now() - started);
      if (entries !== undefined && Number.isSafeInteger(entries) && entries >= 0) wanted = Math.min(Math.max(1, Math.ceil((entries + 1) / size) - 1), HINTED_BATCH * window);
    }
    if (start > 1) ahead = Math.min(ahead * 2, window * 4);
    const count = Math.min(wanted, MAX_PAGES - start + 1);
    const first = start;
    start += count;
    const batch = await Promise.all(Array.from({ length: count }, (_, i) => fetch(first + i)));
    for (const [i, items] of batch.entries()) {
      const page = first + i;
      if (page === 1) firstSize = items.length;
      const signature = items.map(key).join('\u0000');
      if (page > 1 && items.length > 0 && signature === previous) {
        if (firstSize > size) {
          notes.push(`${what}: page ${page} repeats page ${page - 1} and page 1 held ${firstSize} entries (more than the ${size} asked for): the service ignores paging, so the ${out.length} entries read are all of them`);
          return out;
        }
        throw new InventoryError(`${what}: page ${page} repeats page ${page - 1}, so restorec cannot tell whether it read every entry; nothing is used from it`);
      }
      previous = signature;
      for (const item of items) {
        const k = key(item);
        if (seen.has(k)) throw new InventoryError(`${what}: ${JSON.stringify(k)} is listed twice (the pages overlap); nothing is used from it`);
        seen.add(k);
        out.push(item);
      }
      if (items.length < size || (page === 1 && items.length > size)) return out;
    }
  }
  throw new InventoryError(`${what}: more than ${MAX_PAGES} pages of ${size}; restorec stops there (nothing is used from it)`);
}

/** What `p` gives if it settles within `ms`; undefined if not. */
async function within<T>(p: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(1, ms))));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** `Items.X[]` (or `X.Y[]`): the API nests every list one level deeper than it needs to. */
export function list(body: Record<string, unknown>, outer: string, inner: string): Record<string, unknown>[] {
  const o = body[outer] as Record<string, unknown> | undefined;
  const l = o?.[inner];
  return Array.isArray(l) ? (l as Record<string, unknown>[]) : [];
}
