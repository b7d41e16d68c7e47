// Backup reads: DescribeBackups (paging counts as strings) and DescribeMetaList (PageSize
// default 1, PageIndex from 1, Tables one comma-separated string, Size KB as a string).
import { candidateRows, ELIGIBILITY } from '../../compiler/index.ts';
import { ApiError } from '../errors.ts';
import { countTables } from '../state.ts';
import { type OpContext, contentsFor, inWindow, intParam, logBackupOn, page, parseRestoreTime, requireInstance, requireParam } from './context.ts';

/** StartTime/EndTime filters are `yyyy-MM-ddTHH:mmZ`; backups may carry seconds or not. */
function minuteMs(v: string): number {
  return Date.parse(v.length === 17 ? `${v.slice(0, 16)}:00Z` : v);
}

export function describeBackups(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  const size = intParam(ctx, 'PageSize', 30, 'InvalidMaxRecordsPerPage.Malformed');
  const number = intParam(ctx, 'PageNumber', 1, 'InvalidPageNumbers.Malformed');
  const id = ctx.params.get('BackupId');
  const status = ctx.params.get('BackupStatus');
  const start = ctx.params.get('StartTime');
  const end = ctx.params.get('EndTime');
  const all = (inst.inventory.backups ?? []).filter(
    (b) =>
      (!id || b.BackupId === id) &&
      (!status || b.BackupStatus === status) &&
      (!start || b.BackupStartTime === undefined || minuteMs(b.BackupStartTime) >= minuteMs(start)) &&
      (!end || b.BackupStartTime === undefined || minuteMs(b.BackupStartTime) <= minuteMs(end)),
  );
  const items = page(all, size, number).map((b) => ({
    DBInstanceId: inst.inventory.instance.DBInstanceId,
    BackupId: b.BackupId,
    BackupStatus: b.BackupStatus,
    BackupStartTime: b.BackupStartTime ?? '',
    BackupEndTime: b.BackupEndTime ?? '',
    BackupMethod: b.BackupMethod ?? 'Physical',
    BackupType: b.BackupType ?? 'FullBackup',
    BackupMode: b.BackupMode ?? 'Automated',
    BackupSize: b.BackupSize ?? 0,
    MetaStatus: b.MetaStatus,
  }));
  // Strings, as the service sends them (rds-api.md); a client that compares numbers breaks here first.
  return { Items: { Backup: items }, PageNumber: String(number), PageRecordCount: String(items.length), TotalRecordCount: String(all.length) };
}

export function describeMetaList(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  const size = intParam(ctx, 'PageSize', 1, 'InvalidPageSize', ctx.behaviour.metaListMaxPageSize);
  const index = intParam(ctx, 'PageIndex', 1, 'InvalidPageIndex');
  const i = inst.inventory.instance;
  if (candidateRows(ELIGIBILITY, i).length === 0) throw new ApiError(i.Engine.toLowerCase() === 'mysql' ? 'IncorrectEngineVersion' : 'IncorrectDBInstanceType');
  if (countTables(inst) > ctx.behaviour.maxInstanceTables) throw new ApiError('InvalidMeta.TooLarge', `The instance has more than ${ctx.behaviour.maxInstanceTables} tables.`);
  const type = ctx.params.get('RestoreType') || 'BackupSetID';
  let source: { BackupId?: string; RestoreTime?: string };
  if (type === 'BackupSetID') {
    const id = requireParam(ctx, 'BackupSetID', 'InvalidParameters.Format');
    const backup = (inst.inventory.backups ?? []).find((b) => b.BackupId === id);
    if (!backup && !inst.inventory.contents.some((c) => c.BackupId === id)) throw new ApiError('InvalidBackupSetID.NotFound');
    if (backup?.MetaStatus === 'LARGE') throw new ApiError('InvalidMeta.TooLarge');
    if (backup?.MetaStatus === 'EMPTY' || backup?.MetaStatus === '') throw new ApiError('InvalidMeta.Empty');
    source = { BackupId: id };
  } else {
    if (type !== 'RestoreTime') throw new ApiError('InvalidParameters.Format', 'RestoreType must be BackupSetID or RestoreTime.');
    const time = requireParam(ctx, 'RestoreTime', 'InvalidRestoreTime.Format');
    const ms = parseRestoreTime(time);
    if (ms === undefined) throw new ApiError('InvalidRestoreTime.Format');
    if (!logBackupOn(inst)) throw new ApiError('InvalidBackupLogStatus');
    // Outside the window: the contract names no code for it; the parameter is refused (UNCONFIRMED).
    if (!inWindow(inst, ms)) throw new ApiError('InvalidParameters.Format', 'No backup covers the restore time.');
    source = { RestoreTime: time };
  }
  let dbs = contentsFor(inst, source)?.Databases ?? [];
  const exact = ctx.params.get('GetDbName');
  const pattern = ctx.params.get('Pattern');
  if (exact) dbs = dbs.filter((d) => d.Database === exact);
  else if (pattern) dbs = dbs.filter((d) => d.Database.includes(pattern));
  const items = page(dbs, size, index).map((d) => ({
    Database: d.Database,
    // Pattern lists database names only; GetDbName (or no filter) lists the tables too.
    Tables: pattern && !exact ? '' : d.Tables.join(','),
    Size: String(d.Size ?? 0),
  }));
  return {
    DBInstanceName: inst.inventory.instance.DBInstanceId,
    PageNumber: index,
    PageRecordCount: items.length,
    TotalRecordCount: dbs.length,
    TotalPageCount: Math.ceil(dbs.length / size),
    Items: { Meta: items },
  };
}
