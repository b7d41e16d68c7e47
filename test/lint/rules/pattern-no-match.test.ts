import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/pattern-no-match.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table order* as *_bak >' }, { spec: HEADER + 'restore db c* as *_r' }],
  invalid: [
    { name: 'a table pattern', spec: HEADER + 'restore db shop < table zzz* as *_x >', errors: [{ message: /`zzz\*` matches no table/, line: 3, column: 25, endColumn: 29 }] },
    { name: 'a database pattern', spec: HEADER + 'restore db nope* as *_x', errors: [{ message: /matches no database/, line: 3, column: 12, endColumn: 17 }] },
    { name: 'an exact database its own except db removes', spec: HEADER + 'restore db crm except db c*', errors: [{ message: /excluded by this statement/, line: 3, column: 12, endColumn: 15 }] },
  ],
});
