// The fields restorec reads from each answer. Every answer is checked against the contract's
// response schema for exactly these fields (their documented types): a field restorec ignores
// can never stop a restore, and a field it relies on can never be misread. A module of its own,
// with no imports: the build compiles a checker for each list ahead of time (read-validators).
export const READS: Readonly<Record<string, readonly string[]>> = {
  DescribeDBInstanceAttribute: [
    'Items.DBInstanceAttribute[].DBInstanceId', 'Items.DBInstanceAttribute[].RegionId', 'Items.DBInstanceAttribute[].Engine',
    'Items.DBInstanceAttribute[].EngineVersion', 'Items.DBInstanceAttribute[].Category', 'Items.DBInstanceAttribute[].DBInstanceClass',
    'Items.DBInstanceAttribute[].DBInstanceStorageType', 'Items.DBInstanceAttribute[].DBInstanceStatus', 'Items.DBInstanceAttribute[].LockMode',
    'Items.DBInstanceAttribute[].DBInstanceType', 'Items.DBInstanceAttribute[].ReadOnlyDBInstanceIds.ReadOnlyDBInstanceId[].DBInstanceId',
    'Items.DBInstanceAttribute[].GuardDBInstanceId', 'Items.DBInstanceAttribute[].TempDBInstanceId', 'Items.DBInstanceAttribute[].DBInstanceStorage',
    'Items.DBInstanceAttribute[].DBInstanceDiskUsed',
  ],
  DescribeParameters: ['RunningParameters.DBInstanceParameter[].ParameterName', 'RunningParameters.DBInstanceParameter[].ParameterValue'],
  DescribeBackupPolicy: ['EnableBackupLog', 'BackupLog', 'LogBackupRetentionPeriod', 'BackupRetentionPeriod', 'CompressType'],
  DescribeLocalAvailableRecoveryTime: ['RecoveryBeginTime', 'RecoveryEndTime'],
  DescribeBackups: [
    'PageNumber', 'PageRecordCount', 'TotalRecordCount',
    'Items.Backup[].BackupId', 'Items.Backup[].BackupStatus', 'Items.Backup[].MetaStatus', 'Items.Backup[].BackupStartTime',
    'Items.Backup[].BackupEndTime', 'Items.Backup[].BackupMethod', 'Items.Backup[].BackupType', 'Items.Backup[].BackupMode', 'Items.Backup[].BackupSize',
  ],
  DescribeMetaList: ['PageNumber', 'PageRecordCount', 'TotalRecordCount', 'TotalPageCount', 'Items.Meta[].Database', 'Items.Meta[].Tables', 'Items.Meta[].Size'],
  DescribeDatabases: ['Databases.Database[].DBName', 'Databases.Database[].DBStatus'],
  DescribeCrossRegionBackups: [
    'PageNumber', 'PageRecordCount', 'TotalRecordCount',
    'Items.Item[].CrossBackupId', 'Items.Item[].BackupSetStatus', 'Items.Item[].CrossBackupRegion', 'Items.Item[].BackupStartTime',
    'Items.Item[].BackupEndTime', 'Items.Item[].ConsistentTime', 'Items.Item[].BackupMethod', 'Items.Item[].BackupType', 'Items.Item[].BackupSetScale',
    'Items.Item[].Engine', 'Items.Item[].EngineVersion', 'Items.Item[].Category', 'Items.Item[].DBInstanceStorageType', 'Items.Item[].CrossBackupSetSize',
    'Items.Item[].RestoreRegions.RestoreRegion',
  ],
  DescribeCrossBackupMetaList: ['PageNumber', 'PageRecordCount', 'TotalRecordCount', 'TotalPageCount', 'Items.Meta[].Database', 'Items.Meta[].Tables', 'Items.Meta[].Size'],
  DescribeAvailableRecoveryTime: ['CrossBackupId', 'RecoveryBeginTime', 'RecoveryEndTime'],
  DescribeHistoryTasks: ['TotalCount', 'PageNumber', 'PageSize', 'Items[].TaskId', 'Items[].TaskType', 'Items[].Status', 'Items[].Progress', 'Items[].StartTime', 'Items[].EndTime', 'Items[].InstanceId'],
};
