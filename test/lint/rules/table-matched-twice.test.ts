import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/table-matched-twice.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table orders as o2, table customers as c2 >' }, { name: 'offline: a pattern and an exact name are not compared', spec: HEADER + 'restore db shop as shop_r <\n  table orders\n  table order*\n>', inventory: null }],
  invalid: [
    {
      name: 'the same table and target twice',
      spec: HEADER + 'restore db shop <\n  table orders as o2\n  table orders as o2\n>',
      errors: [{ message: /`shop`\.`orders` is already restored as `o2`/, line: 5, column: 3, endColumn: 21 }],
    },
    {
      name: 'an exact name and a pattern that both keep the name',
      spec: HEADER + 'restore db shop as shop_r <\n  table orders\n  table order*\n>',
      errors: [{ line: 5, column: 3 }],
    },

    { name: 'offline: the same exact table and target twice', spec: HEADER + 'restore db shop <\n  table orders as o2\n  table orders as o2\n>', inventory: null, errors: [{ line: 5, column: 3 }] },
  ],
});
