import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/invalid-name.ts';

const long = 'x'.repeat(65);

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table orders as `' + 'x'.repeat(64) + '` >' }, { name: 'offline: 64 characters', spec: HEADER + 'restore db shop < table orders as `' + 'x'.repeat(64) + '` >', inventory: null }],
  invalid: [
    { name: 'a target name over 64 characters', spec: HEADER + 'restore db shop < table orders as `' + long + '` >', errors: [{ message: /is 65 characters long/, line: 3, column: 35, endColumn: 102 }] },
    { name: 'a source name over 64 characters', spec: HEADER + 'restore db `' + long + '` as a < table t >', errors: [{ message: /database name .* is 65 characters long/, line: 3, column: 12 }] },
    { name: 'a target ending with a space', spec: HEADER + 'restore db shop as `shop ` < table orders >', errors: [{ message: /ends with a space/, line: 3, column: 20, endColumn: 27 }] },
    { name: 'a template producing a long name', spec: HEADER + 'restore db shop < table order* as *' + 'y'.repeat(60) + ' >', errors: [{ message: /for `order_items`/, line: 3, column: 35 }] },

    { name: 'offline: a source name over 64 characters', spec: HEADER + 'restore db shop <\n  table orders as x\n  table ' + 'a'.repeat(73) + ' as y\n>', inventory: null, errors: [{ message: /table name `a+` is 73 characters long/, line: 5, column: 9, endColumn: 82 }] },
    { name: 'offline: a target name over 64 characters', spec: HEADER + 'restore db shop < table orders as `' + long + '` >', inventory: null, errors: [{ message: /is 65 characters long/, line: 3, column: 35, endColumn: 102 }] },
    { name: 'offline: {name} makes an exact name too long', spec: HEADER + 'restore db shop < table ' + 'o'.repeat(60) + ' as {name}_restored >', inventory: null, errors: [{ message: /target table name `o+_restored` \(for `o+`\) is 69 characters long/, line: 3, column: 89 }] },
    { name: 'offline: a database target ending with a space', spec: HEADER + 'restore db shop as `shop ` < table orders >', inventory: null, errors: [{ message: /ends with a space/, line: 3, column: 20, endColumn: 27 }] },
  ],
});
