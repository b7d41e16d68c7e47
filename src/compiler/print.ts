// Printing requests: the exact text of JSON.stringify(requests, null, 2) + '\n', produced as
// UTF-8 in chunks of at most `chunkBytes` bytes. At a million tables that text is over 20 MiB;
// built whole, it and the builder's partial strings outlive young-generation collections (copied
// on each) and are then copied again into one Buffer to be written. Chunks are garbage as soon as
// they are written.

/** Bytes per chunk of printJsonBytes. */
export const PRINT_CHUNK_BYTES = 1 << 18;

/**
 * The text of JSON.stringify(items, null, 2) + '\n' as UTF-8, for plain data (no toJSON methods,
 * which would see each element's index as key), in chunks of at most `chunkBytes` bytes (or one
 * piece's bytes, when a piece is larger), written into each chunk piece by piece: an element given
 * as pieces (a request and the pieces of its TableMeta, many shared with other requests: see
 * requestJsonPieces) is never joined into a string of its own, nor a chunk of text into a flat
 * string before it is encoded. JSON.stringify(array, null, 2) writes `[`, then each element on
 * its own lines, indented two more spaces than at top level and separated by `,\n`, then `\n]`
 * (`[]` when empty).
 */
export function* printJsonBytes<T>(items: readonly T[], elementPieces: (item: T) => Iterable<string> = (item) => [elementText(item)], chunkBytes = PRINT_CHUNK_BYTES): Generator<Uint8Array> {
  const out = new ByteChunks(chunkBytes);
  if (items.length === 0) out.put('[]\n');
  else {
    out.put('[\n');
    for (let i = 0; i < items.length; i++) {
      for (const piece of elementPieces(items[i] as T)) out.put(piece);
      out.put(i < items.length - 1 ? ',\n' : '\n]\n');
      yield* out.take();
    }
  }
  out.end();
  yield* out.take();
}

/** Text written into fixed-size chunks of UTF-8; the full ones are taken as they fill. */
class ByteChunks {
  readonly #size: number;
  #chunk: Buffer | undefined;
  #used = 0;
  #full: Uint8Array[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  put(piece: string): void {
    // At most 3 bytes per UTF-16 code unit (a surrogate pair, 2 units, is 4 bytes).
    if (this.#used + 3 * piece.length > this.#size) {
      this.end();
      if (3 * piece.length > this.#size) {
        this.#full.push(Buffer.from(piece, 'utf8'));
        return;
      }
    }
    this.#chunk ??= Buffer.allocUnsafe(this.#size);
    this.#used += this.#chunk.write(piece, this.#used, 'utf8');
  }

  /** Closes the chunk being written, if anything is in it. */
  end(): void {
    if (this.#used === 0 || !this.#chunk) return;
    this.#full.push(this.#chunk.subarray(0, this.#used));
    this.#chunk = undefined;
    this.#used = 0;
  }

  take(): Uint8Array[] {
    const full = this.#full;
    this.#full = [];
    return full;
  }
}

/**
 * One element's text in JSON.stringify(array, null, 2), indented as there: that of a one-element
 * array without its `[\n` and `\n]`. (In an array a value without a JSON form, undefined or a
 * function, is written as null.) `elementPieces` may be a faster way to the same text for items
 * of a known shape (requestJsonPieces for requests).
 */
export function elementText(item: unknown): string {
  return JSON.stringify([item], null, 2).slice(2, -2);
}
