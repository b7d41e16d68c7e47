import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/target-collision.ts';

ruleTester(rule, {
  valid: [
    { name: 'two tables, two targets', spec: HEADER + 'restore db shop < table orders as a, table customers as b >' },
    { name: 'a template with a wildcard', spec: HEADER + 'restore db shop < table order* as *_bak >' },
  ],
  invalid: [
    {
      name: 'two tables to one name',
      spec: HEADER + 'restore db shop <\n  table orders as x\n  table customers as x\n>',
      errors: [{ message: /tables `shop`\.`orders` and `shop`\.`customers` would both be restored as `shop`\.`x`/, line: 5, column: 3, endLine: 5, endColumn: 23 }],
    },
    {
      name: 'two databases into one',
      spec: HEADER + 'restore db shop as x\nrestore db crm as x',
      errors: [{ message: /databases `shop` and `crm`/, line: 4, column: 12, endColumn: 15 }],
    },
    {
      name: 'a fixed target for a pattern source',
      spec: HEADER + 'restore db shop < table order* as fixed >',
      errors: [
        { message: /`order_items_tmp`/, line: 3, column: 19 },
        { message: /`orders`/, line: 3, column: 19 },
      ],
    },
  ],
});
