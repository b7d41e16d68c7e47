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
      const found = specsUnder(p)
        .sort()
        .map((f) => join(p, f));
      for (const f of found) add(f); // not push(...found): a spread of 200,000 paths overflows the stack
    } else add(p);
  }
  return out;
}

/**
 * The .restore files below a directory, as paths relative to it, outside node_modules. Symlinked
 * directories are followed, after the real ones (so a file is named by the path without a link
 * when there is one), and every directory is read once, by its real path: a link back up the
 * tree (`here -> .`) is not walked again. Node's recursive readdirSync follows such links to
 * the kernel's 40 levels: one link made lint exit 2, two made it run for good (2^40 paths).
 */
function specsUnder(root: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const links: string[] = [];
  const walk = (rel: string): void => {
    const dir = rel === '' ? root : join(root, rel);
    let entries;
    try {
      const real = realPath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      // In name order: which link names a directory reached only through links does not
      // depend on the order the file system lists them in.
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      const code = String((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new UserError(`cannot read ${dir}: ${describeCode(code)}`);
    }
    for (const e of entries) {
      if (e.name === 'node_modules') continue;
      const path = rel === '' ? e.name : join(rel, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isSymbolicLink() && isDirectory(join(root, path))) links.push(path);
      else if (e.name.endsWith(SPEC_EXTENSION)) out.push(path);
    }
  };
  walk('');
  // walk() may add more.
  for (let i = 0; i < links.length; i++) walk(links[i] as string);
  return out;
}

/** Whether a path leads to a directory; false for a broken link or a loop (read later, and reported there). */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
