// The inventory model: what compiling (and later linting) a spec knows about one instance.
// Snapshots, the live RDS API and information_schema all produce this one shape.

export type LowerCaseTableNames = 0 | 1 | 2;

/** DescribeDBInstanceAttribute, plus lower_case_table_names from DescribeParameters. Absent: unknown. */
export interface InstanceAttributes {
  DBInstanceId: string;
  RegionId?: string;
  Engine: string;
  EngineVersion: string;
  Category?: string;
  DBInstanceClass?: string;
  DBInstanceStorageType?: string;
  DBInstanceStatus?: string;
  LockMode?: string;
  DBInstanceType?: string;
  ReadOnlyDBInstanceIds?: string[];
  GuardDBInstanceId?: string;
  TempDBInstanceId?: string;
  /** GB. */
  DBInstanceStorage?: number;
  /** Bytes. */
  DBInstanceDiskUsed?: number;
  lower_case_table_names: LowerCaseTableNames;
}

export interface BackupPolicy {
  EnableBackupLog?: '0' | '1';
  LogBackupRetentionPeriod?: number;
  BackupRetentionPeriod?: number;
  CompressType?: string;
}

export interface RecoveryWindow {
  RecoveryBeginTime: string;
  RecoveryEndTime: string;
}

export interface Backup {
  BackupId: string;
  BackupStatus: string;
  MetaStatus: 'OK' | 'LARGE' | 'EMPTY' | '';
  BackupStartTime?: string;
  BackupEndTime?: string;
  BackupMethod?: string;
  BackupType?: string;
  BackupMode?: string;
  BackupSize?: number;
}

/** A DescribeHistoryTasks task that had not ended when the inventory was read. */
export interface HistoryTask {
  TaskId: string;
  TaskType?: string;
  /** Scheduled, Running, Succeed, Failed, Cancelling, Canceled, Waiting. */
  Status: string;
  StartTime?: string;
  Progress?: number;
}

/** Deprecated: DescribeMigrateTasks (SQL Server only); still read from older snapshots. */
export interface MigrationTask {
  MigrateTaskId?: string;
  DBName?: string;
  Status: string;
}

/** One database inside a backup set or point in time (DescribeMetaList `Items.Meta[]`). */
export interface ContentDatabase {
  Database: string;
  /** KB. */
  Size?: number;
  Tables: string[];
}

/** The contents of one backup set (`BackupId`) or one point in time (`RestoreTime`). */
export interface BackupContents {
  BackupId?: string;
  RestoreTime?: string;
  Databases: ContentDatabase[];
}

/** A database on the instance now; `Tables` is `'unknown'` when they could not be read. */
export interface CurrentDatabase {
  DBName: string;
  DBStatus?: string;
  Tables: string[] | 'unknown';
}

/**
 * One cross-region backup set (DescribeCrossRegionBackups `Items.Item[]`). CrossBackupId is an
 * int32 in the API; a string here, as BackupId is.
 */
export interface CrossRegionBackup {
  CrossBackupId: string;
  /** 0: the cross-region backup succeeded; 1: it failed (the API reference's values). */
  BackupSetStatus: number;
  /** The region the copy is stored in. */
  CrossBackupRegion?: string;
  BackupStartTime?: string;
  BackupEndTime?: string;
  /** The point in time the backup's data shows: where a point-in-time restore from it starts. */
  ConsistentTime?: string;
  /** P physical, L logical. */
  BackupMethod?: string;
  /** F full, I incremental. */
  BackupType?: string;
  /** 0 instance-level, 1 database-level. */
  BackupSetScale?: number;
  Engine?: string;
  EngineVersion?: string;
  Category?: string;
  DBInstanceStorageType?: string;
  /** Bytes. */
  CrossBackupSetSize?: number;
  /** The regions the backup can be restored to. */
  RestoreRegions?: string[];
}

/** DescribeAvailableRecoveryTime for one cross-region backup set: the times it can restore to. */
export interface CrossRegionRecoveryWindow extends RecoveryWindow {
  CrossBackupId: string;
}

/** A code the API answered when asked about one cross-region backup set (its contents or window). */
export interface CrossRegionRefusal {
  CrossBackupId: string;
  /** e.g. NoAvailableDisasterRestoreBakset, InvalidMeta.Empty, InvalidMeta.TooLarge. */
  Code: string;
  /** The operation that answered it. */
  Operation: string;
}

/**
 * The cross-region source of a `from region ... instance ...` spec (RestoreDdrTable): the instance
 * the backups are of, its region, and what the API says about its cross-region backups.
 */
export interface CrossRegionInventory {
  /** SourceDBInstanceName. */
  DBInstanceId: string;
  /** SourceRegion. */
  RegionId: string;
  /** false: the region answered CrossBackupNotSupport. Absent: unknown (or supported). */
  supported?: boolean;
  /** DescribeCrossRegionBackups; absent: unknown. */
  backups?: CrossRegionBackup[];
  /**
   * DescribeAvailableRecoveryTime of the cross-region backup a point-in-time restore starts from;
   * null: the source has no cross-region log backup (NoAvailableLogBackup); absent: unknown.
   */
  recoveryWindow?: CrossRegionRecoveryWindow | null;
  refusals?: CrossRegionRefusal[];
  /** DescribeCrossBackupMetaList: the contents of cross-region backup sets (`BackupId` = CrossBackupId). */
  contents: BackupContents[];
}

export interface Inventory {
  version: 1;
  capturedAt?: string;
  instance: InstanceAttributes;
  backupPolicy?: BackupPolicy;
  /** `null`: log backup is off; absent: unknown. */
  recoveryWindow?: RecoveryWindow | null;
  backups?: Backup[];
  /** Unfinished tasks (DescribeHistoryTasks); absent: unknown. */
  tasks?: HistoryTask[];
  /** Deprecated: older snapshots only. */
  migrationTasks?: MigrationTask[];
  contents: BackupContents[];
  /** Absent: what is on the instance now is unknown. */
  current?: { Databases: CurrentDatabase[] };
  /** The cross-region source a RestoreDdrTable spec restores from; absent: none read. */
  crossRegion?: CrossRegionInventory;
}

/** Names compare case-insensitively when lower_case_table_names is 1 or 2 (MySQL semantics). */
export function isCaseInsensitive(inventory: Inventory): boolean {
  return inventory.instance.lower_case_table_names !== 0;
}

/** Where a spec restores from: a backup set or a point in time, of this instance or (crossRegion) of another region. */
export interface SourceRef {
  backupId?: string;
  restoreTime?: string;
  /** A cross-region source (RestoreDdrTable): the instance the backups are of, and its region. */
  crossRegion?: { region: string; instanceId: string };
}

/** The contents matching a spec's source: `from backup ID`, `at TIME`, or their cross-region forms. */
export function findContents(inventory: Inventory, source: SourceRef): BackupContents | undefined {
  if (source.crossRegion) {
    const x = inventory.crossRegion;
    if (!x || x.DBInstanceId !== source.crossRegion.instanceId || x.RegionId !== source.crossRegion.region) return undefined;
    return findCrossContents(x, source);
  }
  return inventory.contents.find((c) =>
    source.backupId !== undefined ? c.BackupId === source.backupId : source.restoreTime !== undefined && c.RestoreTime === source.restoreTime,
  );
}

/** When a cross-region backup's data stands (ConsistentTime, else its end), in ms; NaN when unknown. */
export function crossBackupTime(b: CrossRegionBackup): number {
  return Date.parse(b.ConsistentTime ?? b.BackupEndTime ?? '');
}

/**
 * The cross-region backup a point-in-time restore to `time` starts from: the newest that succeeded
 * and whose data stands at or before that time (UNCONFIRMED that RDS picks it so: see docs/apply.md).
 */
export function baseCrossBackup(backups: readonly CrossRegionBackup[], time: string): CrossRegionBackup | undefined {
  const t = Date.parse(time);
  let best: CrossRegionBackup | undefined;
  for (const b of backups) {
    const at = crossBackupTime(b);
    if (b.BackupSetStatus !== 0 || !(at <= t)) continue;
    if (!best || at > crossBackupTime(best) || (at === crossBackupTime(best) && Number(b.CrossBackupId) > Number(best.CrossBackupId))) best = b;
  }
  return best;
}

/**
 * Cross-region contents: a backup set's by its id; a point in time's as recorded for that time,
 * else those of the backup set it starts from (DescribeCrossBackupMetaList lists backup sets only,
 * so a table created after that backup and before the time is not listed: UNCONFIRMED).
 */
export function findCrossContents(x: CrossRegionInventory, source: { backupId?: string; restoreTime?: string }): BackupContents | undefined {
  if (source.backupId !== undefined) return x.contents.find((c) => c.BackupId === source.backupId);
  if (source.restoreTime === undefined) return undefined;
  const exact = x.contents.find((c) => c.RestoreTime === source.restoreTime);
  if (exact) return exact;
  const base = x.backups && baseCrossBackup(x.backups, source.restoreTime);
  return base && x.contents.find((c) => c.BackupId === base.CrossBackupId);
}
