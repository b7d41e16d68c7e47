import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/unusual-name.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table * as *_bak >' }],
  invalid: [
    {
      name: 'a pattern that matches a #sql temporary table',
      spec: HEADER + 'restore db shop < table * as *_bak >',
      inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('#sql-1a2b'),
      errors: [{ message: /`#sql-1a2b`/, line: 3, column: 25, endColumn: 26 }],
    },
  ],
});
