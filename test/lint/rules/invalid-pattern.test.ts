import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/invalid-pattern.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table order[_s]* as *_bak >' }],
  invalid: [
    { name: 'a pattern over 128 characters', spec: HEADER + 'restore db shop < table ' + 'a*'.repeat(70) + ' >', errors: [{ message: /140 characters long/, line: 3, column: 25, endColumn: 165 }] },
    { name: 'an empty bracket', spec: HEADER + 'restore db shop < table order[]* >', errors: [{ message: /cannot be compiled/, line: 3, column: 25 }] },
  ],
});
