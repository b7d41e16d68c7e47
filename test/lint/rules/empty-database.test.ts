import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/empty-database.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db crm as crm_r' }],
  invalid: [
    {
      name: 'a whole database with no tables',
      spec: HEADER + 'restore db scratch as scratch_r\nrestore db crm as crm_r',
      inventory: (inv) => void inv.contents[0]!.Databases.push({ Database: 'scratch', Size: 0, Tables: [] }),
      errors: [{ message: /`scratch` has no tables/, line: 3, column: 12, endColumn: 19 }],
    },
  ],
});
