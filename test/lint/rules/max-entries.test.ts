import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/max-entries.ts';

const big = { Database: 'big', Size: 1024, Tables: Array.from({ length: 60 }, (_, i) => `t${String(i).padStart(2, '0')}`) };

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop as shop_r' }, { name: '49 tables and their database fit one request', spec: HEADER + 'restore db big as big_r < table t0* table t1* table t2* table t3* table t40 table t41 table t42 table t43 table t44 table t45 table t46 table t47 table t48 >', inventory: (inv) => void inv.contents[0]!.Databases.push(big) }],
  invalid: [
    {
      name: '61 entries into the existing database become two requests',
      spec: HEADER + 'restore db big < table * as {name}_r >',
      inventory: (inv) => void inv.contents[0]!.Databases.push(big),
      errors: [{ message: /split into 2 requests that must run one after another/, line: 2, column: 1, endColumn: 17 }],
    },
    {
      name: 'a database created under a new name stays in one request, over the console limit',
      spec: HEADER + 'restore db big as big_r',
      inventory: (inv) => void inv.contents[0]!.Databases.push(big),
      errors: [{ message: /request 1 holds 61 entries, more than 50/, line: 2, column: 1 }],
    },
  ],
});
