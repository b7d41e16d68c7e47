// Binary search over sorted arrays: error offsets in the parser's reports, name keys in the
// compiler's prefix index. No imports, so either can use it without loading the other.
/** The index of the first element of sorted `xs` that is at least `x` (xs.length if none). */
export function firstAtLeast<T extends number | string>(xs: readonly T[], x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
