import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/invalid-pattern.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table order[_s]* as *_bak >' }, { name: 'offline: a pattern that compiles', spec: HEADER + 'restore db shop < table order[_s]* as *_bak >', inventory: null }],
  invalid: [
    { name: 'a pattern over 128 characters', spec: HEADER + 'restore db shop < table ' + 'a*'.repeat(70) + ' >', errors: [{ message: /140 characters long/, line: 3, column: 25, endColumn: 165 }] },
    { name: 'an empty bracket', spec: HEADER + 'restore db shop < table order[]* >', errors: [{ message: /the class `\[\]` is empty/, line: 3, column: 25 }] },
    { name: 'a brace range', spec: HEADER + 'restore db shop < table order_{a..c}* >', errors: [{ message: /brace ranges such as `\{a\.\.c\}` are not supported/, line: 3, column: 25 }] },
    { name: 'a backwards range', spec: HEADER + 'restore db shop < table order_[z-a]* >', errors: [{ message: /the range `z-a` in `\[z-a\]` runs backwards/, line: 3, column: 25 }] },

    { name: 'offline: an empty bracket', spec: HEADER + 'restore db shop < table order[]* >', inventory: null, errors: [{ message: /the class `\[\]` is empty/, line: 3, column: 25 }] },
  ],
});
