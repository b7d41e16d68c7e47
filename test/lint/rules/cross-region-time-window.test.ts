import { ruleTester, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/cross-region-time-window.ts';

const ITEMS = 'restore db shop < table orders as orders_bak >';
const at = (t: string) => CROSS_TIME.replace('2026-11-20T03:15:00Z', t) + ITEMS;

ruleTester(rule, {
  valid: [
    { spec: CROSS_TIME + ITEMS, inventory: (inv) => void crossInventory(inv) },
    { name: 'a backup set needs no window', spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void (crossInventory(inv).crossRegion!.recoveryWindow = null) },
    { name: 'the window unknown (facts-unknown says so)', spec: CROSS_TIME + ITEMS, inventory: (inv) => void delete crossInventory(inv).crossRegion!.recoveryWindow },
    { name: 'the window\'s own edges', spec: at('2026-11-20T03:50:00Z'), inventory: (inv) => void crossInventory(inv) },
    {
      name: 'a window of another set decides only "inside"',
      spec: at('2026-11-20T03:55:00Z'),
      inventory: (inv) => void (crossInventory(inv).crossRegion!.recoveryWindow!.CrossBackupId = '12490099'),
    },
  ],
  invalid: [
    {
      name: 'no cross-region log backup',
      spec: CROSS_TIME + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.recoveryWindow = null),
      errors: [{ messageId: 'noLog', message: /instance rm-src has no cross-region log backup/, line: 2, column: 4, endColumn: 24 }],
    },
    {
      name: 'after the last copied log',
      spec: at('2026-11-20T03:55:00Z'),
      inventory: (inv) => void crossInventory(inv),
      errors: [{ messageId: 'after', message: /2026-11-20T03:55:00Z is after the cross-region recovery window of instance rm-src \(2026-11-19T18:20:00Z to 2026-11-20T03:50:00Z, from cross-region backup 12490001\)/, line: 2, column: 4 }],
    },
    {
      name: 'before the window of the set it starts from',
      spec: at('2026-11-19T18:30:00Z'),
      inventory: (inv) => void (crossInventory(inv).crossRegion!.recoveryWindow!.RecoveryBeginTime = '2026-11-19T19:00:00Z'),
      errors: [{ messageId: 'before', line: 2, column: 4 }],
    },
  ],
});
