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

/** `rc-` + 40 hex digits of SHA-256 over the canonical parameters (+ `-IofN` for a series). */
export function clientToken(params: Omit<RestoreRequest, 'ClientToken'>, part: number, total: number): string {
  const canonical = JSON.stringify([
    ['BackupId', params.BackupId ?? null],
    ['DBInstanceId', params.DBInstanceId],
    ['RestoreTime', params.RestoreTime ?? null],
    ['TableMeta', params.TableMeta],
    // Only when asked for, so the tokens of every other request stay what they were.
    ...(params.InstantRecovery ? [['InstantRecovery', true]] : []),
    // RestoreDdrTable's own parameters: a cross-region request never shares a local one's token.
    ...(params.RestoreType !== undefined ? [['RestoreType', params.RestoreType], ['SourceRegion', params.SourceRegion ?? null], ['SourceDBInstanceName', params.SourceDBInstanceName ?? null]] : []),
    ['part', part, total],
  ]);
  const hash = sha256Hex(canonical).slice(0, TOKEN_HASH_LENGTH);
  return total > 1 ? `${TOKEN_PREFIX}${hash}-${part}of${total}` : `${TOKEN_PREFIX}${hash}`;
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
