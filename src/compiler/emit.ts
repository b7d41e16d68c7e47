// Emission: a RestorePlan becomes RestoreTable (or, from a cross-region source, RestoreDdrTable)
// parameters with the API's exact names (request.ts), deterministic byte for byte, split into an
// ordered series when it exceeds the limits, and
// checked against schemas/restore-request.schema.json before it leaves the compiler. Two limits
// shape a series: the API's 100 tables per request (InvalidParamTableMeta.TooManyTables) and the
// console's 50 entries (`maxEntries`, the default). A database created under a new name is never
// split: its first request would create it and the next be refused (InvalidDBName.Duplicate).
import { error, writeExactName, type Diagnostic, type Span } from '../grammar/index.ts';
import { DEFAULT_MAX_ENTRIES, type CompileOptions, type PlanDatabase, type PlanTable, type RestorePlan } from './plan.ts';
import { checkRestoreRequest, checkTableMeta, type SchemaProblem } from './validate.ts';
import { clientToken, rememberTableMetaJson, requestParams, type RestoreRequest } from './request.ts';
import { displayName as shown, isMySqlName, restoredAs } from './names.ts';

export type { RestoreRequest } from './request.ts';

/** At most this many tables in one RestoreTable request (the contract's TooManyTables message). */
export const MAX_TABLES_PER_REQUEST = 100;

/** TableMeta's JSON shape; key order is the API's (`type`, `name`, `newname`, `tables`). */
export interface TableMetaTable {
  type: 'table';
  name: string;
  newname: string;
}
export interface TableMetaDatabase {
  type: 'db';
  name: string;
  newname: string;
  tables?: TableMetaTable[];
}

/** Where request-level problems point: the statements that supplied the values. */
export interface EmitSpans {
  instance: Span;
  source: Span;
}

export interface EmitResult {
  requests: RestoreRequest[];
  /** How many entries (databases + tables) each request holds. */
  entries: number[];
  diagnostics: Diagnostic[];
}

/** One database's share of one request: its tables [from, to), or its bare db entry when it lists no tables. */
export interface Slice {
  /** Index into the list that was split. */
  index: number;
  from: number;
  to: number;
}

/** One db entry to pack: its table count (undefined: a bare db entry), and a group that must stay in one request. */
export interface PackUnit {
  size: number | undefined;
  /** Units of one group (a database created under a new name) go into one request together. */
  group?: number | undefined;
}

export interface Packing {
  parts: Slice[][];
  /** Groups with more tables than one request takes: they cannot be restored without a split. */
  tooLarge: number[];
  /** Parts holding more than `maxEntries` entries: a group kept whole (the API takes up to 100 tables). */
  oversized: number[];
}

/**
 * Packs db entries into requests of at most `maxEntries` entries (a database counts as one entry
 * and each table as one, as the console counts its 50) and at most `maxTables` tables. A unit
 * outside any group may be split, its database repeated (and counted) in each part; a group is
 * packed whole, in a request of its own when it exceeds `maxEntries`. Works on counts so that
 * emission can split the plan without first copying a million tables into TableMeta objects.
 */
export function packRequests(units: readonly PackUnit[], maxEntries: number, maxTables = MAX_TABLES_PER_REQUEST): Packing {
  if (!Number.isInteger(maxEntries) || maxEntries < 2) throw new RangeError(`maxEntries must be an integer of at least 2, got ${maxEntries}`);
  const parts: Slice[][] = [];
  const tooLarge: number[] = [];
  const oversized: number[] = [];
  let part: Slice[] = [];
  let used = 0;
  let tables = 0;
  const flush = () => {
    if (part.length > 0) parts.push(part);
    part = [];
    used = 0;
    tables = 0;
  };
  const splittable = (size: number | undefined, index: number) => {
    if (size === undefined) {
      if (used + 1 > maxEntries) flush();
      part.push({ index, from: 0, to: 0 });
      used += 1;
      return;
    }
    for (let at = 0; at < size; ) {
      if (used + 2 > maxEntries || tables + 1 > maxTables) flush();
      const take = Math.min(size - at, maxEntries - used - 1, maxTables - tables);
      part.push({ index, from: at, to: at + take });
      used += 1 + take;
      tables += take;
      at += take;
    }
  };
  // Each group's members, found in one pass (thousands of renamed databases: no pass per group).
  const groupMembers = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (u.group === undefined) return;
    const l = groupMembers.get(u.group);
    if (l) l.push(i);
    else groupMembers.set(u.group, [i]);
  });
  const placed = new Set<number>();
  units.forEach((u, index) => {
    if (u.group === undefined) return splittable(u.size, index);
    if (placed.has(u.group)) return;
    placed.add(u.group);
    const members = groupMembers.get(u.group)!;
    const entries = members.reduce((n, i) => n + 1 + (units[i]!.size ?? 0), 0);
    const count = members.reduce((n, i) => n + (units[i]!.size ?? 0), 0);
    if (count > maxTables) {
      tooLarge.push(u.group);
      for (const i of members) splittable(units[i]!.size, i);
      return;
    }
    if (used + entries > maxEntries || tables + count > maxTables) flush();
    for (const i of members) part.push({ index: i, from: 0, to: units[i]!.size ?? 0 });
    used += entries;
    tables += count;
    if (entries > maxEntries) {
      oversized.push(parts.length);
      flush();
    }
  });
  flush();
  return { parts, tooLarge, oversized };
}

/** Packs entries that may all be split (no groups): see {@link packRequests}. */
export function splitSizes(sizes: readonly (number | undefined)[], max: number): Slice[][] {
  return packRequests(sizes.map((size) => ({ size })), max).parts;
}

/** Splits TableMeta db entries as {@link packRequests} does: a renamed database (newname differs) is kept whole. */
export function splitEntries(dbs: readonly TableMetaDatabase[], max: number): TableMetaDatabase[][] {
  const groups = new Map<string, number>();
  const units = dbs.map((db) => ({ size: db.tables?.length, group: db.newname === db.name ? undefined : (groups.get(db.newname) ?? groups.set(db.newname, groups.size).get(db.newname)) }));
  return packRequests(units, max).parts.map((part) =>
    part.map((s) => {
      const db = dbs[s.index] as TableMetaDatabase;
      return db.tables === undefined ? db : { type: 'db', name: db.name, newname: db.newname, tables: db.tables.slice(s.from, s.to) };
    }),
  );
}

/** The entries of one part: a bare db entry has from = to = 0, so it counts as one. */
function countEntries(part: readonly Slice[]): number {
  return part.reduce((n, s) => n + 1 + s.to - s.from, 0);
}

/** Whether the schema takes every name of a database's entry (isMySqlName, as in Texts.entry), worked out once a database. */
function listedValid(l: Listed, known: Map<Listed, boolean>): boolean {
  let valid = known.get(l);
  if (valid === undefined) {
    valid = isMySqlName(l.db.source) && isMySqlName(l.db.target) && (l.bare || l.db.tables.every((t) => isMySqlName(t.source) && isMySqlName(t.target)));
    known.set(l, valid);
  }
  return valid;
}

/** A plan database as TableMeta lists it: with its tables, or as a bare db entry. */
interface Listed {
  db: PlanDatabase;
  bare: boolean;
}

/** Which plan databases TableMeta lists: those with tables, and whole ones in db-entry mode. */
function listed(databases: readonly PlanDatabase[], options: CompileOptions): Listed[] {
  const out: Listed[] = [];
  for (const db of databases) {
    if (db.whole && options.wholeDatabase === 'db-entry') out.push({ db, bare: true });
    else if (db.tables.length > 0) out.push({ db, bare: false });
  }
  return out;
}

/** The TableMeta object for tables [from, to) of a listed database. */
function toEntry({ db, bare }: Listed, from = 0, to = db.tables.length): TableMetaDatabase {
  if (bare) return { type: 'db', name: db.source, newname: db.target };
  return { type: 'db', name: db.source, newname: db.target, tables: db.tables.slice(from, to).map((t) => ({ type: 'table', name: t.source, newname: t.target })) };
}

export function toTableMeta(databases: readonly PlanDatabase[], options: CompileOptions = {}): TableMetaDatabase[] {
  return listed(databases, options).map((l) => toEntry(l));
}

/** Printable ASCII but `"` and `\`: JSON.stringify writes such a name between quotes as it is. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]+$/;

/** Text being written: TableMeta's JSON, the same escaped as a JSON string, and whether every name passes the schema. */
class Texts {
  readonly text: string[] = [];
  readonly json: string[] = [];
  valid = true;

  /** One entry: `{"type":…,"name":…,"newname":…` and what follows it (`}`, or the table list's start). */
  entry(lead: string, type: 'db' | 'table', name: string, newname: string, close: boolean): void {
    this.valid &&= isMySqlName(name) && isMySqlName(newname);
    if (PLAIN.test(name) && PLAIN.test(newname)) {
      this.text.push(`${lead}{"type":"${type}","name":"${name}","newname":"${newname}"${close ? '}' : ',"tables":['}`);
      this.json.push(`${lead}{\\"type\\":\\"${type}\\",\\"name\\":\\"${name}\\",\\"newname\\":\\"${newname}\\"${close ? '}' : ',\\"tables\\":['}`);
      return;
    }
    const t = `${lead}{"type":"${type}","name":${JSON.stringify(name)},"newname":${JSON.stringify(newname)}${close ? '}' : ',"tables":['}`;
    this.text.push(t);
    this.json.push(JSON.stringify(t).slice(1, -1));
  }

  push(text: string, json: string, valid: boolean): void {
    this.text.push(text);
    this.json.push(json);
    this.valid &&= valid;
  }
}

/**
 * The schema's problems with each request, checked once for a series: the requests of one plan
 * differ only in TableMeta (a stand-in when checked) and ClientToken. A request whose other
 * fields are the ones last checked, and whose ClientToken is one the schema takes (CLIENT_TOKEN,
 * the schema's own constraints on it: test/compiler/emit-names.test.ts holds them equal), has
 * the problems that one had; the last was checked with a token the schema took too, so nothing
 * a token's problem stopped ajv from reaching is missed. 2,411 requests: 13 ms to one check.
 */
export const CLIENT_TOKEN = /^[\x21-\x7e]{1,64}$/;
export class RequestChecks {
  #last: RestoreRequest | undefined;
  #problems: readonly SchemaProblem[] = [];

  problems(request: RestoreRequest): readonly SchemaProblem[] {
    const fits = CLIENT_TOKEN.test(request.ClientToken);
    if (fits && this.#last && sameBesideToken(request, this.#last)) return this.#problems;
    const problems = checkRestoreRequest(request);
    if (fits) {
      this.#last = request;
      this.#problems = problems;
    }
    return problems;
  }
}

function sameBesideToken(a: RestoreRequest, b: RestoreRequest): boolean {
  const keys = Object.keys(a) as (keyof RestoreRequest)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (k !== 'ClientToken' && (a[k] !== b[k] || !Object.hasOwn(b, k))) return false;
  return true;
}

/**
 * The table entries of a run of plan rows, as text, remembered for the next run: the databases
 * of a sharded schema get the same rows (a pattern's row for a source name is one object across
 * databases, see expand.ts), so each database's run of tables is the same text as the one
 * before. Rows are compared by identity, so any other run is written anew.
 */
class TableRuns {
  #rows: readonly PlanTable[] = [];
  #text = '';
  #json = '';
  #valid = true;

  add(out: Texts, tables: readonly PlanTable[], from: number, to: number): void {
    if (!this.#same(tables, from, to)) {
      const run = new Texts();
      for (let k = from; k < to; k++) {
        const t = tables[k] as PlanTable;
        run.entry(k === from ? '' : ',', 'table', t.source, t.target, true);
      }
      this.#rows = tables.slice(from, to);
      this.#text = run.text.join('');
      this.#json = run.json.join('');
      this.#valid = run.valid;
    }
    out.push(this.#text, this.#json, this.#valid);
  }

  #same(tables: readonly PlanTable[], from: number, to: number): boolean {
    const rows = this.#rows;
    if (rows.length !== to - from) return false;
    for (let k = 0; k < rows.length; k++) if (rows[k] !== tables[from + k]) return false;
    return true;
  }
}

/**
 * One part's TableMeta as JSON text (exactly JSON.stringify of its TableMeta objects, which have
 * fixed keys in the API's order) and that text as a JSON string, escaped (exactly JSON.stringify
 * of the text, as the pieces it is made of: the ClientToken is hashed from them and printing
 * writes them, so it is never put together), written straight from the plan's names: no
 * TableMeta object per table, and no second pass escaping megabytes. Every piece is cut at an
 * ASCII character, so a surrogate pair is never split and escaping piece by piece equals
 * escaping the whole. (test/compiler/emit-names.test.ts holds both to JSON.stringify.)
 *
 * `valid`: whether every name passes the schema. TableMeta's keys and `type` values are fixed
 * here and every name and newname (db and table alike) refers to `$defs.name`, so the names are
 * all the schema can refuse; isMySqlName decides each as `$defs.name` does.
 */
function partTexts(part: readonly Slice[], dbs: readonly Listed[], runs: TableRuns): { text: string; json: readonly string[]; valid: boolean } {
  const out = new Texts();
  part.forEach((s, n) => {
    const { db, bare } = dbs[s.index] as Listed;
    const lead = n === 0 ? '' : ',';
    if (bare) return out.entry(lead, 'db', db.source, db.target, true);
    out.entry(lead, 'db', db.source, db.target, false);
    runs.add(out, db.tables, s.from, s.to);
    out.push(']}', ']}', true);
  });
  out.json.unshift('"[');
  out.json.push(']"');
  return { text: concat('[', out.text, ']'), json: out.json, valid: out.valid };
}

/**
 * `open`, the pieces and `close` as one string, by concatenation: V8 makes a rope of the pieces
 * instead of copying them (Array.prototype.join copies), and a run of tables shared by many
 * requests (TableRuns) is then held once, not once per request. A reader that needs it flat
 * (sending it) flattens it then.
 */
function concat(open: string, pieces: readonly string[], close: string): string {
  let s = open;
  for (const p of pieces) s += p;
  return s + close;
}

/** Entries restored onto themselves (same database and table name): the API refuses them. */
function inPlace(dbs: readonly Listed[], fold: (s: string) => string, spans: EmitSpans): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { db, bare } of dbs) {
    if (fold(db.source) !== fold(db.target)) continue;
    const same = bare ? [] : db.tables.filter((t) => fold(t.source) === fold(t.target));
    if (!bare && same.length === 0) continue;
    const every = bare || (db.whole && same.length === db.tables.length);
    const what = every ? `every table of ${shown(db.source)}` : `${same.slice(0, 3).map((t) => `${shown(db.source)}.${shown(t.source)}`).join(', ')}${same.length > 3 ? ` and ${same.length - 3} more` : ''}`;
    const plural = every || same.length > 1;
    const first = same[0];
    out.push(
      error('emit/in-place', `${what} would be restored under ${plural ? 'their' : 'its'} own database and table name${plural ? 's' : ''}; the API refuses a restore onto the source (InvalidParamTableMetaForRestore.Content)`, (every ? db.origin : first?.origin) ?? spans.source, {
        help: every || !first ? `restore it under a new database name: \`${restoredAs('restore db', db.source)}\`` : `give ${plural ? 'them new names' : 'it a new name'}, e.g. \`${restoredAs('table', first.source)}\`, or restore into a new database (\`${restoredAs('restore db', db.source)}\`)`,
      }),
    );
  }
  return out;
}

export function emitRequests(plan: RestorePlan, spans: EmitSpans, options: CompileOptions = {}): EmitResult {
  const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const fold = (s: string) => (plan.caseInsensitive ? s.toLowerCase() : s);
  const dbs = listed(plan.databases, options);
  // "cannot be same with old when restore to source instance": only onto the instance the data is of.
  const ontoSource = !plan.crossRegion || plan.crossRegion.instanceId === plan.instanceId;
  const diagnostics: Diagnostic[] = ontoSource ? inPlace(dbs, fold, spans) : [];
  // A database created under a new name: one group per target name, packed whole. Into another
  // instance than the data's (a cross-region restore), any target database may be new there, so
  // each is kept whole (whether it exists is not the emitter's to know).
  const groups = new Map<string, number>();
  const units = dbs.map(({ db, bare }) => {
    const renamed = !ontoSource || fold(db.source) !== fold(db.target);
    const group = renamed ? (groups.get(fold(db.target)) ?? groups.set(fold(db.target), groups.size).get(fold(db.target))) : undefined;
    return { size: bare ? undefined : db.tables.length, group };
  });
  const { parts, tooLarge, oversized } = packRequests(units, max);
  for (const g of tooLarge) {
    const members = dbs.filter((_, i) => units[i]!.group === g);
    const first = members[0]!.db;
    const count = members.reduce((n, m) => n + m.db.tables.length, 0);
    diagnostics.push(
      error('emit/renamed-database-too-large', `database ${shown(first.target)} is ${ontoSource ? 'created by this restore' : `restored into another instance (${plan.instanceId}), where this restore may create it,`} and gets ${count} tables, more than one ${plan.crossRegion ? 'RestoreDdrTable' : 'RestoreTable'} request takes (${MAX_TABLES_PER_REQUEST}); a second request would be refused because ${shown(first.target)} exists by then (InvalidDBName.Duplicate), leaving the restore half done`, first.origin, {
        help: ontoSource
          ? `restore the tables into the existing database ${shown(first.source)} under new names (\`restore db ${writeExactName(first.source)} < table * as {name}_restored >\`), restore at most ${MAX_TABLES_PER_REQUEST} tables into ${shown(first.target)} per spec, or${first.whole ? '' : ' restore the whole database and'} pass --whole-db db-entry to send one database entry (UNCONFIRMED for MySQL: see docs/apply.md)`
          : `restore at most ${MAX_TABLES_PER_REQUEST} tables of ${shown(first.source)} per spec, or${first.whole ? '' : ' restore the whole database and'} pass --whole-db db-entry to send one database entry (UNCONFIRMED for MySQL: see docs/apply.md)`,
      }),
    );
  }
  const requests: RestoreRequest[] = [];
  const entries: number[] = [];
  const runs = new TableRuns();
  const checks = new RequestChecks();
  const namesValid = new Map<Listed, boolean>();
  parts.forEach((part, i) => {
    // Without requests (lint), the same diagnostics from the names and the parameters alone.
    const made = options.requests === false ? undefined : partTexts(part, dbs, runs);
    if (!(made ? made.valid : part.every((s) => listedValid(dbs[s.index] as Listed, namesValid)))) {
      // Only then TableMeta objects and the full schema check, for its exact messages.
      for (const p of checkTableMeta(part.map((s) => toEntry(dbs[s.index] as Listed, s.from, s.to)))) {
        diagnostics.push(error('emit/invalid-table-meta', `TableMeta of request ${i + 1}: ${p.path}: ${p.message}`, spans.source));
      }
    }
    let request: RestoreRequest | undefined;
    if (made) {
      const params = requestParams(plan, made.text);
      request = { ...params, ClientToken: clientToken(params, i + 1, parts.length, made.json) };
      rememberTableMetaJson(request, made.json);
    }
    // Every request is still checked against the schema: a handful of short fields.
    // TableMeta is text this function wrote: `[`, entries whose names were checked above, `]`.
    // The schema asks of it only a string of 2 characters or more, which a stand-in answers the
    // same: ajv counts the characters of the real one (megabytes over a large restore) and so
    // copies the rope concat() made into one string per request.
    const checked = request ? { ...request, TableMeta: '[]' } : { ...requestParams(plan, '[]'), ClientToken: 'rc-unhashed' };
    for (const p of checks.problems(checked)) {
      const span = p.path === 'DBInstanceId' ? spans.instance : spans.source;
      diagnostics.push(error('emit/invalid-request', `request ${i + 1}: ${p.path}: ${p.message}`, span));
    }
    if (request) requests.push(request);
    entries.push(countEntries(part));
  });
  if (parts.length > 1) {
    const total = entries.reduce((a, b) => a + b, 0);
    diagnostics.push({
      code: 'emit/split',
      severity: 'info',
      message: `this restore has ${total} entries (databases and tables, a database counted again in each request it appears in); at most ${max} entries and ${MAX_TABLES_PER_REQUEST} tables fit one request, so it is split into ${parts.length} requests that must run one after another`,
      span: spans.source,
    });
  }
  for (const k of oversized) {
    diagnostics.push({
      code: 'emit/large-request',
      severity: 'info',
      message: `request ${k + 1} holds ${entries[k]} entries, more than ${max} (the console's limit): a database restored under a new name${ontoSource ? '' : ' or into another instance'} must arrive whole in one request, and the API takes up to ${MAX_TABLES_PER_REQUEST} tables`,
      span: spans.source,
    });
  }
  return { requests, entries, diagnostics: dedupe(diagnostics) };
}

/** The same schema problem in every part of a series is reported once. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}\u0000${d.message.replace(/^(TableMeta of )?request \d+/, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
