// RestoreTable: validation in the order the service is likely to apply it (idempotency first, so a
// retry of a started restore gets its first answer even while that restore runs), then an
// asynchronous restore task whose databases and tables appear when it finishes (see state.ts).
import { ApiError } from '../errors.ts';
import { COMMON_PARAMETERS } from '../signature.ts';
import { type InstanceState, type RestoreTarget, countTables, findCurrentDatabase, nameKey, runningTask } from '../state.ts';
import { type OpContext, contentsFor, inWindow, logBackupOn, parseRestoreTime, requireInstance, requireParam } from './context.ts';
import { countEntries, parseTableMeta, type MetaDatabase } from './table-meta.ts';

/** The parameters that make two requests "the same" for ClientToken purposes. */
function fingerprint(ctx: OpContext): string {
  const keys = [...ctx.params.keys()].filter((k) => !COMMON_PARAMETERS.has(k) && k !== 'ClientToken').sort();
  return JSON.stringify(keys.map((k) => [k, ctx.params.get(k)]));
}

function checkInstanceState(ctx: OpContext, inst: InstanceState): void {
  const i = inst.inventory.instance;
  if (runningTask(inst)) throw new ApiError(ctx.behaviour.concurrentRestoreCode, 'A RestoreTable task is already running on this instance.');
  if ((i.DBInstanceStatus ?? 'Running') !== 'Running') throw new ApiError('IncorrectDBInstanceState', `The instance is ${i.DBInstanceStatus}.`);
  if ((i.LockMode ?? 'Unlock') !== 'Unlock') throw new ApiError('IncorrectDBInstanceLockMode', `The instance is ${i.LockMode}.`);
  if ((i.ReadOnlyDBInstanceIds ?? []).length > 0 || i.GuardDBInstanceId || i.TempDBInstanceId) throw new ApiError('ChildDBInstanceExists');
  if ((inst.inventory.migrationTasks ?? []).some((t) => t.Status === 'Running')) throw new ApiError('IncorrectDBInstanceState', 'A migration task is running.');
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

/** Source names checked against the backup's contents (when known); targets computed. */
function targetsOf(ctx: OpContext, inst: InstanceState, meta: MetaDatabase[], source: { BackupId?: string; RestoreTime?: string }): RestoreTarget[] {
  const contents = contentsFor(inst, source);
  const key = (s: string) => nameKey(inst, s);
  return meta.map((d) => {
    const held = contents?.Databases.find((c) => key(c.Database) === key(d.name));
    if (ctx.behaviour.checkSourcesExist && contents && !held) throw new ApiError('InvalidMeta.NotFound', `Database ${JSON.stringify(d.name)} is not in the backup.`);
    if (d.tables === undefined) {
      if (!ctx.behaviour.wholeDatabaseWithoutTables) throw new ApiError('InvalidParameters.Format', 'TableMeta: a db entry needs "tables".');
      return { db: d.newname, tables: [...(held?.Tables ?? [])] };
    }
    if (ctx.behaviour.checkSourcesExist && held) {
      const have = new Set(held.Tables.map(key));
      const missing = d.tables.find((t) => !have.has(key(t.name)));
      if (missing) throw new ApiError('InvalidMeta.NotFound', `Table ${JSON.stringify(`${d.name}.${missing.name}`)} is not in the backup.`);
    }
    return { db: d.newname, tables: d.tables.map((t) => t.newname) };
  });
}

/** A target database (when renamed) or table already on the instance, or named twice. */
function checkTargets(inst: InstanceState, meta: MetaDatabase[], targets: RestoreTarget[]): void {
  const key = (s: string) => nameKey(inst, s);
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const d = meta[i] as MetaDatabase;
    const existing = findCurrentDatabase(inst, t.db);
    if (existing && key(d.name) !== key(d.newname)) throw new ApiError('InvalidDBName.Duplicate', `Database ${JSON.stringify(t.db)} already exists.`);
    const onInstance = new Set(Array.isArray(existing?.Tables) ? existing.Tables.map(key) : []);
    for (const table of t.tables) {
      const k = `${key(t.db)}\n${key(table)}`;
      if (onInstance.has(key(table)) || seen.has(k)) throw new ApiError('InvalidDBName.Duplicate', `Table ${JSON.stringify(`${t.db}.${table}`)} already exists.`);
      seen.add(k);
    }
  });
}

export function restoreTable(ctx: OpContext, requestId: string): Record<string, unknown> {
  const token = ctx.params.get('ClientToken');
  if (token !== undefined && !/^[\x20-\x7e]{1,64}$/.test(token)) throw new ApiError('InvalidParameters.Format', 'ClientToken must be 1-64 ASCII characters.');
  const tokenKey = token !== undefined && ctx.behaviour.clientTokenIdempotency ? `${ctx.accessKeyId}\nRestoreTable\n${token}` : undefined;
  const print = fingerprint(ctx);
  if (tokenKey !== undefined) {
    const first = ctx.state.tokens.get(tokenKey);
    if (first && first.fingerprint !== print) throw new ApiError('IdempotentParameterMismatch');
    if (first) return first.body;
  }
  const inst = requireInstance(ctx);
  const meta = parseTableMeta(requireParam(ctx, 'TableMeta'));
  if (meta.length === 0) throw new ApiError('InvalidMeta.Empty');
  const backupId = ctx.params.get('BackupId') || undefined;
  const restoreTime = ctx.params.get('RestoreTime') || undefined;
  if ((backupId === undefined) === (restoreTime === undefined)) throw new ApiError('InvalidRestoreType.Format', 'Give exactly one of BackupId and RestoreTime.');
  if (restoreTime !== undefined && parseRestoreTime(restoreTime) === undefined) throw new ApiError('InvalidRestoreTime.Format');
  const source = backupId !== undefined ? { BackupId: backupId } : { RestoreTime: restoreTime as string };
  checkInstanceState(ctx, inst);
  checkSource(inst, source);
  if (countEntries(meta) > ctx.behaviour.maxEntriesPerRestore) throw new ApiError('InvalidMeta.TooLarge', `At most ${ctx.behaviour.maxEntriesPerRestore} databases and tables per restore.`);
  if (countTables(inst) > ctx.behaviour.maxInstanceTables) throw new ApiError('InvalidMeta.TooLarge', `The instance has more than ${ctx.behaviour.maxInstanceTables} tables.`);
  const targets = targetsOf(ctx, inst, meta, source);
  checkTargets(inst, meta, targets);

  ctx.state.taskSeq += 1;
  inst.tasks.push({
    TaskId: String(ctx.state.taskSeq),
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
  const body = { RequestId: requestId };
  if (tokenKey !== undefined) ctx.state.tokens.set(tokenKey, { fingerprint: print, status: 200, body });
  return body;
}
