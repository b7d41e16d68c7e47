// Emission: a RestorePlan becomes RestoreTable parameters with the API's exact names,
// deterministic byte for byte, split into an ordered series when it exceeds the entries limit,
// and checked against schemas/restore-request.schema.json before it leaves the compiler.
import { createHash } from 'node:crypto';
import { error, type Diagnostic, type Span } from '../grammar/index.ts';
import { DEFAULT_MAX_ENTRIES, type CompileOptions, type PlanDatabase, type PlanTable, type RestorePlan } from './plan.ts';
import { checkRestoreRequest, checkTableMeta, isTableMetaName } from './validate.ts';

/** The parameters of one RestoreTable call, in the order they are printed. */
export interface RestoreRequest {
  DBInstanceId: string;
  TableMeta: string;
  BackupId?: string;
  RestoreTime?: string;
  ClientToken: string;
}

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

const TOKEN_PREFIX = 'rc-';
/** 40 hex digits (160 bits) of SHA-256: collisions are not a practical concern. */
const TOKEN_HASH_LENGTH = 40;

/** One database's share of one request: its tables [from, to), or its bare db entry when it lists no tables. */
export interface Slice {
  /** Index into the list that was split. */
  index: number;
  from: number;
  to: number;
}

/**
 * Splits db entries into parts of at most `max` entries, given each database's table count
 * (`undefined`: a bare db entry). A database counts as one entry and each table as one (as the
 * console counts its 50 "databases or tables"); a database whose tables span parts is repeated,
 * and counted, in each part. Works on counts so that emission can split the plan without
 * first copying a million tables into TableMeta objects.
 */
export function splitSizes(sizes: readonly (number | undefined)[], max: number): Slice[][] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`maxEntries must be an integer of at least 2, got ${max}`);
  const parts: Slice[][] = [];
  let part: Slice[] = [];
  let used = 0;
  const flush = () => {
    if (part.length > 0) parts.push(part);
    part = [];
    used = 0;
  };
  sizes.forEach((size, index) => {
    if (size === undefined) {
      if (used + 1 > max) flush();
      part.push({ index, from: 0, to: 0 });
      used += 1;
      return;
    }
    for (let at = 0; at < size; ) {
      if (used + 2 > max) flush();
      const take = Math.min(size - at, max - used - 1);
      part.push({ index, from: at, to: at + take });
      used += 1 + take;
      at += take;
    }
  });
  flush();
  return parts;
}

/** Splits TableMeta db entries as {@link splitSizes} does. */
export function splitEntries(dbs: readonly TableMetaDatabase[], max: number): TableMetaDatabase[][] {
  return splitSizes(dbs.map((db) => db.tables?.length), max).map((part) =>
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

/**
 * Whether every name of a part passes the schema. Its TableMeta objects are built here with
 * fixed keys and `type` values, so the names are all the schema can refuse (see
 * isTableMetaName). Checked on the plan rows, each distinct name once: `valid` holds the names
 * that passed (the same few thousand recur across thousands of databases).
 */
function namesValid(part: readonly Slice[], dbs: readonly Listed[], valid: Set<string>): boolean {
  const ok = (name: string): boolean => {
    if (valid.has(name)) return true;
    if (!isTableMetaName(name)) return false;
    valid.add(name);
    return true;
  };
  for (const s of part) {
    const { db } = dbs[s.index] as Listed;
    if (!ok(db.source) || !ok(db.target)) return false;
    for (let k = s.from; k < s.to; k++) {
      const t = db.tables[k] as PlanTable;
      if (!ok(t.source) || !ok(t.target)) return false;
    }
  }
  return true;
}

/** `rc-` + 40 hex digits of SHA-256 over the canonical parameters (+ `-IofN` for a series). */
export function clientToken(params: Omit<RestoreRequest, 'ClientToken'>, part: number, total: number): string {
  const canonical = JSON.stringify([
    ['BackupId', params.BackupId ?? null],
    ['DBInstanceId', params.DBInstanceId],
    ['RestoreTime', params.RestoreTime ?? null],
    ['TableMeta', params.TableMeta],
    ['part', part, total],
  ]);
  const hash = createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, TOKEN_HASH_LENGTH);
  return total > 1 ? `${TOKEN_PREFIX}${hash}-${part}of${total}` : `${TOKEN_PREFIX}${hash}`;
}

export function emitRequests(plan: RestorePlan, spans: EmitSpans, options: CompileOptions = {}): EmitResult {
  const max = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const diagnostics: Diagnostic[] = [];
  const dbs = listed(plan.databases, options);
  const parts = splitSizes(dbs.map(({ db, bare }) => (bare ? undefined : db.tables.length)), max);
  const requests: RestoreRequest[] = [];
  const entries: number[] = [];
  const validNames = new Set<string>();
  parts.forEach((part, i) => {
    // Built per part, not for the whole plan up front: they are garbage as soon as they are
    // serialised, instead of a million objects that outlive the young generation.
    const meta = part.map((s) => toEntry(dbs[s.index] as Listed, s.from, s.to));
    if (!namesValid(part, dbs, validNames)) {
      // Only then the full schema check, for its exact messages.
      for (const p of checkTableMeta(meta)) {
        diagnostics.push(error('emit/invalid-table-meta', `TableMeta of request ${i + 1}: ${p.path}: ${p.message}`, spans.source));
      }
    }
    const params: Omit<RestoreRequest, 'ClientToken'> = {
      DBInstanceId: plan.instanceId,
      TableMeta: JSON.stringify(meta),
      ...(plan.backupId !== undefined ? { BackupId: plan.backupId } : { RestoreTime: plan.restoreTime as string }),
    };
    // Every request is still checked whole against the schema: a handful of short fields.
    const request: RestoreRequest = { ...params, ClientToken: clientToken(params, i + 1, parts.length) };
    for (const p of checkRestoreRequest(request)) {
      const span = p.path === 'DBInstanceId' ? spans.instance : spans.source;
      diagnostics.push(error('emit/invalid-request', `request ${i + 1}: ${p.path}: ${p.message}`, span));
    }
    requests.push(request);
    entries.push(countEntries(part));
  });
  if (parts.length > 1) {
    const total = entries.reduce((a, b) => a + b, 0);
    diagnostics.push({
      code: 'emit/split',
      severity: 'info',
      message: `this restore has ${total} entries (databases and tables, a database counted again in each request it appears in); at most ${max} fit one request, so it is split into ${parts.length} requests that must run one after another`,
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
