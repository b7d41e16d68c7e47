// Loading an offline inventory snapshot (`*.inventory.json`): JSON text → validated Inventory.
// Problems are values that name the bad field and, where it can be found, its line and column.
import type { Inventory } from './inventory.ts';
import { checkInventory, formatProblem, MAX_SCHEMA_PROBLEMS, moreProblems, readablePath, type SchemaProblem } from './validate.ts';
import { lineColumn, locatePointer } from './json-locate.ts';

/**
 * Snapshots larger than this are refused unread: a million tables take about 14 MiB, and V8
 * cannot hold a string much past 512 MiB, so a larger "snapshot" is a mistake (or `/dev/zero`).
 */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** What every reader of snapshots says of a larger file (the CLI's and the language server's). */
export const SNAPSHOT_REFUSED = `snapshots larger than ${MAX_SNAPSHOT_BYTES / (1024 * 1024)} MiB are refused unread`;

export type SnapshotResult = { ok: true; inventory: Inventory } | { ok: false; problems: string[] };

function syntaxProblem(file: string, text: string, e: Error): string {
  // V8 quotes a piece of the text: control characters (NULs from `/dev/zero`) are made visible.
  const message = e.message.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const at = /at position (\d+)/.exec(message);
  if (!at) return `${file}: not valid JSON: ${message}`;
  const { line, column } = lineColumn(text, Number(at[1]));
  return `${file}:${line}:${column}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

function locatedProblem(text: string, pointer: string, message: string): SchemaProblem {
  const offset = locatePointer(text, pointer);
  return { pointer, path: readablePath(pointer), message, ...(offset !== undefined ? lineColumn(text, offset) : {}) };
}

/** What the schema cannot say: names unique within their list, one contents entry per source.
 *  The first MAX_SCHEMA_PROBLEMS are located in the text (a scan each), the rest counted. */
function checkUnique(inv: Inventory, text: string): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  let more = 0;
  const problemAt = (t: string, pointer: string, message: string): SchemaProblem | undefined => {
    if (out.length < MAX_SCHEMA_PROBLEMS) return locatedProblem(t, pointer, message);
    more++;
    return undefined;
  };
  const push = (p: SchemaProblem | undefined) => {
    if (p) out.push(p);
  };
  const sources = new Map<string, number>();
  inv.contents.forEach((c, i) => {
    const key = c.BackupId !== undefined ? `backup ${c.BackupId}` : `time ${c.RestoreTime}`;
    if (sources.has(key)) push(problemAt(text, `/contents/${i}`, `a second entry for ${key} (first at contents[${sources.get(key)}])`));
    else sources.set(key, i);
    const dbs = new Map<string, number>();
    c.Databases.forEach((d, j) => {
      if (dbs.has(d.Database)) push(problemAt(text, `/contents/${i}/Databases/${j}/Database`, `database ${JSON.stringify(d.Database)} is listed twice`));
      else dbs.set(d.Database, j);
    });
  });
  const current = new Set<string>();
  inv.current?.Databases.forEach((d, j) => {
    if (current.has(d.DBName)) push(problemAt(text, `/current/Databases/${j}/DBName`, `database ${JSON.stringify(d.DBName)} is listed twice`));
    current.add(d.DBName);
  });
  if (more > 0) out.push(moreProblems(more));
  return out;
}

/** Parses and validates snapshot text; `file` names it in messages. */
export function loadSnapshot(text: string, file: string): SnapshotResult {
  // The readers refuse a larger file unread; this holds for a text from anywhere else too (every
  // character is at least one byte of UTF-8, so no file within the limit is refused here).
  if (text.length > MAX_SNAPSHOT_BYTES) {
    return { ok: false, problems: [`${file}: the snapshot is ${text.length} characters long; snapshots larger than ${MAX_SNAPSHOT_BYTES / (1024 * 1024)} MiB are refused`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [syntaxProblem(file, text, e as Error)] };
  }
  const problems = checkInventory(data, text);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => formatProblem(file, p)) };
  const inventory = data as Inventory;
  const dupes = checkUnique(inventory, text);
  if (dupes.length > 0) return { ok: false, problems: dupes.map((p) => formatProblem(file, p)) };
  return { ok: true, inventory };
}
