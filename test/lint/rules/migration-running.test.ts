import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/migration-running.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { spec: SPEC },
    { name: 'no unfinished task', spec: SPEC, inventory: (inv) => void (inv.tasks = []) },
    { name: 'finished tasks of older snapshots', spec: SPEC, inventory: (inv) => void (inv.migrationTasks = [{ MigrateTaskId: 'mt-1', Status: 'Success' }, { MigrateTaskId: 'mt-2', Status: 'Failed' }]) },
    { name: 'ended history tasks', spec: SPEC, inventory: (inv) => void (inv.tasks = [{ TaskId: 't-1', TaskType: 'ModifyDBInstanceSpec', Status: 'Succeed' }, { TaskId: 't-2', Status: 'Canceled' }]) },
    { name: 'a status that is not a migration is instance-status\'s', spec: SPEC, inventory: (inv) => void (inv.instance.DBInstanceStatus = 'Rebooting') },
  ],
  invalid: [
    {
      name: 'unfinished history tasks: one message naming them',
      spec: SPEC,
      inventory: (inv) => void (inv.tasks = [{ TaskId: 't-1', TaskType: 'ModifyDBInstanceSpec', Status: 'Running' }, { TaskId: 't-2', TaskType: 'RestoreTable', Status: 'Scheduled' }, { TaskId: 't-3', Status: 'Succeed' }]),
      errors: [{ messageId: 'running', message: /2 unfinished tasks \(ModifyDBInstanceSpec t-1 Running, RestoreTable t-2 Scheduled\)/, line: 1, column: 10, endColumn: 17 }],
    },
    { name: 'a migration status', spec: SPEC, inventory: (inv) => void (inv.instance.DBInstanceStatus = 'TRANSING'), errors: [{ messageId: 'status', message: /is TRANSING: a migration or change is in progress/, line: 1, column: 10 }] },
    { name: 'an instance being restored', spec: SPEC, inventory: (inv) => void (inv.instance.DBInstanceStatus = 'Restoring'), errors: [{ messageId: 'status', message: /is Restoring/, line: 1, column: 10 }] },
    {
      name: 'older snapshots: a running and a waiting migration task',
      spec: SPEC,
      inventory: (inv) => void (inv.migrationTasks = [{ MigrateTaskId: 'mt-1', Status: 'Running' }, { DBName: 'crm', Status: 'Waiting' }, { MigrateTaskId: 'mt-0', Status: 'Success' }]),
      errors: [{ messageId: 'running', message: /2 unfinished tasks \(migration mt-1 Running, migration crm Waiting\)/, line: 1, column: 10 }],
    },
  ],
});
