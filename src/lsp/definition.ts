// Go to definition: from a name in the spec to the lines of the snapshot that define what it
// matches (a database's `Database` field, a table's entry in `Tables`). Found with the
// compiler's JSON pointer locator, so nothing is parsed twice; at most MAX_LOCATIONS places,
// since each costs a scan of the snapshot text.
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { locatePointer } from '../compiler/json-locate.ts';
import type { ContentDatabase } from '../compiler/inventory.ts';
import type { Analysis } from './analyze.ts';
import type { Snapshot } from './files.ts';
import { locate } from './locate.ts';
import { analysisScope, matchDatabases, planOf, sameSpan, type Scope } from './scope.ts';
import { toRange } from './positions.ts';

const MAX_LOCATIONS = 20;

/** The range of the JSON value at `offset` (a string or a number). */
function valueRange(snapshot: Snapshot, offset: number): Location {
  const text = snapshot.text;
  let end = offset;
  if (text[offset] === '"') {
    end++;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    end++;
  } else while (end < text.length && !/[,\]}\s]/.test(text[end]!)) end++;
  return { uri: pathToFileURL(snapshot.path).href, range: toRange(snapshot.source, { start: offset, end }) };
}

class Locator {
  readonly #dbOffsets = new Map<ContentDatabase, number | undefined>();
  constructor(
    readonly snapshot: Snapshot,
    readonly scope: Scope,
  ) {}

  #dbPointer(db: ContentDatabase): string | undefined {
    // A cross-region spec's contents are the snapshot's crossRegion.contents.
    const own = this.snapshot.inventory.contents.indexOf(this.scope.contents);
    const cross = this.snapshot.inventory.crossRegion?.contents.indexOf(this.scope.contents) ?? -1;
    const d = this.scope.contents.Databases.indexOf(db);
    if (d < 0) return undefined;
    if (own >= 0) return `/contents/${own}/Databases/${d}`;
    return cross >= 0 ? `/crossRegion/contents/${cross}/Databases/${d}` : undefined;
  }

  database(db: ContentDatabase): Location | undefined {
    const pointer = this.#dbPointer(db);
    const at = pointer === undefined ? undefined : locatePointer(this.snapshot.text, `${pointer}/Database`);
    return at === undefined ? undefined : valueRange(this.snapshot, at);
  }

  table(db: ContentDatabase, table: string): Location | undefined {
    const k = db.Tables.indexOf(table);
    if (k < 0) return undefined;
    // Locate the database once, then the table inside it: the scan starts there, not at the top.
    if (!this.#dbOffsets.has(db)) {
      const pointer = this.#dbPointer(db);
      this.#dbOffsets.set(db, pointer === undefined ? undefined : locatePointer(this.snapshot.text, pointer));
    }
    const base = this.#dbOffsets.get(db);
    if (base === undefined) return undefined;
    const at = locatePointer(this.snapshot.text.slice(base), `/Tables/${k}`);
    return at === undefined ? undefined : valueRange(this.snapshot, base + at);
  }
}

export function definition(a: Analysis, offset: number): Location[] {
  if (a.snapshot.kind !== 'ok') return [];
  const snapshot = a.snapshot.snapshot;
  const scope = analysisScope(a);
  const located = locate(a.parsed.document, a.parsed.source, offset);
  if (!scope || !located) return [];
  const locator = new Locator(snapshot, scope);
  const out: (Location | undefined)[] = [];
  switch (located.kind) {
    case 'restore-source':
    case 'except-db':
      for (const db of matchDatabases(scope, located.name).slice(0, MAX_LOCATIONS)) out.push(locator.database(db));
      break;
    case 'table-source': {
      const plan = planOf(a);
      for (const db of plan?.databases ?? []) {
        const source = scope.index.database(db.source);
        for (const t of db.tables) {
          if (out.length >= MAX_LOCATIONS) break;
          if (source && sameSpan(t.origin, located.item.span)) out.push(locator.table(source, t.source));
        }
      }
      break;
    }
    case 'instance': {
      const at = locatePointer(snapshot.text, '/instance/DBInstanceId');
      if (at !== undefined) out.push(valueRange(snapshot, at));
      break;
    }
    default:
      break;
  }
  return out.filter((l): l is Location => l !== undefined);
}
