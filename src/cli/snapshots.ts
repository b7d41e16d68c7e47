// Finding and reading inventory snapshots for the commands that resolve specs (compile, plan,
// lint, apply): `--inventory FILE`, or the spec's neighbour `NAME.inventory.json`.
import { readFileSync } from 'node:fs';
import { loadSnapshot, type Inventory } from '../compiler/index.ts';
import { UserError } from './errors.ts';
import { SPEC_EXTENSION } from './files.ts';

/** The snapshot convention: `incident.restore` → `incident.inventory.json` beside it. */
export function neighbourSnapshot(file: string): string | undefined {
  if (file === '-' || !file.endsWith(SPEC_EXTENSION)) return undefined;
  return file.slice(0, -SPEC_EXTENSION.length) + '.inventory.json';
}

/** Reads and validates a snapshot; problems go to stderr and end the command (exit 2). */
export function readSnapshot(path: string): Inventory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read the inventory snapshot ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? e)}`);
  }
  const loaded = loadSnapshot(text, path);
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`${p}\n`);
    throw new UserError(`${path} is not a valid inventory snapshot (${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} above)`, 'see schemas/inventory.schema.json for the format');
  }
  return loaded.inventory;
}
