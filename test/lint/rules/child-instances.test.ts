import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/child-instances.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { spec: SPEC },
    { name: 'read-only instances are not reported with readOnly: false', spec: SPEC, options: { readOnly: false }, inventory: (inv) => void (inv.instance.ReadOnlyDBInstanceIds = ['rr-1']) },
  ],
  invalid: [
    { name: 'a guard instance', spec: SPEC, inventory: (inv) => void (inv.instance.GuardDBInstanceId = 'rm-guard'), errors: [{ messageId: 'children', message: /guard instance rm-guard/, line: 1, column: 10, endColumn: 17 }] },
    {
      name: 'a temporary instance and read-only instances (reported by default)',
      spec: SPEC,
      inventory: (inv) => {
        inv.instance.TempDBInstanceId = 'rm-temp';
        inv.instance.ReadOnlyDBInstanceIds = ['rr-1', 'rr-2'];
      },
      errors: [{ messageId: 'children', message: /temporary instance rm-temp and read-only instances rr-1, rr-2/, line: 1, column: 10 }],
    },
    { name: 'not the primary', spec: SPEC, inventory: (inv) => void (inv.instance.DBInstanceType = 'Readonly'), errors: [{ messageId: 'notPrimary', message: /is a Readonly instance/, line: 1, column: 10 }] },
  ],
});
