import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/migration-running.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { spec: SPEC },
    { name: 'finished tasks', spec: SPEC, inventory: (inv) => void (inv.migrationTasks = [{ MigrateTaskId: 'mt-1', Status: 'Success' }, { MigrateTaskId: 'mt-2', Status: 'Failed' }]) },
  ],
  invalid: [
    {
      name: 'a running and a waiting task: one message',
      spec: SPEC,
      inventory: (inv) => void (inv.migrationTasks = [{ MigrateTaskId: 'mt-1', Status: 'Running' }, { DBName: 'crm', Status: 'Waiting' }, { MigrateTaskId: 'mt-0', Status: 'Success' }]),
      errors: [{ messageId: 'running', message: /2 unfinished migration tasks \(mt-1 Running, crm Waiting\)/, line: 1, column: 10, endColumn: 17 }],
    },
    { name: 'a task not started yet', spec: SPEC, inventory: (inv) => void (inv.migrationTasks = [{ MigrateTaskId: 'mt-9', Status: 'NoStart' }]), errors: [{ message: /1 unfinished migration task \(/, line: 1, column: 10 }] },
  ],
});
