import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/current-unknown.ts';

ruleTester(rule, {
  valid: [
    { name: 'current databases and tables known', spec: HEADER + 'restore db shop < table orders as orders_bak >' },
    { name: 'unknown tables of a database nothing is restored into', spec: HEADER + 'restore db crm as crm_new', inventory: (inv) => void (inv.current!.Databases[1]!.Tables = 'unknown') },
  ],
  invalid: [
    {
      name: 'no current list at all',
      spec: HEADER + 'restore db shop < table orders as orders_bak >',
      inventory: (inv) => void delete inv.current,
      errors: [{ messageId: 'instance', line: 1, column: 10, endColumn: 17 }],
    },
    {
      name: 'tables of the target database unknown: once per database',
      spec: HEADER + 'restore db crm < table deals as deals_bak, table contacts as contacts_bak >',
      inventory: (inv) => void (inv.current!.Databases[1]!.Tables = 'unknown'),
      errors: [{ messageId: 'tables', message: /database crm/, line: 3, column: 12, endColumn: 15 }],
    },
  ],
});
