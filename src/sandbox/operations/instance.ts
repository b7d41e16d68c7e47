// Instance-level read operations: attributes, backup policy, parameters, recovery window.
import { ApiError } from '../errors.ts';
import { type OpContext, logBackupOn, requireInstance } from './context.ts';

export function describeDBInstanceAttribute(ctx: OpContext): Record<string, unknown> {
  const i = requireInstance(ctx).inventory.instance;
  const attr: Record<string, unknown> = {
    DBInstanceId: i.DBInstanceId,
    RegionId: i.RegionId ?? 'cn-hangzhou',
    Engine: i.Engine,
    EngineVersion: i.EngineVersion,
    Category: i.Category ?? '',
    DBInstanceClass: i.DBInstanceClass ?? '',
    DBInstanceStorageType: i.DBInstanceStorageType ?? '',
    DBInstanceStatus: i.DBInstanceStatus ?? 'Running',
    LockMode: i.LockMode ?? 'Unlock',
    DBInstanceType: i.DBInstanceType ?? 'Primary',
    ReadOnlyDBInstanceIds: { ReadOnlyDBInstanceId: (i.ReadOnlyDBInstanceIds ?? []).map((id) => ({ DBInstanceId: id })) },
    GuardDBInstanceId: i.GuardDBInstanceId ?? '',
    TempDBInstanceId: i.TempDBInstanceId ?? '',
  };
  if (i.DBInstanceStorage !== undefined) attr['DBInstanceStorage'] = i.DBInstanceStorage;
  if (i.DBInstanceDiskUsed !== undefined) attr['DBInstanceDiskUsed'] = String(i.DBInstanceDiskUsed);
  return { Items: { DBInstanceAttribute: [attr] } };
}

export function describeBackupPolicy(ctx: OpContext): Record<string, unknown> {
  const p = requireInstance(ctx).inventory.backupPolicy ?? {};
  const on = p.EnableBackupLog ?? '1';
  return {
    EnableBackupLog: on,
    BackupLog: on === '1' ? 'Enable' : 'Disabled',
    LogBackupRetentionPeriod: p.LogBackupRetentionPeriod ?? 7,
    BackupRetentionPeriod: p.BackupRetentionPeriod ?? 7,
    CompressType: p.CompressType ?? '4',
  };
}

export function describeParameters(ctx: OpContext): Record<string, unknown> {
  const i = requireInstance(ctx).inventory.instance;
  return {
    Engine: i.Engine,
    EngineVersion: i.EngineVersion,
    ConfigParameters: { DBInstanceParameter: [] },
    RunningParameters: {
      DBInstanceParameter: [{ ParameterName: 'lower_case_table_names', ParameterValue: String(i.lower_case_table_names), ParameterDescription: '' }],
    },
  };
}

export function describeLocalAvailableRecoveryTime(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  const i = inst.inventory.instance;
  // Documented refusals of this operation: a locked instance, one not Running (a restore whose
  // status setting changes it included), and log backup off.
  if ((i.LockMode ?? 'Unlock') !== 'Unlock') throw new ApiError('IncorrectDBInstanceLockMode', `The instance is ${i.LockMode}.`);
  if ((i.DBInstanceStatus ?? 'Running') !== 'Running') throw new ApiError('IncorrectDBInstanceState', `The instance is ${i.DBInstanceStatus}.`);
  const w = inst.inventory.recoveryWindow;
  if (!logBackupOn(inst) || !w) throw new ApiError('LogBackupNotEnabled');
  return { DBInstanceId: i.DBInstanceId, RecoveryBeginTime: w.RecoveryBeginTime, RecoveryEndTime: w.RecoveryEndTime };
}
