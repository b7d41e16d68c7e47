// Cross-region reads: DescribeCrossRegionBackups (a source instance's backup sets copied to other
// regions), DescribeCrossBackupMetaList (a set's databases and tables, paged like DescribeMetaList)
// and DescribeAvailableRecoveryTime (the times a set can restore to). Answered from the seeds'
// `crossRegion` sources; every refusal is a code the operation documents.
import { crossBackupTime, findCrossContents, type CrossRegionBackup, type CrossRegionInventory, type RecoveryWindow } from '../../compiler/index.ts';
import { documentedError, TIME_PATTERNS } from '../../contract/index.ts';
import { ApiError } from '../errors.ts';
import { findCrossBackup, type SandboxState } from '../state.ts';
import { type OpContext, intParam, page, requireParam, utcSeconds } from './context.ts';

export const REGION_ID = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/** A small stable int32 for an instance id (the API's InstanceId of a backup is an integer). */
function instanceNumber(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return h;
}

/** The set `id`, or the operation's "not found"; a code recorded for it in the seed, when this operation documents it. */
function backupFor(ctx: OpContext, id: string): { source: CrossRegionInventory; backup: CrossRegionBackup } {
  const found = /^\d{1,10}$/.test(id) ? findCrossBackup(ctx.state, id) : undefined;
  if (!found) throw new ApiError('InvalidBackupSetID.NotFound', `Cross-region backup ${JSON.stringify(id.slice(0, 20))} does not exist.`);
  const refused = found.source.refusals?.find((r) => r.CrossBackupId === id && documentedError(ctx.action, r.Code));
  if (refused) throw new ApiError(refused.Code, 'Recorded in the seed.');
  return found;
}

/**
 * The window a set can restore to: the seed's window for its own set; for another set, from the
 * set's time to the seed window's end (the logs copied after it). null: no cross-region log
 * backup (the seed says null, or says nothing).
 */
export function crossWindow(source: CrossRegionInventory, backup: CrossRegionBackup): RecoveryWindow | null {
  const w = source.recoveryWindow;
  if (!w) return null;
  if (w.CrossBackupId === backup.CrossBackupId) return { RecoveryBeginTime: w.RecoveryBeginTime, RecoveryEndTime: w.RecoveryEndTime };
  const at = crossBackupTime(backup);
  return { RecoveryBeginTime: Number.isNaN(at) ? w.RecoveryBeginTime : utcSeconds(at), RecoveryEndTime: w.RecoveryEndTime };
}

function item(state: SandboxState, source: CrossRegionInventory, b: CrossRegionBackup): Record<string, unknown> {
  const inst = state.instances.get(source.DBInstanceId)?.inventory.instance;
  const copyRegion = b.CrossBackupRegion ?? '';
  return {
    CrossBackupId: Number(b.CrossBackupId),
    BackupSetStatus: b.BackupSetStatus,
    CrossBackupRegion: copyRegion,
    BackupStartTime: b.BackupStartTime ?? '',
    BackupEndTime: b.BackupEndTime ?? '',
    ConsistentTime: b.ConsistentTime ?? '',
    BackupMethod: b.BackupMethod ?? 'P',
    BackupType: b.BackupType ?? 'F',
    BackupSetScale: b.BackupSetScale ?? 0,
    Engine: b.Engine ?? (inst?.Engine ?? 'MySQL').toLowerCase(),
    EngineVersion: b.EngineVersion ?? inst?.EngineVersion ?? '8.0',
    Category: b.Category ?? inst?.Category ?? 'HighAvailability',
    DBInstanceStorageType: b.DBInstanceStorageType ?? inst?.DBInstanceStorageType ?? 'local_ssd',
    CrossBackupSetSize: b.CrossBackupSetSize ?? 0,
    CrossBackupSetLocation: 'oss',
    CrossBackupSetFile: `${source.RegionId}_${source.DBInstanceId}_${b.CrossBackupId}_qp.xb`,
    CrossBackupDownloadLink: `http://127.0.0.1/sandbox/cross-region/${b.CrossBackupId}`,
    InstanceId: instanceNumber(source.DBInstanceId),
    RestoreRegions: { RestoreRegion: b.RestoreRegions ?? (copyRegion ? [copyRegion] : []) },
  };
}

export function describeCrossRegionBackups(ctx: OpContext): Record<string, unknown> {
  const id = requireParam(ctx, 'DBInstanceId');
  const region = requireParam(ctx, 'RegionId');
  if (!REGION_ID.test(region)) throw new ApiError('InvalidRegion.Format');
  const source = ctx.state.crossSources.get(id);
  if (!source || source.RegionId !== region) throw new ApiError('InvalidDBInstance.NotFound', `No instance ${id} with cross-region backups in ${region}.`);
  if (source.supported === false) throw new ApiError('CrossBackupNotSupport');
  const wanted = ctx.params.get('CrossBackupId') || undefined;
  const start = ctx.params.get('StartTime') || undefined;
  const end = ctx.params.get('EndTime') || undefined;
  // The SDK's documentation: CrossBackupId, or StartTime and EndTime.
  if (wanted === undefined && (start === undefined || end === undefined)) throw new ApiError('ParameterAbsence', 'Give CrossBackupId, or StartTime and EndTime.');
  if (start !== undefined && (!TIME_PATTERNS.seconds.test(start) || Number.isNaN(Date.parse(start)))) throw new ApiError('InvalidStartTime.Format');
  if (end !== undefined && (!TIME_PATTERNS.seconds.test(end) || Number.isNaN(Date.parse(end)))) throw new ApiError('InvalidEndTime.Format');
  if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) throw new ApiError('InvalidTime.Format', 'EndTime is before StartTime.');
  const size = intParam(ctx, 'PageSize', 30, 'InvalidParameters.Format', 100);
  const number = intParam(ctx, 'PageNumber', 1, 'InvalidParameters.Format');
  const copyRegion = ctx.params.get('CrossBackupRegion') || undefined;
  const when = (b: CrossRegionBackup) => Date.parse(b.BackupStartTime ?? b.ConsistentTime ?? '');
  const all = (source.backups ?? []).filter(
    (b) =>
      (wanted === undefined || b.CrossBackupId === wanted) &&
      (copyRegion === undefined || b.CrossBackupRegion === copyRegion) &&
      (start === undefined || !(when(b) < Date.parse(start))) &&
      (end === undefined || !(when(b) > Date.parse(end))),
  );
  const items = page(all, size, number).map((b) => item(ctx.state, source, b));
  return { RegionId: region, StartTime: start ?? '', EndTime: end ?? '', PageNumber: number, PageRecordCount: items.length, TotalRecordCount: all.length, Items: { Item: items } };
}

export function describeCrossBackupMetaList(ctx: OpContext): Record<string, unknown> {
  const { source, backup } = backupFor(ctx, requireParam(ctx, 'BackupSetId'));
  const size = intParam(ctx, 'PageSize', 1, 'InvalidPageSize', ctx.behaviour.metaListMaxPageSize);
  const index = intParam(ctx, 'PageIndex', 1, 'InvalidPageIndex');
  if (backup.BackupSetStatus !== 0) throw new ApiError('NoAvailableDisasterRestoreBakset', `Cross-region backup ${backup.CrossBackupId} failed.`);
  let dbs = findCrossContents(source, { backupId: backup.CrossBackupId })?.Databases ?? [];
  const exact = ctx.params.get('GetDbName');
  const pattern = ctx.params.get('Pattern');
  if (exact) dbs = dbs.filter((d) => d.Database === exact);
  else if (pattern) dbs = dbs.filter((d) => d.Database.includes(pattern));
  const items = page(dbs, size, index).map((d) => ({ Database: d.Database, Tables: pattern && !exact ? '' : d.Tables.join(','), Size: String(d.Size ?? 0) }));
  return {
    DBInstanceName: source.DBInstanceId,
    PageNumber: index,
    PageRecordCount: items.length,
    TotalRecordCount: dbs.length,
    TotalPageCount: Math.ceil(dbs.length / size),
    Items: { Meta: items },
  };
}

export function describeAvailableRecoveryTime(ctx: OpContext): Record<string, unknown> {
  const { source, backup } = backupFor(ctx, requireParam(ctx, 'CrossBackupId'));
  if (source.supported === false) throw new ApiError('CrossBackupNotSupport');
  if (backup.BackupSetStatus !== 0) throw new ApiError('NoAvailableDisasterRestoreBakset', `Cross-region backup ${backup.CrossBackupId} failed.`);
  const w = crossWindow(source, backup);
  if (!w) throw new ApiError('NoAvailableLogBackup');
  return { CrossBackupId: Number(backup.CrossBackupId), RegionId: source.RegionId, RecoveryBeginTime: w.RecoveryBeginTime, RecoveryEndTime: w.RecoveryEndTime };
}
