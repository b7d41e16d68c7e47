import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/source-missing.ts';

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db shop < table orders as orders_bak >' },
    { name: 'a table only in the backup, not in the point in time, restored from the backup', spec: HEADER + 'restore db shop < table order_items_tmp as t2 >' },
  ],
  invalid: [
    { name: 'a database not in the backup', spec: HEADER + 'restore db shopp < table orders as o2 >', errors: [{ line: 3, column: 12, endColumn: 17 }] },
    { name: 'a table not in the backup', spec: HEADER + 'restore db shop < table order as o2 >', errors: [{ line: 3, column: 25, endColumn: 30 }] },
    {
      name: 'a table not in the point in time',
      spec: 'instance rm-test\nat 2026-11-20T03:15:00Z\nrestore db shop < table order_items_tmp as t2 >',
      errors: [{ line: 3, column: 25 }],
    },
  ],
});
