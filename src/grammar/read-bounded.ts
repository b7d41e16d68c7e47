// Reading a file, or stdin, with a size limit: every reader of user input (specs, snapshots,
// sandbox scenarios, config) goes through here, so `/dev/zero`, a FIFO or a 10 GB file costs at
// most the limit in memory, never the whole stream. Errors are values the CLI words for people.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface BoundedRead {
  /** The bytes read: all of them, or limit + 1 when there were more. */
  bytes: Buffer;
  /** The size in bytes: exact when known, Infinity when the input is longer than the limit and
   *  has no size of its own (stdin, a device, a FIFO). */
  size: number;
  /** More than `limit` bytes. */
  tooLarge: boolean;
}

/** Why a file could not be read, in words (from Node's error code). */
export class ReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot read ${path}: ${describeCode(code)}`);
  }
}

export function describeCode(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (a symlink loop?)';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EIO':
      return 'an input/output error of the device';
    case 'EEXIST':
      return 'a file of that name exists';
    default:
      return code;
  }
}

const CHUNK = 64 * 1024;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Where JSON text must start: `{` or `[` after whitespace and a BOM. Returns true (stop reading)
 * once the first other byte is seen: `/dev/zero` named as a snapshot is then refused after one
 * chunk, by the JSON parser's own error at line 1, instead of after the whole limit.
 */
function notJsonStart(buf: Buffer, from: number, to: number): boolean | undefined {
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (i < 3 && (b === 0xef || b === 0xbb || b === 0xbf)) continue;
    return b !== 0x7b && b !== 0x5b;
  }
  return undefined; // only whitespace so far
}

/** Reads `fd` to its end or to limit + 1 bytes, whichever comes first. */
function readFd(fd: number, limit: number, sizeHint: number, json: boolean): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(Math.max(sizeHint, CHUNK), limit + 1));
  let got = 0;
  let checked = !json;
  while (got <= limit) {
    if (got === buf.length) {
      const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
      buf.copy(grown, 0, 0, got);
      buf = grown;
    }
    let n: number;
    try {
      n = readSync(fd, buf, got, buf.length - got, null);
    } catch (e) {
      // A non-blocking stdin (some terminals and pipes) has nothing yet: wait a moment, read again.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    got += n;
    if (!checked) {
      const stop = notJsonStart(buf, got - n, got);
      if (stop === true) break;
      checked = stop === false;
    }
  }
  return buf.subarray(0, got);
}

/** Reads `path` (`-` for stdin) with a limit of `limit` bytes. Throws ReadError. With `json`,
 *  reading stops early at a first byte JSON text cannot start with. */
export function readBounded(path: string, limit: number, json = false): BoundedRead {
  let fd: number | undefined;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    // A regular file says its size: one too large is refused unread.
    if (stat.isFile() && stat.size > limit) return { bytes: Buffer.alloc(0), size: stat.size, tooLarge: true };
    const bytes = readFd(fd, limit, stat.isFile() ? stat.size + 1 : CHUNK, json);
    const tooLarge = bytes.length > limit;
    return { bytes, size: tooLarge ? (stat.isFile() ? Math.max(stat.size, bytes.length) : Infinity) : bytes.length, tooLarge };
  } catch (e) {
    throw new ReadError(path === '-' ? 'stdin' : path, String((e as NodeJS.ErrnoException).code ?? (e as Error).message));
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

/** Reads a JSON text file (UTF-8, a BOM dropped) of at most `limit` bytes. Text that cannot be
 *  JSON is cut after its first chunk (its parser reports it at line 1). */
export function readJsonTextBounded(path: string, limit: number): { text: string } | { tooLarge: true; size: number } {
  const r = readBounded(path, limit, true);
  if (r.tooLarge) return { tooLarge: true, size: r.size };
  return { text: new TextDecoder('utf-8').decode(r.bytes) };
}

/** How large an input is, as messages say it: "12.5 MiB", or "larger than 1 MiB" when a stream's
 *  size is unknown past the limit. */
export function sizeWords(size: number, limit: number): string {
  const words = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB` : `${n} bytes`);
  return Number.isFinite(size) ? `${size} bytes (${words(size)})` : `larger than ${words(limit)}`;
}
