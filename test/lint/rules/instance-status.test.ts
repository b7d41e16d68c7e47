import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-status.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table orders as orders_bak >' }],
  invalid: [
    {
      name: 'an instance being restored',
      spec: HEADER + 'restore db shop < table orders as orders_bak >',
      inventory: (inv) => void (inv.instance.DBInstanceStatus = 'Restoring'),
      errors: [{ messageId: 'notRunning', message: /is Restoring/, line: 1, column: 10, endLine: 1, endColumn: 17 }],
    },
    {
      name: 'status unknown',
      spec: HEADER + 'restore db shop < table orders as orders_bak >',
      inventory: (inv) => void delete inv.instance.DBInstanceStatus,
      errors: [{ messageId: 'unknown', line: 1, column: 10 }],
    },
  ],
});
