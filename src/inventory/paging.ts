// Paging helpers for the RDS Describe* calls. Pages are fetched concurrently (the client's limiter
// bounds how many at once): by total when the API gives one, speculatively in windows when it
// does not (DescribeDatabases: page until a short page).

/** Fetches pages 1..N, where N comes from the first page's answer. */
export async function pagesByTotal<T>(fetch: (page: number) => Promise<{ items: T[]; pages: number }>): Promise<T[]> {
  const first = await fetch(1);
  const rest = await Promise.all(Array.from({ length: Math.max(0, first.pages - 1) }, (_, i) => fetch(i + 2)));
  return [first.items, ...rest.map((r) => r.items)].flat();
}

/**
 * Fetches pages in windows of `window` until one comes back shorter than `size`. Pages past the
 * end are empty (they cost a call each, at most window - 1 of them).
 */
export async function pagesUntilShort<T>(size: number, window: number, fetch: (page: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 1; ; start += window) {
    const batch = await Promise.all(Array.from({ length: window }, (_, i) => fetch(start + i)));
    for (const items of batch) {
      out.push(...items);
      if (items.length < size) return out;
    }
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
