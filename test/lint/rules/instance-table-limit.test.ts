import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-table-limit.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [{ spec: SPEC }, { name: 'exactly at the limit', spec: SPEC, options: { max: 6 } }],
  invalid: [
    { name: 'more tables than the limit', spec: SPEC, options: { max: 5 }, errors: [{ messageId: 'tooMany', message: /hold 6 tables; table restore is unavailable above 5/, line: 2, column: 13, endColumn: 17 }] },
    { name: 'MetaStatus LARGE', spec: SPEC, inventory: (inv) => void (inv.backups![0]!.MetaStatus = 'LARGE'), errors: [{ messageId: 'large', line: 2, column: 13 }] },
    {
      name: 'a point in time',
      spec: 'instance rm-test\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as orders_bak >',
      options: { max: 4 },
      errors: [{ messageId: 'tooMany', message: /5 tables/, line: 2, column: 4 }],
    },
  ],
});
