import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/unused-except.ts';

ruleTester(rule, {
  valid: [
    { name: 'an except table that excludes', spec: HEADER + 'restore db shop <\n  table order* as *_bak\n  except table order_items_tmp\n>' },
    { name: 'an except db that excludes', spec: HEADER + 'restore db * as *_r except db crm' },

    { name: 'offline: an except table beside a pattern is not judged', spec: HEADER + 'restore db shop <\n  table order* as *_bak\n  except table zzz\n>', inventory: null },
  ],
  invalid: [
    { name: 'except table', spec: HEADER + 'restore db shop <\n  table order* as *_bak\n  except table zzz\n>', errors: [{ message: /except table zzz/, line: 5, column: 16, endColumn: 19 }] },
    { name: 'except db with an exact source', spec: HEADER + 'restore db crm as crm_r except db zzz', errors: [{ message: /the source is an exact name/, line: 3, column: 35, endColumn: 38 }] },

    { name: 'offline: except db with an exact source', spec: HEADER + 'restore db crm as crm_r except db zzz', inventory: null, errors: [{ message: /the source is an exact name/, line: 3, column: 35, endColumn: 38 }] },
    { name: 'offline: except table in a block of exact names', spec: HEADER + 'restore db shop <\n  table orders as o2\n  except table order*\n>', inventory: null, errors: [{ message: /no table a pattern of this block matches/, line: 5, column: 16 }] },
  ],
});
