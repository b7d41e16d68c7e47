// Exact-name lookups over a backup's contents: Maps built once, on first use, so an exact
// name costs a hash lookup however many names the backup holds.
import type { BackupContents, ContentDatabase } from './inventory.ts';
import { foldName, sortByCodeUnits } from './names.ts';
import type { PatternName } from './glob.ts';
import type { NameNode } from '../grammar/index.ts';
import { firstAtLeast } from '../grammar/sorted.ts';

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

const SHARED_CI = new WeakMap<BackupContents, ContentsIndex>();
const SHARED_CS = new WeakMap<BackupContents, ContentsIndex>();

export class ContentsIndex {
  readonly contents: BackupContents;
  readonly caseInsensitive: boolean;
  #dbIndex: NameIndex | undefined;
  readonly #dbByName = new Map<string, ContentDatabase>();
  readonly #tableIndex = new Map<readonly string[], NameIndex>();
  readonly #scans = new Map<readonly string[], number>();
  readonly #lists = new Map<ContentDatabase, readonly string[]>();
  readonly #listsBySignature = new Map<string, (readonly string[])[]>();
  readonly #sorted = new Map<readonly string[], readonly string[]>();
  readonly #byPrefix = new Map<readonly string[], PrefixIndex>();

  /**
   * The index of `contents`, shared by every spec compiled against the same snapshot in one run
   * (lint of thousands of specs with one `--inventory`): its maps and pattern matches are built
   * once. The contents must not change afterwards, which holds for a loaded inventory.
   */
  static of(contents: BackupContents, caseInsensitive: boolean): ContentsIndex {
    const cache = caseInsensitive ? SHARED_CI : SHARED_CS;
    let index = cache.get(contents);
    if (!index) cache.set(contents, (index = new ContentsIndex(contents, caseInsensitive)));
    return index;
  }

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
   * `db.Tables`, or an earlier database's list with the very same names in the same order.
   * Sharded schemas repeat one table list across thousands of databases; whatever depends only
   * on the list (pattern matches, name indexes) is then worked out once per distinct list, not
   * once per database. The names are equal strings either way, so nothing downstream can tell.
   */
  tableList(db: ContentDatabase): readonly string[] {
    let list = this.#lists.get(db);
    if (list) return list;
    const tables = db.Tables;
    const signature = `${tables.length}\u0000${tables[0] ?? ''}\u0000${tables[tables.length - 1] ?? ''}`;
    const seen = this.#listsBySignature.get(signature) ?? [];
    list = seen.find((l) => sameNames(l, tables));
    if (!list) {
      list = tables;
      // A few distinct lists per signature are plenty; past that, comparing would cost more than it saves.
      if (seen.length < LISTS_PER_SIGNATURE) this.#listsBySignature.set(signature, [...seen, tables]);
    }
    this.#lists.set(db, list);
    return list;
  }

  /** `db`'s tables sorted by code unit, as a whole database is listed; sorted once per distinct list. */
  sortedTables(db: ContentDatabase): readonly string[] {
    const list = this.tableList(db);
    let sorted = this.#sorted.get(list);
    if (!sorted) {
      sorted = sortByCodeUnits([...list]);
      this.#sorted.set(list, sorted);
    }
    return sorted;
  }

  /**
   * The names of a table list that `pattern` matches, sorted by code unit. A long list is
   * searched by the pattern's literal prefix in a sorted index (built once per list), so a
   * thousand patterns over a million names test only the names each could match.
   */
  matchList(list: readonly string[], pattern: PatternName): string[] {
    if (pattern.prefix === '' || list.length < PREFIX_INDEX_MIN) return matchNames(pattern, list);
    let index = this.#byPrefix.get(list);
    if (!index) this.#byPrefix.set(list, (index = new PrefixIndex(list, this.caseInsensitive)));
    return matchNames(pattern, index.startingWith(pattern.prefix));
  }

  /**
   * Tables of `db` whose name equals `name` under the instance's comparison. The first few
   * lookups in a table list scan it; after that it gets an index. (A rule naming one table
   * across thousands of distinct databases would otherwise build thousands of indexes to use once.)
   */
  findTables(db: ContentDatabase, name: string): readonly string[] {
    const list = this.tableList(db);
    let index = this.#tableIndex.get(list);
    if (!index) {
      const scans = (this.#scans.get(list) ?? 0) + 1;
      this.#scans.set(list, scans);
      if (scans <= SCANS_BEFORE_INDEX) return scanNames(list, name, this.caseInsensitive);
      index = new NameIndex(list, this.caseInsensitive);
      this.#tableIndex.set(list, index);
    }
    return index.get(name);
  }
}

const LISTS_PER_SIGNATURE = 4;
/** Below this many names a scan with the pattern's own prefilter is quicker than an index. */
const PREFIX_INDEX_MIN = 4096;

/**
 * A list's names sorted by their comparison key (lower case on a case-insensitive instance).
 * There, a name with a non-ASCII character may match an ASCII literal by its upper case (`ſ` is
 * `S`), which no sorted key shows: such names are always handed to the pattern as well.
 */
class PrefixIndex {
  readonly #keys: string[];
  readonly #names: string[];
  readonly #others: string[] = [];
  constructor(list: readonly string[], caseInsensitive: boolean) {
    const ascii = caseInsensitive ? list.filter((n) => !/[^\x00-\x7f]/.test(n) || (this.#others.push(n), false)) : list;
    const pairs = ascii.map((n) => [caseInsensitive ? n.toLowerCase() : n, n] as const);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#keys = pairs.map((p) => p[0]);
    this.#names = pairs.map((p) => p[1]);
  }
  /** The names whose key starts with `prefix` (already folded). */
  startingWith(prefix: string): string[] {
    const keys = this.#keys;
    const out: string[] = [...this.#others];
    for (let i = firstAtLeast(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(this.#names[i]!);
    return out;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const SCANS_BEFORE_INDEX = 4;

function scanNames(names: readonly string[], name: string, caseInsensitive: boolean): string[] {
  const key = foldName(name, caseInsensitive);
  const out: string[] = [];
  for (const n of names) if (sameName(n, key, caseInsensitive)) out.push(n);
  return out;
}

/**
 * The names of one table list that each of a block's patterns matches (sorted by code unit, as
 * matchNames gives them), found in one pass over the list instead of one pass per pattern. Each
 * name is handed only to the patterns it can match, chosen by its first character against each
 * pattern's literal first character: a block of a few patterns over a sharded schema (2,000
 * distinct lists of 500 names) tests a name against the one pattern that starts the same way, or
 * none. Patterns with no literal start see every name, and so does a name whose first character
 * is not ASCII (on a case-insensitive instance `ſ` matches `S`, and the Kelvin sign `k`). Exact
 * names are not scanned for: ContentsIndex.findTables indexes a list that several lookups use.
 * Long lists are left to ContentsIndex.matchList's prefix index.
 */
export class ListScanner {
  readonly #items: readonly ScanItem[];
  /** By the folded first character (0-127) of a name, for the characters patterns start with: the patterns such a name can match. */
  readonly #byFirst: (readonly number[] | undefined)[] = new Array(128);
  /** The patterns a name starting with any other ASCII character can match: those without a literal start. */
  readonly #anyStart: readonly number[];
  readonly #everyItem: readonly number[];
  readonly #ci: boolean;
  #lastList: readonly string[] | undefined;
  #last: readonly (readonly string[])[] = [];
  /** The list #masks saw last, its names' bits, and a second buffer for the next list's. */
  #prevList: readonly string[] = [];
  #prevMasks = new Int32Array(0);
  #nextMasks = new Int32Array(0);
  /** #pass's answer for #prevList: a pattern whose matches did not change keeps its array. */
  #prevOut: readonly (readonly string[])[];
  /** The patterns whose matches in the list #masks saw last may differ from those in the one before. */
  #changed = 0;

  constructor(items: readonly ScanItem[], caseInsensitive: boolean) {
    this.#items = items;
    this.#ci = caseInsensitive;
    this.#everyItem = items.map((_, k) => k);
    this.#prevOut = items.map(() => NO_NAMES);
    const first = items.map(({ prefix: lead }) => {
      if (lead === '') return -1; // no literal start: every name
      const c = lead.charCodeAt(0);
      return c < 128 ? c : 128; // a non-ASCII start: only names with a non-ASCII start can match
    });
    this.#anyStart = this.#everyItem.filter((k) => first[k] === -1);
    // Built per statement (a lint of thousands of specs builds thousands): only the characters used.
    for (const c of new Set(first)) {
      if (c >= 0 && c < 128) this.#byFirst[c] = this.#everyItem.filter((k) => first[k] === -1 || first[k] === c);
    }
  }

  static usable(list: readonly string[]): boolean {
    return list.length < PREFIX_INDEX_MIN;
  }

  /**
   * For each pattern, in order, the names of `list` it matches (the last list's answer is kept).
   * The arrays are shared and never to be modified: a pattern that matches the same names as in
   * the list scanned before gets the same array, so a caller may keep what it worked out from an
   * array by the array's identity.
   */
  scan(list: readonly string[]): readonly (readonly string[])[] {
    if (list === this.#lastList) return this.#last;
    // One pattern too: its bits are reused across lists like any block's (a sharded schema's
    // lists repeat most names), where a pass of its own tested every name of every list.
    const out = this.#pass(list);
    this.#lastList = list;
    this.#last = out;
    return out;
  }

  #pass(list: readonly string[]): readonly (readonly string[])[] {
    const items = this.#items;
    if (items.length > MAX_MASKED_PATTERNS) {
      const out: string[][] = items.map(() => []);
      for (let i = 0; i < list.length; i++) {
        const n = list[i]!;
        const candidates = this.#candidates(n);
        for (let j = 0; j < candidates.length; j++) if (items[candidates[j]!]!.test(n)) out[candidates[j]!]!.push(n);
      }
      for (const names of out) sortByCodeUnits(names);
      return out;
    }
    const masks = this.#masks(list);
    const changed = this.#changed;
    const out: (readonly string[])[] = this.#prevOut.slice();
    if (changed !== 0) {
      const fresh: string[][] = [];
      for (let k = 0; k < items.length; k++) if (changed & (1 << k)) out[k] = fresh[k] = [];
      for (let i = 0; i < list.length; i++) {
        let m = masks[i]! & changed;
        for (let k = 0; m !== 0; k++, m >>>= 1) if (m & 1) fresh[k]!.push(list[i]!);
      }
      for (const names of fresh) if (names) sortByCodeUnits(names);
    }
    this.#prevOut = out;
    return out;
  }

  /** The patterns a name can match, by its first character. */
  #candidates(n: string): readonly number[] {
    let c = n.charCodeAt(0);
    if (this.#ci && c >= 65 && c <= 90) c += 32;
    return c < 128 ? (this.#byFirst[c] ?? this.#anyStart) : this.#everyItem;
  }

  /**
   * For each name of `list`, the patterns it matches, as bits. The distinct lists of a sharded
   * schema repeat most of their names in the same order (the shared tables, around each
   * database's own): a name equal to the one at the aligned place of the list scanned before
   * takes that name's bits without being tested again. Equal names always match alike, so the
   * alignment (the same place, or one name inserted or removed) decides only how much is reused.
   *
   * Also sets #changed: the bits of the names tested and of the previous list's names left
   * unaligned. A pattern outside it matched only aligned names, in both lists: the alignment keeps
   * order and pairs equal names, so it matched the same names in the same order.
   */
  #masks(list: readonly string[]): Int32Array {
    const items = this.#items;
    const prev = this.#prevList;
    const prevMasks = this.#prevMasks;
    if (this.#nextMasks.length < list.length) this.#nextMasks = new Int32Array(list.length * 2);
    const masks = this.#nextMasks;
    let changed = 0;
    let j = 0;
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      if (j < prev.length) {
        if (prev[j] === n) {
          masks[i] = prevMasks[j++]!;
          continue;
        }
        if (j + 1 < prev.length && prev[j + 1] === n) {
          changed |= prevMasks[j]!;
          masks[i] = prevMasks[j + 1]!;
          j += 2;
          continue;
        }
        // Not the previous list's name here: unless that one comes next (a name inserted), step past it.
        if (list[i + 1] !== prev[j]) changed |= prevMasks[j++]!;
      }
      const candidates = this.#candidates(n);
      let m = 0;
      for (let c = 0; c < candidates.length; c++) if (items[candidates[c]!]!.test(n)) m |= 1 << candidates[c]!;
      masks[i] = m;
      changed |= m;
    }
    for (; j < prev.length; j++) changed |= prevMasks[j]!;
    this.#prevList = list;
    this.#nextMasks = prevMasks;
    this.#prevMasks = masks;
    this.#changed = changed;
    return masks;
  }
}

const NO_NAMES: readonly string[] = [];

/** What a ListScanner looks for: a pattern, or an exact name (ExactItem). */
export interface ScanItem {
  node: NameNode;
  /** The literal text every match starts with, as names are compared ('' if none can be used). */
  prefix: string;
  test(name: string): boolean;
}

/**
 * An exact table name among a block's patterns, so that one pass over a list finds it too (and
 * the scanner's answer for it is shared across lists as a pattern's is). It finds the names
 * ContentsIndex.findTables finds: those equal to it under the instance's comparison.
 */
export class ExactItem implements ScanItem {
  readonly node: NameNode;
  readonly name: string;
  readonly prefix: string;
  readonly #key: string;
  readonly #ci: boolean;

  constructor(node: NameNode, name: string, caseInsensitive: boolean) {
    this.node = node;
    this.name = name;
    this.#ci = caseInsensitive;
    this.#key = foldName(name, caseInsensitive);
    // A name equals the key only if its first character folds to the key's (names with a
    // non-ASCII start are tried against every item; an ASCII character folds to ASCII).
    this.prefix = this.#key;
  }

  test(name: string): boolean {
    return sameName(name, this.#key, this.#ci);
  }
}

/** At most this many scanners are kept by a ScannerCache; past that it starts again. */
const MAX_SHARED_SCANNERS = 256;

/**
 * Scanners shared by the statements of one run (a lint of thousands of specs) whose blocks have
 * the same patterns, in the same order, on instances that compare names alike: a scanner keeps
 * the answer for the last list it scanned, so a block repeated across files over one snapshot
 * scans its table list once. What a pattern matches depends on its text and the comparison
 * alone, so which statement's patterns the scanner holds makes no difference. Made per run, so
 * nothing is kept past it; bounded within it.
 */
export class ScannerCache {
  readonly #scanners = new Map<string, ListScanner>();

  for(items: readonly ScanItem[], caseInsensitive: boolean): ListScanner {
    const key = JSON.stringify([caseInsensitive, ...items.map((p) => (p instanceof ExactItem ? `=${p.name}` : `~${p.node.value}`))]);
    let scanner = this.#scanners.get(key);
    if (!scanner) {
      if (this.#scanners.size >= MAX_SHARED_SCANNERS) this.#scanners.clear();
      this.#scanners.set(key, (scanner = new ListScanner(items, caseInsensitive)));
    }
    return scanner;
  }
}

/** Patterns of one block whose matches a name's bits can hold (see ListScanner's masks). */
export const MAX_MASKED_PATTERNS = 31;

/**
 * Whether `n` equals `key` (a name already folded) under the instance's comparison, as NameIndex
 * decides it. Lower-casing never shortens a string and lengthens it only for U+0130 (`İ` becomes
 * `i̇`), so lengths decide most names without lower-casing them.
 */
function sameName(n: string, key: string, caseInsensitive: boolean): boolean {
  if (n.length === key.length) return n === key || (caseInsensitive && sameFolded(n, key));
  return caseInsensitive && n.length < key.length && n.includes('\u0130') && n.toLowerCase() === key;
}

/**
 * `n.toLowerCase() === key` for a name as long as `key`, without making the lower-cased string:
 * a table of a sharded schema is looked up in thousands of lists of hundreds of names of one
 * length. While `n` is ASCII its lower case is folded code unit by code unit, so the first ASCII
 * code unit that differs decides; at the first other one, toLowerCase decides the whole.
 */
function sameFolded(n: string, key: string): boolean {
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    const k = key.charCodeAt(i);
    if (c === k || (c >= 65 && c <= 90 && c + 32 === k)) continue;
    return c > 127 && n.toLowerCase() === key;
  }
  return true;
}

/** The names `pattern` matches, sorted by code unit. */
export function matchNames(pattern: PatternName, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) if (pattern.test(n)) out.push(n);
  return sortByCodeUnits(out);
}
