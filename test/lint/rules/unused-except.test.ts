import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/unused-except.ts';

ruleTester(rule, {
  valid: [
    { name: 'an except table that excludes', spec: HEADER + 'restore db shop <\n  table order* as *_bak\n  except table order_items_tmp\n>' },
    { name: 'an except db that excludes', spec: HEADER + 'restore db * as *_r except db crm' },
  ],
  invalid: [
    { name: 'except table', spec: HEADER + 'restore db shop <\n  table order* as *_bak\n  except table zzz\n>', errors: [{ message: /except table zzz/, line: 5, column: 16, endColumn: 19 }] },
    { name: 'except db with an exact source', spec: HEADER + 'restore db crm as crm_r except db zzz', errors: [{ message: /the source is an exact name/, line: 3, column: 35, endColumn: 38 }] },
  ],
});
