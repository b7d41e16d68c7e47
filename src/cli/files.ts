// Reading spec files from the paths users give (files, directories, `-` for stdin).
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors.ts';

export const SPEC_EXTENSION = '.restore';

/** Expands directories to the .restore files below them, sorted; keeps files as given. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UserError(`cannot read ${p}: no such file or directory`, 'check the path; spec files end in .restore');
    }
    if (stat.isDirectory()) {
      const found = (readdirSync(p, { recursive: true }) as string[])
        .filter((f) => f.endsWith(SPEC_EXTENSION) && !f.split(/[\\/]/).includes('node_modules'))
        .sort()
        .map((f) => join(p, f));
      out.push(...found);
    } else out.push(p);
  }
  return out;
}

/**
 * Reads at most `limit + 1` bytes: enough to know a file is too large without loading a huge
 * file into memory. `size` is the real size when known.
 */
export function readInput(path: string, limit: number): { bytes: Uint8Array; size: number } {
  try {
    if (path === '-') {
      const bytes = readFileSync(0);
      return { bytes: bytes.subarray(0, limit + 1), size: bytes.length };
    }
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const buf = Buffer.alloc(Math.min(size, limit) + 1);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, null);
        if (n === 0) break;
        got += n;
      }
      return { bytes: buf.subarray(0, got), size: Math.max(size, got) };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    throw new UserError(`cannot read ${path}: ${why}`);
  }
}
