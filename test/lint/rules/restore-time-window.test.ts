import { ruleTester, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/restore-time-window.ts';

const at = (time: string) => `instance rm-test\nat ${time}\nrestore db shop < table orders as orders_bak >`;

ruleTester(rule, {
  valid: [
    { name: 'a cross-region time: the local window is not its window', spec: CROSS_TIME + 'restore db shop < table orders as o2 >', inventory: (inv) => void (crossInventory(inv).recoveryWindow!.RecoveryEndTime = '2026-11-20T03:00:00Z') },
    { name: 'inside the window', spec: at('2026-11-20T03:15:00Z') },
    { name: 'an offset time inside the window', spec: at('2026-11-20T11:15:00+08:00') },
    { name: 'window unknown (facts-unknown says so)', spec: at('2026-11-20T03:15:00Z'), inventory: (inv) => void delete inv.recoveryWindow },
  ],
  invalid: [
    { name: 'a cross-region time in the future', spec: CROSS_TIME + 'restore db shop < table orders as o2 >', now: '2026-11-20T03:00:00Z', inventory: (inv) => void crossInventory(inv), errors: [{ messageId: 'future', line: 2, column: 4 }] },
    { name: 'in the future', spec: at('2026-11-21T00:00:00Z'), errors: [{ messageId: 'future', message: /2026-11-21T00:00:00Z is in the future \(now: 2026-11-20T04:00:00Z\)/, line: 2, column: 4, endColumn: 24 }] },
    { name: 'in the future by the injected clock', spec: at('2026-11-20T03:15:00Z'), now: '2026-11-20T03:00:00Z', inventory: null, errors: [{ messageId: 'future', message: /now: 2026-11-20T03:00:00Z/, line: 2, column: 4 }] },
    { name: 'before the window', spec: at('2026-11-01T00:00:00Z'), errors: [{ messageId: 'before', message: /\(2026-11-13T00:00:00Z to 2026-11-20T03:59:00Z\)/, line: 2, column: 4 }] },
    { name: 'after the window', spec: at('2026-11-20T03:15:00Z'), inventory: (inv) => void (inv.recoveryWindow!.RecoveryEndTime = '2026-11-20T03:00:00Z'), errors: [{ messageId: 'after', line: 2, column: 4 }] },
  ],
});
