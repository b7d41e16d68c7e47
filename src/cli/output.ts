// Writing files the user named: reports (`lint -o`, `grammar -o`) and specs formatted in place.
// A failure is a sentence saying which file and why, never a stack; a file rewritten in place
// keeps what users set on it (a symlink stays a symlink, the mode stays) and is replaced
// atomically, or not at all.
import { chmodSync, chownSync, closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeCode } from '../grammar/read-bounded.ts';
import { UserError } from './errors.ts';

const code = (e: unknown): string => String((e as NodeJS.ErrnoException).code ?? (e as Error).message);

function whyNot(e: unknown): string {
  const c = code(e);
  if (c === 'ENOENT') return 'its directory does not exist';
  if (c === 'EROFS') return 'the file system is read-only';
  if (c === 'ENOSPC') return 'no space left on the device';
  if (c === 'EDQUOT') return 'the disk quota is used up';
  return describeCode(c);
}

/** Writes a report or page the user asked for with `-o FILE`. */
export function writeOutputFile(path: string, text: string, flag = '-o'): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    writeSync(fd, text);
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${whyNot(e)}`, `check the path given to ${flag}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces the contents of `file` with `text` atomically: written to a temporary file beside
 * the real file (through any symlinks), flushed, given the original's mode (and owner, when
 * allowed), then renamed over it. A file with other hard links is refused: a rename would
 * split them, and writing in place is not atomic.
 */
export function replaceFileContents(file: string, text: string): void {
  let target: string;
  let mode: number;
  let uid: number;
  let gid: number;
  try {
    target = realpathSync(file);
    const st = statSync(target);
    if (st.nlink > 1) {
      throw new UserError(
        `not formatting ${file}: it has ${st.nlink} hard links, and writing a new file would split them`,
        `format a copy and copy it back over the file (restorec fmt --stdout ${file} > formatted && cat formatted > ${file}), or remove the other links`,
      );
    }
    ({ mode, uid, gid } = st);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot format ${file}: ${whyNot(e)}`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.restorec-fmt-${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode & 0o777);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // openSync's mode passes through the umask: set it exactly, as the original had it.
    chmodSync(tmp, mode & 0o7777);
    try {
      const made = lstatSync(tmp);
      if (made.uid !== uid || made.gid !== gid) chownSync(tmp, uid, gid);
    } catch {
      // Only root may give a file away; anyone else's new file is theirs, as an editor's would be.
    }
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // It was never created.
    }
    throw new UserError(`cannot write ${file}: ${whyNot(e)}`, `fmt writes a temporary file beside ${target === file ? 'it' : `its target ${target}`} and renames it over the file: the directory must be writable; restorec fmt --stdout ${file} prints the formatted text instead`);
  }
}
