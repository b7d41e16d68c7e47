// The operations the sandbox answers, by Action: the only list.
import type { OpContext } from './context.ts';
import { describeBackups, describeMetaList } from './backups.ts';
import { describeDatabases, describeTasks } from './databases.ts';
import { describeBackupPolicy, describeDBInstanceAttribute, describeLocalAvailableRecoveryTime, describeMigrateTasks, describeParameters } from './instance.ts';
import { restoreTable } from './restore-table.ts';

export type { OpContext } from './context.ts';

export const OPERATIONS: Record<string, (ctx: OpContext, requestId: string) => Record<string, unknown>> = {
  DescribeDBInstanceAttribute: describeDBInstanceAttribute,
  DescribeBackupPolicy: describeBackupPolicy,
  DescribeBackups: describeBackups,
  DescribeMetaList: describeMetaList,
  DescribeDatabases: describeDatabases,
  DescribeLocalAvailableRecoveryTime: describeLocalAvailableRecoveryTime,
  DescribeParameters: describeParameters,
  DescribeMigrateTasks: describeMigrateTasks,
  DescribeTasks: describeTasks,
  RestoreTable: restoreTable,
};
