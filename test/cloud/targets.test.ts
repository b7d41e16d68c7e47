// Whether a request's targets are on the instance: the basis of "already applied" and of
// "done" after --wait. Tables that cannot be read (no SQL connection) are no evidence.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { targetPresence, type RequestTargets } from '../../src/cloud/targets.ts';
import type { CurrentDatabase } from '../../src/compiler/index.ts';

const targets = (dbs: Record<string, string[]>, renamed: string[]): RequestTargets => ({ databases: new Map(Object.entries(dbs)), renamed: new Set(renamed) });

const cases: [string, RequestTargets, CurrentDatabase[], string][] = [
  ['nothing there yet', targets({ shop_r: ['orders'] }, ['shop_r']), [], 'absent'],
  ['every table seen', targets({ shop: ['orders_bak'] }, []), [{ DBName: 'shop', Tables: ['orders', 'orders_bak'] }], 'present'],
  ['some tables seen', targets({ shop: ['a', 'b'] }, []), [{ DBName: 'shop', Tables: ['a'] }], 'partial'],
  ['tables restored into an existing database whose tables are unknown', targets({ shop: ['orders_bak'] }, []), [{ DBName: 'shop', Tables: 'unknown' }], 'unknown'],
  // A renamed database may be left over, or made by the first request of a split series.
  ['a renamed database exists, tables unknown: no evidence', targets({ crm_r: ['deals'] }, ['crm_r']), [{ DBName: 'crm_r', Tables: 'unknown' }], 'unknown'],
  [
    'databases with unknown tables, renamed or not, are no evidence either way',
    targets({ shop: ['orders_restored'], crm_r: ['deals'] }, ['crm_r']),
    [{ DBName: 'shop', Tables: 'unknown' }, { DBName: 'crm_r', Tables: 'unknown' }],
    'unknown',
  ],
  [
    'a renamed database missing while another database is unknown',
    targets({ shop: ['orders_restored'], crm_r: ['deals'] }, ['crm_r']),
    [{ DBName: 'shop', Tables: 'unknown' }],
    'absent',
  ],
];

for (const [name, t, current, state] of cases) {
  test(name, () => {
    assert.is(targetPresence(t, current, true).state, state);
  });
}

test('case-insensitive instances compare folded names', () => {
  assert.is(targetPresence(targets({ Shop: ['Orders_Bak'] }, []), [{ DBName: 'shop', Tables: ['orders_bak'] }], true).state, 'present');
  assert.is(targetPresence(targets({ Shop: ['Orders_Bak'] }, []), [{ DBName: 'shop', Tables: ['orders_bak'] }], false).state, 'absent');
});

test('130,000 target tables of a missing database are listed, not a stack overflow', () => {
  const tables = Array.from({ length: 130_000 }, (_, i) => `t${i}`);
  const both = targets({ big_r: tables, shop: ['a'] }, ['big_r']);
  const p = targetPresence(both, [{ DBName: 'shop', Tables: ['a'] }], false);
  assert.is(p.state, 'partial');
  if (p.state === 'partial') assert.is(p.missing.length, 130_000);
});

test.run();
