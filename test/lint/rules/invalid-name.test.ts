import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/invalid-name.ts';

const long = 'x'.repeat(65);

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table orders as `' + 'x'.repeat(64) + '` >' }],
  invalid: [
    { name: 'a target name over 64 characters', spec: HEADER + 'restore db shop < table orders as `' + long + '` >', errors: [{ message: /is 65 characters long/, line: 3, column: 35, endColumn: 102 }] },
    { name: 'a source name over 64 characters', spec: HEADER + 'restore db `' + long + '` as a < table t >', errors: [{ message: /database name .* is 65 characters long/, line: 3, column: 12 }] },
    { name: 'a target ending with a space', spec: HEADER + 'restore db shop as `shop ` < table orders >', errors: [{ message: /ends with a space/, line: 3, column: 20, endColumn: 27 }] },
    { name: 'a template producing a long name', spec: HEADER + 'restore db shop < table order* as *' + 'y'.repeat(60) + ' >', errors: [{ message: /for `order_items`/, line: 3, column: 35 }] },
  ],
});
