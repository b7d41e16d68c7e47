import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-lock.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [{ spec: SPEC }, { name: 'lock mode unknown (facts-unknown says so)', spec: SPEC, inventory: (inv) => void delete inv.instance.LockMode }],
  invalid: [
    { name: 'disk full', spec: SPEC, inventory: (inv) => void (inv.instance.LockMode = 'LockByDiskQuota'), errors: [{ messageId: 'locked', message: /locked \(LockByDiskQuota\)/, line: 1, column: 10, endColumn: 17 }] },
    { name: 'expired', spec: SPEC, inventory: (inv) => void (inv.instance.LockMode = 'LockByExpiration'), errors: [{ messageId: 'locked', line: 1, column: 10, help: /renew the instance/ }] },
    // A value from the API is data: `__proto__` must not find Object's members (issue 10, finding 16).
    { name: 'a lock mode named __proto__', spec: SPEC, inventory: (inv) => void (inv.instance.LockMode = '__proto__'), errors: [{ messageId: 'locked', line: 1, column: 10, help: /^lift the lock, then apply$/ }] },
  ],
});
