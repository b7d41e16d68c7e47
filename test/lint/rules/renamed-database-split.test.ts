import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import type { Inventory } from '../../../src/compiler/index.ts';
import rule from '../../../src/lint/rules/renamed-database-split.ts';

const tables = (n: number) => Array.from({ length: n }, (_, i) => `t${String(i).padStart(3, '0')}`);
const big = (n: number) => (inv: Inventory) => void inv.contents[0]!.Databases.push({ Database: 'big', Size: 1, Tables: tables(n) });

ruleTester(rule, {
  valid: [
    { name: '100 tables into a new database: one request', spec: HEADER + 'restore db big as big_r', inventory: big(100) },
    { name: '120 tables into the existing database: split safely', spec: HEADER + 'restore db big < table * as {name}_r >', inventory: big(120) },
    { name: 'a whole database sent as one db entry', spec: HEADER + 'restore db big as big_r', inventory: big(120), compile: { wholeDatabase: 'db-entry' } },
  ],
  invalid: [
    {
      name: '120 tables into a new database',
      spec: HEADER + 'restore db big as big_r',
      inventory: big(120),
      errors: [{ message: /database big_r is created by this restore and gets 120 tables, more than one RestoreTable request takes \(100\)/, line: 3, column: 12, endColumn: 15 }],
    },
    { name: '101 tables picked by a pattern', spec: HEADER + 'restore db big as big_r < table t* >', inventory: big(101), errors: [{ message: /gets 101 tables/, line: 3, column: 12 }] },
  ],
});
