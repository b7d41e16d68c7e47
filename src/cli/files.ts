// Reading spec files from the paths users give (files, directories, `-` for stdin).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeCode, ReadError, readBounded } from '../grammar/read-bounded.ts';
import { UserError } from './errors.ts';

export const SPEC_EXTENSION = '.restore';

/**
 * Expands directories to the .restore files below them, sorted; keeps files as given. A file
 * named twice (or reached both directly and through its directory, or through a symlink) is
 * kept once: linting it twice would report it as a duplicate of itself.
 */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === '-' ? file : realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const p of paths) {
    if (p === '-') {
      add(p);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      const code = String((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new UserError(`cannot read ${p}: ${code === 'ENOENT' ? 'no such file or directory' : describeCode(code)}`, code === 'ENOENT' ? 'check the path; spec files end in .restore' : undefined);
    }
    if (stat.isDirectory()) {
      const found = (readdirSync(p, { recursive: true }) as string[])
        .filter((f) => f.endsWith(SPEC_EXTENSION) && !f.split(/[\\/]/).includes('node_modules'))
        .sort()
        .map((f) => join(p, f));
      for (const f of found) add(f); // not push(...found): a spread of 200,000 paths overflows the stack
    } else add(p);
  }
  return out;
}

/**
 * The file's real path, the key that tells two names of one file apart. The native call: one
 * realpath(3) in C, where Node's JS version lstats each component from JS (10,000 specs in one
 * directory: 30 against 85-105 ms here).
 */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return resolve(file);
  }
}

/**
 * Reads at most `limit + 1` bytes: enough to know a file is too large without loading a huge
 * file (or all of `/dev/zero` on stdin) into memory. `size` is the real size when known,
 * Infinity for a stream longer than the limit.
 */
export function readInput(path: string, limit: number): { bytes: Uint8Array; size: number } {
  try {
    const { bytes, size } = readBounded(path, limit);
    return { bytes, size };
  } catch (e) {
    if (e instanceof ReadError) throw new UserError(e.message, e.code === 'ENOENT' ? 'check the path; spec files end in .restore' : undefined);
    throw e;
  }
}
