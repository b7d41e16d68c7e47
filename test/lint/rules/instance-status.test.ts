import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-status.ts';

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db shop < table orders as orders_bak >' },
    { name: 'a migration status is migration-running\'s', spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: (inv) => void (inv.instance.DBInstanceStatus = 'Restoring') },
  ],
  invalid: [
    {
      name: 'an instance rebooting',
      spec: HEADER + 'restore db shop < table orders as orders_bak >',
      inventory: (inv) => void (inv.instance.DBInstanceStatus = 'Rebooting'),
      errors: [{ messageId: 'notRunning', message: /is Rebooting/, line: 1, column: 10, endLine: 1, endColumn: 17 }],
    },
    {
      name: 'status unknown',
      spec: HEADER + 'restore db shop < table orders as orders_bak >',
      inventory: (inv) => void delete inv.instance.DBInstanceStatus,
      errors: [{ messageId: 'unknown', line: 1, column: 10 }],
    },
  ],
});
