import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-lock.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [{ spec: SPEC }, { name: 'lock mode unknown (facts-unknown says so)', spec: SPEC, inventory: (inv) => void delete inv.instance.LockMode }],
  invalid: [
    { name: 'disk full', spec: SPEC, inventory: (inv) => void (inv.instance.LockMode = 'LockByDiskQuota'), errors: [{ messageId: 'locked', message: /locked \(LockByDiskQuota\)/, line: 1, column: 10, endColumn: 17 }] },
    { name: 'expired', spec: SPEC, inventory: (inv) => void (inv.instance.LockMode = 'LockByExpiration'), errors: [{ messageId: 'locked', line: 1, column: 10 }] },
  ],
});
