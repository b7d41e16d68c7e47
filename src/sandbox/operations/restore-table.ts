// RestoreTable: validation in the order the service is likely to apply it (idempotency first, so a
// retry of a started restore gets its first answer even while that restore runs), then an
// asynchronous restore task whose databases and tables appear when it finishes (see state.ts).
// Every refusal is a code RestoreTable documents (../../contract), with its documented status.
// RestoreDdrTable (restore-ddr-table.ts) shares the checks of the instance restored into.
import { candidateRows, ELIGIBILITY, type BackupContents } from '../../compiler/index.ts';
import { COMMON_PARAMETERS, documentedError } from '../../contract/index.ts';
import { ApiError } from '../errors.ts';
import { type InstanceState, type RestoreTarget, type RestoreTask, busyWith, findCurrentDatabase, nameKey, runningTask } from '../state.ts';
import { type OpContext, contentsFor, inWindow, logBackupOn, parseRestoreTime, requireInstance, requireParam } from './context.ts';
import { countTableEntries, parseTableMeta, type MetaDatabase } from './table-meta.ts';

const SYSTEM_SCHEMAS = new Set(['mysql', 'sys', 'information_schema', 'performance_schema']);

/** The parameters that make two requests "the same" for ClientToken purposes. */
export function fingerprint(ctx: OpContext): string {
  const keys = [...ctx.params.keys()].filter((k) => !COMMON_PARAMETERS.has(k) && k !== 'ClientToken').sort();
  return JSON.stringify(keys.map((k) => [k, ctx.params.get(k)]));
}

/** Engine, version, edition and storage (403 IncorrectDBInstanceType), and (its own backups) the backup format. */
export function checkEligible(inst: InstanceState, ownBackups = true): void {
  const i = inst.inventory.instance;
  if (candidateRows(ELIGIBILITY, i).length === 0) throw new ApiError('IncorrectDBInstanceType', `${i.Engine} ${i.EngineVersion} ${i.Category ?? ''} on ${i.DBInstanceStorageType ?? ''} cannot restore individual tables.`);
  const compress = inst.inventory.backupPolicy?.CompressType;
  if (ownBackups && compress === '8') throw new ApiError('IncorrectBackupSetMethod', 'The backup format (CompressType 8) cannot restore individual databases or tables.');
}

export function checkInstanceState(ctx: OpContext, inst: InstanceState): void {
  const i = inst.inventory.instance;
  // The concurrent-restore code is a RestoreTable setting; an operation that does not document it answers the state code.
  const concurrent = documentedError(ctx.action, ctx.behaviour.concurrentRestoreCode) ? ctx.behaviour.concurrentRestoreCode : 'IncorrectDBInstanceState';
  if (runningTask(inst)) throw new ApiError(concurrent, 'A restore task is already running on this instance.');
  const busy = busyWith(inst);
  if (busy) throw new ApiError('IncorrectDBInstanceState', `Task ${busy.TaskId} (${busy.TaskType ?? 'task'}) is ${busy.Status}.`);
  if ((i.DBInstanceStatus ?? 'Running') !== 'Running') throw new ApiError('IncorrectDBInstanceState', `The instance is ${i.DBInstanceStatus}.`);
  // RestoreTable documents no lock-mode code: a locked instance is in a state that refuses it.
  if ((i.LockMode ?? 'Unlock') !== 'Unlock') throw new ApiError('IncorrectDBInstanceState', `The instance is locked (${i.LockMode}).`);
  if ((i.ReadOnlyDBInstanceIds ?? []).length > 0 || i.GuardDBInstanceId || i.TempDBInstanceId) throw new ApiError('ChildDBInstanceExists');
}

function checkSource(inst: InstanceState, source: { BackupId?: string; RestoreTime?: string }): void {
  if (source.BackupId !== undefined) {
    const backup = (inst.inventory.backups ?? []).find((b) => b.BackupId === source.BackupId);
    if (!backup) {
      if (!inst.inventory.contents.some((c) => c.BackupId === source.BackupId)) throw new ApiError('InvalidBackupSetID.NotFound');
      return;
    }
    if (backup.BackupStatus !== 'Success' || backup.MetaStatus !== 'OK') throw new ApiError('IncorrectBackupSetState');
    return;
  }
  const ms = parseRestoreTime(source.RestoreTime ?? '') as number;
  if (!logBackupOn(inst)) throw new ApiError('InvalidBackupLogStatus');
  if (!inWindow(inst, ms)) throw new ApiError('InvalidBackup.NotFound');
}

/**
 * What TableMeta itself may not say: system schemas, a source twice, a target twice, in place
 * (`ontoSource`: restoring onto the instance the data is of).
 */
export function checkTableMeta(inst: InstanceState, meta: MetaDatabase[], maxTables: number, ontoSource = true): void {
  const key = (s: string) => nameKey(inst, s);
  if (countTableEntries(meta) > maxTables) throw new ApiError('InvalidParamTableMeta.TooManyTables');
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const d of meta) {
    if (SYSTEM_SCHEMAS.has(d.name.toLowerCase()) || SYSTEM_SCHEMAS.has(d.newname.toLowerCase())) throw new ApiError('InvalidParamTableMeta.Duplicate', `${d.name} is a system database.`);
    const inPlace = ontoSource && key(d.name) === key(d.newname);
    if (inPlace && d.tables === undefined) throw new ApiError('InvalidParamTableMetaForRestore.Content', `Database ${JSON.stringify(d.name)} would be restored onto itself.`);
    for (const t of d.tables ?? []) {
      if (inPlace && key(t.name) === key(t.newname)) throw new ApiError('InvalidParamTableMetaForRestore.Content', `Table ${JSON.stringify(`${d.name}.${t.name}`)} would be restored onto itself.`);
      const s = `${key(d.name)}\n${key(t.name)}`;
      const n = `${key(d.newname)}\n${key(t.newname)}`;
      if (sources.has(s)) throw new ApiError('InvalidParamTableMeta.Duplicate', `Table ${JSON.stringify(`${d.name}.${t.name}`)} is listed twice.`);
      if (targets.has(n)) throw new ApiError('InvalidParamTableMeta.Content', `Two tables are restored as ${JSON.stringify(`${d.newname}.${t.newname}`)}.`);
      sources.add(s);
      targets.add(n);
    }
  }
}

/** Source names checked against the backup's contents (when known); targets computed. */
export function targetsOf(ctx: OpContext, inst: InstanceState, meta: MetaDatabase[], contents: BackupContents | undefined): RestoreTarget[] {
  const key = (s: string) => nameKey(inst, s);
  return meta.map((d) => {
    const held = contents?.Databases.find((c) => key(c.Database) === key(d.name));
    if (ctx.behaviour.checkSourcesExist && contents && !held) throw new ApiError('InvalidSourceRestoreDBName.NotFound', `Database ${JSON.stringify(d.name)} is not in the backup.`);
    if (d.tables === undefined) {
      if (!ctx.behaviour.wholeDatabaseWithoutTables) throw new ApiError('InvalidParamTableMeta', 'A db entry needs "tables".');
      return { db: d.newname, tables: [...(held?.Tables ?? [])] };
    }
    if (ctx.behaviour.checkSourcesExist && held) {
      const have = new Set(held.Tables.map(key));
      const missing = d.tables.find((t) => !have.has(key(t.name)));
      // The contract's nearest code for a source table the backup lacks (sandbox choice).
      if (missing) throw new ApiError('InvalidDB.NotFound', `Table ${JSON.stringify(`${d.name}.${missing.name}`)} is not in the backup.`);
    }
    return { db: d.newname, tables: d.tables.map((t) => t.newname) };
  });
}

/** A target database (when renamed) or table already on the instance. */
export function checkTargets(inst: InstanceState, meta: MetaDatabase[], targets: RestoreTarget[]): void {
  const key = (s: string) => nameKey(inst, s);
  targets.forEach((t, i) => {
    const d = meta[i] as MetaDatabase;
    const existing = findCurrentDatabase(inst, t.db);
    if (existing && key(d.name) !== key(d.newname)) throw new ApiError('InvalidDBName.Duplicate', `Database ${JSON.stringify(t.db)} already exists.`);
    const onInstance = new Set(Array.isArray(existing?.Tables) ? existing.Tables.map(key) : []);
    for (const table of t.tables) if (onInstance.has(key(table))) throw new ApiError('InvalidDBName.Duplicate', `Table ${JSON.stringify(`${t.db}.${table}`)} already exists.`);
  });
}

/**
 * ClientToken idempotency, per AccessKeyId and operation: the first answer for a token seen with
 * the same parameters (`first`), IdempotentParameterMismatch with others; `remember` records an answer.
 */
export function idempotency(ctx: OpContext): { first?: Record<string, unknown>; remember(body: Record<string, unknown>): void } {
  const token = ctx.params.get('ClientToken');
  if (token !== undefined && !/^[\x20-\x7e]{1,64}$/.test(token)) throw new ApiError('InvalidParameters.Format', 'ClientToken must be 1-64 ASCII characters.');
  const tokenKey = token !== undefined && ctx.behaviour.clientTokenIdempotency ? `${ctx.accessKeyId}\n${ctx.action}\n${token}` : undefined;
  const print = fingerprint(ctx);
  const first = tokenKey !== undefined ? ctx.state.tokens.get(tokenKey) : undefined;
  if (first && first.fingerprint !== print) throw new ApiError('IdempotentParameterMismatch');
  return {
    ...(first ? { first: first.body } : {}),
    remember: (body) => void (tokenKey !== undefined && ctx.state.tokens.set(tokenKey, { fingerprint: print, status: 200, body })),
  };
}

export function restoreTable(ctx: OpContext, requestId: string): Record<string, unknown> {
  const token = idempotency(ctx);
  if (token.first) return token.first;
  const inst = requireInstance(ctx);
  const meta = parseTableMeta(requireParam(ctx, 'TableMeta'));
  const backupId = ctx.params.get('BackupId') || undefined;
  const restoreTime = ctx.params.get('RestoreTime') || undefined;
  if (backupId === undefined && restoreTime === undefined) throw new ApiError('MissBackupSetAndRestoreTime.NotFound');
  if (backupId !== undefined && restoreTime !== undefined) throw new ApiError('InvalidParameters.Format', 'Give one of BackupId and RestoreTime.');
  if (restoreTime !== undefined && parseRestoreTime(restoreTime) === undefined) throw new ApiError('InvalidRestoreTime.Format');
  const instant = ctx.params.get('InstantRecovery');
  if (instant !== undefined && instant !== 'true' && instant !== 'false') throw new ApiError('InvalidParameters.Format', 'InstantRecovery must be true or false.');
  const source = backupId !== undefined ? { BackupId: backupId } : { RestoreTime: restoreTime as string };
  checkEligible(inst);
  checkInstanceState(ctx, inst);
  checkSource(inst, source);
  checkTableMeta(inst, meta, ctx.behaviour.maxTablesPerRequest);
  const targets = targetsOf(ctx, inst, meta, contentsFor(inst, source));
  checkTargets(inst, meta, targets);
  startRestore(ctx, inst, ctx.behaviour.restoreTaskType, source, targets);
  const body = { RequestId: requestId };
  token.remember(body);
  return body;
}

/** The asynchronous restore: a task that ends after `restoreDurationMs`, when its targets appear. */
export function startRestore(ctx: OpContext, inst: InstanceState, taskType: string, source: RestoreTask['source'], targets: RestoreTarget[]): void {
  ctx.state.taskSeq += 1;
  inst.tasks.push({
    TaskId: `t-${String(ctx.state.taskSeq).padStart(8, '0')}`,
    TaskType: taskType,
    DBInstanceId: inst.inventory.instance.DBInstanceId,
    beginMs: ctx.nowMs,
    durationMs: ctx.behaviour.restoreDurationMs,
    status: 'Running',
    source,
    targets,
  });
  if (ctx.behaviour.statusWhileRestoring !== null) {
    inst.statusBeforeRestore = inst.inventory.instance.DBInstanceStatus ?? 'Running';
    inst.inventory.instance.DBInstanceStatus = ctx.behaviour.statusWhileRestoring;
  }
}
