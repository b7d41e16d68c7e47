// Finding and reading inventory snapshots for the commands that resolve specs (compile, plan,
// lint, apply): `--inventory FILE`, or the spec's neighbour `NAME.inventory.json`.
import { reportProblems } from './report.ts';
import { loadSnapshot, MAX_SNAPSHOT_BYTES, SNAPSHOT_REFUSED, type Inventory } from '../compiler/index.ts';
import { describeCode, ReadError, readJsonTextBounded, sizeWords } from '../grammar/read-bounded.ts';
import { UserError } from './errors.ts';
import { SPEC_EXTENSION } from './files.ts';

/** The snapshot convention: `incident.restore` → `incident.inventory.json` beside it. */
export function neighbourSnapshot(file: string): string | undefined {
  if (file === '-' || !file.endsWith(SPEC_EXTENSION)) return undefined;
  return file.slice(0, -SPEC_EXTENSION.length) + '.inventory.json';
}

/** Reads a snapshot's text, at most MAX_SNAPSHOT_BYTES of it (a `/dev/zero` must not fill memory). */
export function readSnapshotText(path: string, what = 'the inventory snapshot'): string {
  let read;
  try {
    read = readJsonTextBounded(path, MAX_SNAPSHOT_BYTES);
  } catch (e) {
    if (e instanceof ReadError) throw new UserError(`cannot read ${what} ${path}: ${describeCode(e.code)}`);
    throw e;
  }
  if ('tooLarge' in read) {
    throw new UserError(`${what} ${path} is ${sizeWords(read.size, MAX_SNAPSHOT_BYTES)}; ${SNAPSHOT_REFUSED}`, 'check that this is the snapshot you meant (restorec inventory pull writes one)');
  }
  return read.text;
}

/** For a file another file names (a scenario's snapshots): the text, or an Error saying why not. */
export function readNamedSnapshot(path: string): string {
  let read;
  try {
    read = readJsonTextBounded(path, MAX_SNAPSHOT_BYTES);
  } catch (e) {
    throw new Error(e instanceof ReadError ? describeCode(e.code) : (e as Error).message);
  }
  if ('tooLarge' in read) throw new Error(`it is ${sizeWords(read.size, MAX_SNAPSHOT_BYTES)}; ${SNAPSHOT_REFUSED}`);
  return read.text;
}

/** Reads and validates a snapshot; problems go to stderr and end the command (exit 2). */
export function readSnapshot(path: string): Inventory {
  const text = readSnapshotText(path);
  const loaded = loadSnapshot(text, path);
  if (!loaded.ok) {
    reportProblems(loaded.problems);
    throw new UserError(`${path} is not a valid inventory snapshot (${loaded.problems.length === 1 ? 'the problem' : 'the problems'} above)`, 'see schemas/inventory.schema.json for the format');
  }
  return loaded.inventory;
}
