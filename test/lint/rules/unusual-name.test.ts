import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/unusual-name.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table * as *_bak >' }, { name: 'offline: a plain name', spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: null }],
  invalid: [
    {
      name: 'a pattern that matches a #sql temporary table',
      spec: HEADER + 'restore db shop < table * as *_bak >',
      inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('#sql-1a2b'),
      errors: [{ message: /`#sql-1a2b`/, line: 3, column: 25, endColumn: 26 }],
    },

    { name: 'offline: a dot in an exact target', spec: HEADER + 'restore db shop < table orders as `shop.orders_bak` >', inventory: null, errors: [{ message: /holds `\.`/, line: 3, column: 35 }] },
  ],
});
