import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/target-collision.ts';

ruleTester(rule, {
  valid: [
    { name: 'two tables, two targets', spec: HEADER + 'restore db shop < table orders as a, table customers as b >' },
    { name: 'a template with a wildcard', spec: HEADER + 'restore db shop < table order* as *_bak >' },

    { name: 'offline: two tables, two targets', spec: HEADER + 'restore db shop < table orders as a, table customers as b >', inventory: null },
    { name: 'offline: case-sensitive by config, a new case is a new name', spec: HEADER + 'restore db shop < table orders as x, table customers as X >', inventory: null, lowerCaseTableNames: 0 },
    { name: 'offline: patterns are left unresolved', spec: HEADER + 'restore db shop < table order* as x, table cust* as x >', inventory: null },
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

    {
      name: 'offline: two exact tables to one name',
      spec: HEADER + 'restore db shop <\n  table orders as x\n  table customers as x\n>',
      inventory: null,
      errors: [{ message: /tables `shop`\.`orders` and `shop`\.`customers` would both be restored as `shop`\.`x`/, line: 5, column: 3, endLine: 5, endColumn: 23 }],
    },
    { name: 'offline: names differing only by case collide unless the config says otherwise', spec: HEADER + 'restore db shop < table orders as x, table customers as X >', inventory: null, errors: [{ line: 3, column: 38 }] },
    { name: 'offline: two databases into one', spec: HEADER + 'restore db shop as x\nrestore db crm as x', inventory: null, errors: [{ message: /databases `shop` and `crm`/, line: 4, column: 12, endColumn: 15 }] },
    { name: 'offline: under a database pattern, exact tables collide in every database it matches', spec: HEADER + 'restore db shop* < table orders as x, table customers as x >', inventory: null, errors: [{ message: /`shop\*`\.`x`/, line: 3, column: 39 }] },
    { name: 'offline: a bad item does not hide the collision of two others', spec: HEADER + 'restore db shop <\n  table orders as x\n  table customers as x\n  table `' + 'n'.repeat(65) + '` as y\n>', inventory: null, errors: [{ line: 5, column: 3 }] },
  ],
});
