// Printing requests: the exact text of JSON.stringify(requests, null, 2) + '\n', produced in
// chunks of about `chunkChars` characters. At a million tables that text is over 20 MiB; built
// whole, it and the builder's partial strings outlive young-generation collections (copied on
// each) and are then copied again into one Buffer to be written. Chunks are garbage as soon as
// they are written.

/** Characters per chunk: about a pipe's buffer, so a writer can hand one over while making the next. */
export const PRINT_CHUNK_CHARS = 1 << 16;

/**
 * Yields the text of JSON.stringify(items, null, 2) + '\n', a chunk at a time, for plain data
 * (no toJSON methods, which would see each element's index as key).
 * JSON.stringify(array, null, 2) writes `[`, then each element on its own lines, indented two
 * more spaces than at top level and separated by `,\n`, then `\n]` (`[]` when empty). So one
 * element's text is that of a one-element array without its `[\n` and `\n]`: a slice, which V8
 * makes without copying (re-indenting the element's own text copied every request once more).
 */
export function* printJson<T>(items: readonly T[], chunkChars = PRINT_CHUNK_CHARS, element: (item: T) => string = elementText): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  let chunk = '[\n';
  for (let i = 0; i < items.length; i++) {
    chunk += `${element(items[i] as T)}${i < items.length - 1 ? ',\n' : '\n]\n'}`;
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * One element's text in JSON.stringify(array, null, 2), indented as there. (In an array a value
 * without a JSON form, undefined or a function, is written as null.) `element` may be a faster
 * way to the same text for items of a known shape (requestJsonText for requests).
 */
export function elementText(item: unknown): string {
  return JSON.stringify([item], null, 2).slice(2, -2);
}
