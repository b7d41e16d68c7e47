// Settings for what the real service does but the contract (../contract) does not state, plus
// timing. Every UNCONFIRMED behaviour is a setting here, never a constant buried in an operation.

export interface Behaviour {
  /** How long a RestoreTable runs before its databases and tables appear. */
  restoreDurationMs: number;
  /** Instance status while a restore runs; null keeps the seeded status (UNCONFIRMED: maybe `Restoring`). */
  statusWhileRestoring: string | null;
  /** Timestamp skew refused beyond this (RPC `Timestamp`, ACS3 `x-acs-date`). */
  maxSkewMs: number;
  /** Tables in one TableMeta (InvalidParamTableMeta.TooManyTables: "At most 100 tables"). */
  maxTablesPerRequest: number;
  /** Instances with more tables than this cannot list backup contents (InvalidMeta.TooLarge). */
  maxInstanceTables: number;
  /** Answer to a RestoreTable while another restore runs on the instance (not documented; one of RestoreTable's codes). */
  concurrentRestoreCode: string;
  /** A MySQL db entry without `tables` restores the whole database (UNCONFIRMED). */
  wholeDatabaseWithoutTables: boolean;
  /** Refuse TableMeta naming a database or table the backup does not hold, when its contents are known. */
  checkSourcesExist: boolean;
  /** ClientToken idempotency with the common-error semantics (UNCONFIRMED for RDS). */
  clientTokenIdempotency: boolean;
  /** DescribeMetaList PageSize upper bound (the contract: "maximum undocumented"). */
  metaListMaxPageSize: number;
  /** The TaskType DescribeHistoryTasks gives a table restore (UNCONFIRMED for the real service). */
  restoreTaskType: string;
  /** The TaskType of a cross-region table restore, RestoreDdrTable (UNCONFIRMED too). */
  crossRegionRestoreTaskType: string;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  restoreDurationMs: 2000,
  statusWhileRestoring: null,
  maxSkewMs: 15 * 60_000,
  maxTablesPerRequest: 100,
  maxInstanceTables: 50_000,
  concurrentRestoreCode: 'IncorrectDBInstanceState',
  wholeDatabaseWithoutTables: true,
  checkSourcesExist: true,
  clientTokenIdempotency: true,
  metaListMaxPageSize: 1000,
  restoreTaskType: 'RestoreTable',
  crossRegionRestoreTaskType: 'RestoreDdrTable',
};

/** `base` with the settings in `input` (from JSON) applied; throws TypeError naming a bad one. */
export function applyBehaviour(base: Behaviour, input: unknown, isErrorCode: (code: string) => boolean): Behaviour {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('behaviour must be an object');
  const next = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(input)) {
    if (!Object.hasOwn(DEFAULT_BEHAVIOUR, k)) throw new TypeError(`unknown behaviour setting ${JSON.stringify(k)}`);
    const want = k === 'statusWhileRestoring' ? (v === null ? 'object' : 'string') : typeof DEFAULT_BEHAVIOUR[k as keyof Behaviour];
    if (typeof v !== want || (typeof v === 'number' && !(v >= 0 && Number.isFinite(v)))) throw new TypeError(`behaviour.${k} has the wrong type or a negative value`);
    if (k === 'concurrentRestoreCode' && !isErrorCode(v as string)) throw new TypeError(`behaviour.concurrentRestoreCode: ${JSON.stringify(v)} is not one of RestoreTable's documented codes`);
    if ((k === 'restoreTaskType' || k === 'crossRegionRestoreTaskType') && !/^[\w.-]{1,64}$/.test(v as string)) throw new TypeError(`behaviour.${k} must be 1-64 letters, digits, _ . -`);
    next[k] = v;
  }
  return next as unknown as Behaviour;
}
