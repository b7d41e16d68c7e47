import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/target-exists.ts';

ruleTester(rule, {
  valid: [
    { name: 'new table names', spec: HEADER + 'restore db shop < table orders as orders_bak >' },
    { name: 'a new database', spec: HEADER + 'restore db shop as shop_20261120' },
    { name: 'current tables unknown (another rule says so)', spec: HEADER + 'restore db shop < table orders as customers >', inventory: (inv) => void (inv.current!.Databases[0]!.Tables = 'unknown') },
    { name: 'current list absent (another rule says so)', spec: HEADER + 'restore db shop < table orders as customers >', inventory: (inv) => void delete inv.current },
  ],
  invalid: [
    {
      name: 'a target table that exists',
      spec: HEADER + 'restore db shop < table orders as customers >',
      errors: [{ messageId: 'table', line: 3, column: 19, endLine: 3, endColumn: 44 }],
    },
    {
      name: 'restoring a table under its own name into its own database',
      spec: HEADER + 'restore db shop < table order_items >',
      errors: [{ messageId: 'table', message: /shop\.order_items/, line: 3, column: 19 }],
    },
    {
      name: 'case-insensitive instance: names differing only in case collide',
      spec: HEADER + 'restore db shop < table orders as CUSTOMERS >',
      errors: [{ messageId: 'table', line: 3, column: 19 }],
    },
    {
      name: 'a renamed database that already exists',
      spec: HEADER + 'restore db shop as crm < table orders as orders_x >',
      errors: [{ messageId: 'database', line: 3, column: 12, endColumn: 16 }],
    },
  ],
});
