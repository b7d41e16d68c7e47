// Exact-name lookups over a backup's contents: Maps built once, on first use, so an exact
// name costs a hash lookup however many names the backup holds.
import type { BackupContents, ContentDatabase } from './inventory.ts';
import { compareCodeUnits, foldName } from './names.ts';
import type { PatternName } from './glob.ts';

/** Names by their comparison key; several names share a key only on a case-insensitive instance. */
export class NameIndex {
  readonly #byKey = new Map<string, string[]>();
  readonly #ci: boolean;
  constructor(names: readonly string[], caseInsensitive: boolean) {
    this.#ci = caseInsensitive;
    for (const n of names) {
      const key = foldName(n, caseInsensitive);
      const list = this.#byKey.get(key);
      if (list) list.push(n);
      else this.#byKey.set(key, [n]);
    }
  }
  /** The stored spellings equal to `name` under the instance's comparison. */
  get(name: string): readonly string[] {
    return this.#byKey.get(foldName(name, this.#ci)) ?? [];
  }
}

export class ContentsIndex {
  readonly contents: BackupContents;
  readonly caseInsensitive: boolean;
  #dbIndex: NameIndex | undefined;
  readonly #dbByName = new Map<string, ContentDatabase>();
  readonly #tableIndex = new Map<ContentDatabase, NameIndex>();
  readonly #scans = new Map<ContentDatabase, number>();

  constructor(contents: BackupContents, caseInsensitive: boolean) {
    this.contents = contents;
    this.caseInsensitive = caseInsensitive;
    for (const d of contents.Databases) this.#dbByName.set(d.Database, d);
  }

  get databases(): readonly ContentDatabase[] {
    return this.contents.Databases;
  }

  database(name: string): ContentDatabase | undefined {
    return this.#dbByName.get(name);
  }

  /** Databases whose name equals `name` under the instance's comparison. */
  findDatabases(name: string): ContentDatabase[] {
    this.#dbIndex ??= new NameIndex(this.contents.Databases.map((d) => d.Database), this.caseInsensitive);
    return this.#dbIndex.get(name).map((n) => this.#dbByName.get(n) as ContentDatabase);
  }

  /**
   * Tables of `db` whose name equals `name` under the instance's comparison. The first few
   * lookups in a database scan its list; after that it gets an index. (A rule naming one table
   * across thousands of databases would otherwise build thousands of indexes to use once.)
   */
  findTables(db: ContentDatabase, name: string): readonly string[] {
    let index = this.#tableIndex.get(db);
    if (!index) {
      const scans = (this.#scans.get(db) ?? 0) + 1;
      this.#scans.set(db, scans);
      if (scans <= SCANS_BEFORE_INDEX) return scanNames(db.Tables, name, this.caseInsensitive);
      index = new NameIndex(db.Tables, this.caseInsensitive);
      this.#tableIndex.set(db, index);
    }
    return index.get(name);
  }
}

const SCANS_BEFORE_INDEX = 4;

function scanNames(names: readonly string[], name: string, caseInsensitive: boolean): string[] {
  const key = foldName(name, caseInsensitive);
  const out: string[] = [];
  for (const n of names) {
    if (n.length === key.length && (n === key || (caseInsensitive && n.toLowerCase() === key))) out.push(n);
  }
  return out;
}

/** The names `pattern` matches, sorted by code unit. */
export function matchNames(pattern: PatternName, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) if (pattern.test(n)) out.push(n);
  return out.sort(compareCodeUnits);
}
