// RestoreDdrTable: a cross-region restore into an existing instance, from a cross-region backup
// set (RestoreType 0, BackupId) or to a point in time of a source instance in another region
// (RestoreType 1, RestoreTime, SourceRegion, SourceDBInstanceName). The instance restored into is
// checked as RestoreTable checks it; the source against the seeds' `crossRegion` sources. Every
// refusal is a code RestoreDdrTable documents, with its documented status.
import { baseCrossBackup, findCrossContents, type BackupContents, type CrossRegionBackup, type CrossRegionInventory } from '../../compiler/index.ts';
import { ApiError } from '../errors.ts';
import { findCrossBackup, type InstanceState } from '../state.ts';
import { type OpContext, parseRestoreTime, requireInstance, requireParam } from './context.ts';
import { crossWindow, REGION_ID } from './cross-region.ts';
import { checkEligible, checkInstanceState, checkTableMeta, checkTargets, idempotency, startRestore, targetsOf } from './restore-table.ts';
import { parseTableMeta } from './table-meta.ts';

/** Codes recorded for a set that make it unusable for a restore (the contract's nearest: InvalidBakset.Invalid). */
const UNUSABLE = new Set(['NoAvailableDisasterRestoreBakset', 'InvalidMeta.Empty', 'InvalidMeta.TooLarge']);

/** A set that succeeded and can be restored into the target's region. */
function checkSet(source: CrossRegionInventory, backup: CrossRegionBackup, inst: InstanceState): void {
  if (backup.BackupSetStatus !== 0) throw new ApiError('IncorrectBackupSetState', `Cross-region backup ${backup.CrossBackupId} failed.`);
  if (source.refusals?.some((r) => r.CrossBackupId === backup.CrossBackupId && UNUSABLE.has(r.Code))) throw new ApiError('InvalidBakset.Invalid', `Cross-region backup ${backup.CrossBackupId} cannot restore tables.`);
  const region = inst.inventory.instance.RegionId;
  if (region !== undefined && backup.RestoreRegions && backup.RestoreRegions.length > 0 && !backup.RestoreRegions.includes(region)) {
    throw new ApiError('InvalidBakset.Invalid', `Cross-region backup ${backup.CrossBackupId} does not restore to ${region}.`);
  }
}

interface Resolved {
  source: CrossRegionInventory;
  contents: BackupContents | undefined;
  /** What the task records as its source. */
  from: { BackupId?: string; RestoreTime?: string; SourceDBInstanceName: string; SourceRegion: string };
}

function fromBackupSet(ctx: OpContext, inst: InstanceState): Resolved {
  const id = ctx.params.get('BackupId') || undefined;
  if (id === undefined) throw new ApiError('InvalidParameters.Format', 'RestoreType 0 needs BackupId.');
  const found = /^\d{1,10}$/.test(id) ? findCrossBackup(ctx.state, id) : undefined;
  if (!found) throw new ApiError('InvalidBackupSetID.NotFound');
  checkSet(found.source, found.backup, inst);
  return { source: found.source, contents: findCrossContents(found.source, { backupId: id }), from: { BackupId: id, SourceDBInstanceName: found.source.DBInstanceId, SourceRegion: found.source.RegionId } };
}

function fromPointInTime(ctx: OpContext, inst: InstanceState): Resolved {
  const time = ctx.params.get('RestoreTime') || undefined;
  const region = ctx.params.get('SourceRegion') || undefined;
  const name = ctx.params.get('SourceDBInstanceName') || undefined;
  if (time === undefined || region === undefined || name === undefined) throw new ApiError('InvalidParameters.Format', 'RestoreType 1 needs RestoreTime, SourceRegion and SourceDBInstanceName.');
  const ms = parseRestoreTime(time);
  if (ms === undefined) throw new ApiError('InvalidRestoreTime.Format');
  if (!REGION_ID.test(region)) throw new ApiError('InvalidRegion.Format');
  const source = ctx.state.crossSources.get(name);
  if (!source || source.RegionId !== region) throw new ApiError('InvalidDBInstance.NotFound', `No instance ${name} with cross-region backups in ${region}.`);
  if (source.recoveryWindow === null || source.recoveryWindow === undefined) throw new ApiError('InvalidBackupLogStatus', 'The source has no cross-region log backup.');
  const base = baseCrossBackup(source.backups ?? [], time);
  if (!base) throw new ApiError('InvalidBackup.NotFound', 'No cross-region backup before the restore time.');
  checkSet(source, base, inst);
  const w = crossWindow(source, base)!;
  if (ms < Date.parse(w.RecoveryBeginTime)) throw new ApiError('InvalidBackup.NotFound');
  if (ms > Date.parse(w.RecoveryEndTime)) throw new ApiError('InvalidBinlog.NotFound');
  return { source, contents: findCrossContents(source, { restoreTime: time }), from: { RestoreTime: time, SourceDBInstanceName: name, SourceRegion: region } };
}

export function restoreDdrTable(ctx: OpContext, requestId: string): Record<string, unknown> {
  const token = idempotency(ctx);
  if (token.first) return token.first;
  const inst = requireInstance(ctx);
  const meta = parseTableMeta(requireParam(ctx, 'TableMeta'));
  const type = requireParam(ctx, 'RestoreType');
  if (type !== '0' && type !== '1') throw new ApiError('InvalidRestoreType.Format');
  const resolved = type === '0' ? fromBackupSet(ctx, inst) : fromPointInTime(ctx, inst);
  const ontoSource = resolved.source.DBInstanceId === inst.inventory.instance.DBInstanceId;
  checkEligible(inst, ontoSource);
  checkInstanceState(ctx, inst);
  // RestoreDdrTable documents no table limit (no TooManyTables): none is modelled.
  checkTableMeta(inst, meta, Number.POSITIVE_INFINITY, ontoSource);
  const targets = targetsOf(ctx, inst, meta, resolved.contents);
  checkTargets(inst, meta, targets);
  startRestore(ctx, inst, ctx.behaviour.crossRegionRestoreTaskType, resolved.from, targets);
  const body = { RequestId: requestId, DBInstanceId: inst.inventory.instance.DBInstanceId };
  token.remember(body);
  return body;
}
