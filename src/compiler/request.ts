// One request's parameters, RestoreTable's or RestoreDdrTable's: their shape in the order they
// are printed, which operation a request is for, and its ClientToken (derived from its content,
// so the same restore always carries the same token).
import { sha256Hex } from './hash.ts';
import type { RestorePlan } from './plan.ts';

/**
 * The parameters of one RestoreTable call, or of one RestoreDdrTable call (the request has a
 * RestoreType, which only RestoreDdrTable takes), in the order they are printed.
 */
export interface RestoreRequest {
  DBInstanceId: string;
  TableMeta: string;
  /** RestoreDdrTable only: "0" from a cross-region backup set (BackupId), "1" to a cross-region point in time. */
  RestoreType?: '0' | '1';
  BackupId?: string;
  RestoreTime?: string;
  /** RestoreDdrTable, RestoreType 1: the region and id of the instance the backups are of. */
  SourceRegion?: string;
  SourceDBInstanceName?: string;
  /** RestoreTable's fast table restore (`instant recovery` in the spec); absent: not asked for. */
  InstantRecovery?: boolean;
  ClientToken: string;
}

export type RestoreAction = 'RestoreTable' | 'RestoreDdrTable';

/** The operation a request is for: RestoreDdrTable when it carries a RestoreType. */
export function requestAction(r: Omit<RestoreRequest, 'ClientToken'>): RestoreAction {
  return r.RestoreType !== undefined ? 'RestoreDdrTable' : 'RestoreTable';
}

const TOKEN_PREFIX = 'rc-';
/** 40 hex digits (160 bits) of SHA-256: collisions are not a practical concern. */
const TOKEN_HASH_LENGTH = 40;

/**
 * `rc-` + 40 hex digits of SHA-256 over the canonical parameters (+ `-IofN` for a series): the
 * JSON text of [[name, value], ...]. `tableMetaJson` is JSON.stringify(params.TableMeta) when the
 * caller has it already (the emitter makes it once, for this and for printing), whole or as the
 * pieces it is made of (hashed one after another, never joined): an array's JSON
 * text is its elements' texts joined by commas in brackets, so the canonical text is put
 * together from them without escaping megabytes of TableMeta once more.
 * (test/compiler/emit-names.test.ts holds it to JSON.stringify of the array.)
 */
export function clientToken(params: Omit<RestoreRequest, 'ClientToken'>, part: number, total: number, tableMetaJson: string | readonly string[] = JSON.stringify(params.TableMeta)): string {
  const before = [JSON.stringify(['BackupId', params.BackupId ?? null]), JSON.stringify(['DBInstanceId', params.DBInstanceId]), JSON.stringify(['RestoreTime', params.RestoreTime ?? null])];
  const after = [
    // Only when asked for, so the tokens of every other request stay what they were.
    ...(params.InstantRecovery ? [JSON.stringify(['InstantRecovery', true])] : []),
    // RestoreDdrTable's own parameters: a cross-region request never shares a local one's token.
    ...(params.RestoreType !== undefined ? [JSON.stringify(['RestoreType', params.RestoreType]), JSON.stringify(['SourceRegion', params.SourceRegion ?? null]), JSON.stringify(['SourceDBInstanceName', params.SourceDBInstanceName ?? null])] : []),
    JSON.stringify(['part', part, total]),
  ];
  // The text `[before…,["TableMeta",JSON],after…]`, hashed in pieces: the megabytes of TableMeta
  // are handed to the hash as they are, never copied into a larger string first.
  const pieces = ['[', before.join(','), ',["TableMeta",', ...(typeof tableMetaJson === 'string' ? [tableMetaJson] : tableMetaJson), '],', after.join(','), ']'];
  const hash = sha256Hex(pieces).slice(0, TOKEN_HASH_LENGTH);
  return total > 1 ? `${TOKEN_PREFIX}${hash}-${part}of${total}` : `${TOKEN_PREFIX}${hash}`;
}

/** JSON.stringify(request.TableMeta) in pieces, for the requests the emitter made it for (see rememberTableMetaJson). */
const TABLE_META_JSON = new WeakMap<object, { tableMeta: string; json: readonly string[] }>();

/**
 * Records JSON.stringify(request.TableMeta), which the emitter built along with TableMeta, as the
 * pieces it is made of: many are shared by many requests (a sharded schema's runs of tables), and
 * printing writes them one by one, never a copy of the whole.
 */
export function rememberTableMetaJson(request: RestoreRequest, json: readonly string[]): void {
  TABLE_META_JSON.set(request, { tableMeta: request.TableMeta, json });
}

/**
 * One request as an element of JSON.stringify(requests, null, 2) (exactly the text of
 * JSON.stringify([request], null, 2) without its `[\n` and `\n]`), as pieces to be written one
 * after another. A request's values are strings and booleans, written as JSON.stringify writes
 * them; a TableMeta the emitter made is written from the pieces of JSON text it kept (escaping up
 * to megabytes of TableMeta again was a third of printing). Anything else (a nested value) is
 * left to JSON.stringify.
 */
export function requestJsonPieces(request: RestoreRequest): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(request) as [string, unknown][]) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (typeof value === 'object' && value !== null) return [JSON.stringify([request], null, 2).slice(2, -2)];
    const known = key === 'TableMeta' ? TABLE_META_JSON.get(request) : undefined;
    out.push(`${out.length === 0 ? '  {\n' : ',\n'}    ${JSON.stringify(key)}: `);
    if (known && known.tableMeta === value) out.push(...known.json);
    else out.push(JSON.stringify(value));
  }
  if (out.length === 0) return ['  {}'];
  out.push('\n  }');
  return out;
}

/** One request's parameters but its ClientToken: RestoreTable's, or RestoreDdrTable's for a cross-region plan. */
export function requestParams(plan: RestorePlan, tableMeta: string): Omit<RestoreRequest, 'ClientToken'> {
  if (plan.crossRegion) {
    // RestoreType 0 takes the CrossBackupId alone; 1 the time and its source (the contract's notes).
    return plan.backupId !== undefined
      ? { DBInstanceId: plan.instanceId, TableMeta: tableMeta, RestoreType: '0', BackupId: plan.backupId }
      : { DBInstanceId: plan.instanceId, TableMeta: tableMeta, RestoreType: '1', RestoreTime: plan.restoreTime as string, SourceRegion: plan.crossRegion.region, SourceDBInstanceName: plan.crossRegion.instanceId };
  }
  return {
    DBInstanceId: plan.instanceId,
    TableMeta: tableMeta,
    ...(plan.backupId !== undefined ? { BackupId: plan.backupId } : { RestoreTime: plan.restoreTime as string }),
    ...(plan.instantRecovery ? { InstantRecovery: true } : {}),
  };
}
