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
}

/** Names compare case-insensitively when lower_case_table_names is 1 or 2 (MySQL semantics). */
export function isCaseInsensitive(inventory: Inventory): boolean {
  return inventory.instance.lower_case_table_names !== 0;
}

/** The contents matching a spec's source: `from backup ID` or `at TIME`. */
export function findContents(inventory: Inventory, source: { backupId?: string; restoreTime?: string }): BackupContents | undefined {
  return inventory.contents.find((c) =>
    source.backupId !== undefined ? c.BackupId === source.backupId : source.restoreTime !== undefined && c.RestoreTime === source.restoreTime,
  );
}
