// Emission: a RestorePlan becomes RestoreTable parameters with the API's exact names,
// deterministic byte for byte, split into an ordered series when it exceeds the entries limit,
// and checked against schemas/restore-request.schema.json before it leaves the compiler.
import { createHash } from 'node:crypto';
import { error, type Diagnostic, type Span } from '../grammar/index.ts';
import { DEFAULT_MAX_ENTRIES, type CompileOptions, type PlanDatabase, type RestorePlan } from './plan.ts';
import { checkRestoreRequest, checkTableMeta } from './validate.ts';

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

/**
 * Splits db entries into parts of at most `max` entries. A database counts as one entry and
 * each table as one (as the console counts its 50 "databases or tables"); a database whose
 * tables span parts is repeated, and counted, in each part.
 */
export function splitEntries(dbs: readonly TableMetaDatabase[], max: number): TableMetaDatabase[][] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`maxEntries must be an integer of at least 2, got ${max}`);
  const parts: TableMetaDatabase[][] = [];
  let part: TableMetaDatabase[] = [];
  let used = 0;
  const flush = () => {
    if (part.length > 0) parts.push(part);
    part = [];
    used = 0;
  };
  for (const db of dbs) {
    if (db.tables === undefined) {
      if (used + 1 > max) flush();
      part.push(db);
      used += 1;
      continue;
    }
    for (let at = 0; at < db.tables.length; ) {
      if (used + 2 > max) flush();
      const take = Math.min(db.tables.length - at, max - used - 1);
      part.push({ type: 'db', name: db.name, newname: db.newname, tables: db.tables.slice(at, at + take) });
      used += 1 + take;
      at += take;
    }
  }
  flush();
  return parts;
}

function countEntries(part: readonly TableMetaDatabase[]): number {
  return part.reduce((n, db) => n + 1 + (db.tables?.length ?? 0), 0);
}

export function toTableMeta(databases: readonly PlanDatabase[], options: CompileOptions = {}): TableMetaDatabase[] {
  const out: TableMetaDatabase[] = [];
  for (const db of databases) {
    if (db.whole && options.wholeDatabase === 'db-entry') {
      out.push({ type: 'db', name: db.source, newname: db.target });
      continue;
    }
    if (db.tables.length === 0) continue;
    out.push({ type: 'db', name: db.source, newname: db.target, tables: db.tables.map((t) => ({ type: 'table', name: t.source, newname: t.target })) });
  }
  return out;
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
  const parts = splitEntries(toTableMeta(plan.databases, options), max);
  const requests: RestoreRequest[] = [];
  const entries: number[] = [];
  parts.forEach((part, i) => {
    for (const p of checkTableMeta(part)) {
      diagnostics.push(error('emit/invalid-table-meta', `TableMeta of request ${i + 1}: ${p.path}: ${p.message}`, spans.source));
    }
    const params: Omit<RestoreRequest, 'ClientToken'> = {
      DBInstanceId: plan.instanceId,
      TableMeta: JSON.stringify(part),
      ...(plan.backupId !== undefined ? { BackupId: plan.backupId } : { RestoreTime: plan.restoreTime as string }),
    };
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
