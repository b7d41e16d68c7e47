import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/unusual-name.ts';

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db shop < table * as *_bak >' },
    { name: 'offline: a plain name', spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: null },
    // A backup's table list is comma-separated; a database's name is not listed that way.
    { name: 'offline: a comma in a database name', spec: HEADER + 'restore db `shop,eu` as `shop,eu_bak`', inventory: null },
  ],
  invalid: [
    {
      name: 'a pattern that matches a #sql temporary table',
      spec: HEADER + 'restore db shop < table * as *_bak >',
      inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('#sql-1a2b'),
      errors: [{ message: /`#sql-1a2b`/, line: 3, column: 25, endColumn: 26 }],
    },

    { name: 'offline: a comma in an exact table name', spec: HEADER + 'restore db shop < table `orders,2025` as orders_2025 >', inventory: null, errors: [{ message: /holds `,`, which a backup's list of tables cannot show/, line: 3, column: 25 }] },
    { name: 'offline: a comma in an exact target table', spec: HEADER + 'restore db shop < table orders as `orders,bak` >', inventory: null, errors: [{ message: /target table name `orders,bak` holds `,`/, line: 3, column: 35 }] },
    {
      name: 'a pattern that matches a table with a comma (a snapshot that keeps the name whole)',
      spec: HEADER + 'restore db shop < table ord* as *_bak >',
      inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('orders,old'),
      errors: [{ message: /`orders,old` \(which holds `,`/, line: 3, column: 25 }],
    },
    { name: 'offline: a dot in an exact target', spec: HEADER + 'restore db shop < table orders as `shop.orders_bak` >', inventory: null, errors: [{ message: /holds `\.`/, line: 3, column: 35 }] },
  ],
});
