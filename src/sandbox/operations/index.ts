// The operations the sandbox answers, by Action: the only list. Each is an operation of the
// contract (../../contract), and restorec calls each of them.
import type { OpContext } from './context.ts';
import { describeBackups, describeMetaList } from './backups.ts';
import { describeDatabases, describeHistoryTasks } from './databases.ts';
import { describeBackupPolicy, describeDBInstanceAttribute, describeLocalAvailableRecoveryTime, describeParameters } from './instance.ts';
import { restoreTable } from './restore-table.ts';
import { describeAvailableRecoveryTime, describeCrossBackupMetaList, describeCrossRegionBackups } from './cross-region.ts';
import { restoreDdrTable } from './restore-ddr-table.ts';

export type { OpContext } from './context.ts';

export const OPERATIONS: Readonly<Record<string, (ctx: OpContext, requestId: string) => Record<string, unknown>>> = Object.freeze({
  DescribeDBInstanceAttribute: describeDBInstanceAttribute,
  DescribeBackupPolicy: describeBackupPolicy,
  DescribeBackups: describeBackups,
  DescribeMetaList: describeMetaList,
  DescribeDatabases: describeDatabases,
  DescribeLocalAvailableRecoveryTime: describeLocalAvailableRecoveryTime,
  DescribeParameters: describeParameters,
  DescribeHistoryTasks: describeHistoryTasks,
  RestoreTable: restoreTable,
  DescribeCrossRegionBackups: describeCrossRegionBackups,
  DescribeCrossBackupMetaList: describeCrossBackupMetaList,
  DescribeAvailableRecoveryTime: describeAvailableRecoveryTime,
  RestoreDdrTable: restoreDdrTable,
});
