import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/ambiguous-name.ts';

ruleTester(rule, {
  valid: [
    { name: 'case-sensitive instance', spec: HEADER + 'restore db shop < table orders as o2 >', inventory: (inv) => {
      inv.instance.lower_case_table_names = 0;
      inv.contents[0]!.Databases[0]!.Tables.push('Orders');
    } },
  ],
  invalid: [
    {
      name: 'two tables differing only by case on a case-insensitive instance',
      spec: HEADER + 'restore db shop < table orders as o2 >',
      inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('Orders'),
      errors: [{ message: /`orders` and `Orders`|`Orders` and `orders`/, line: 3, column: 25, endColumn: 31 }],
    },
  ],
});
