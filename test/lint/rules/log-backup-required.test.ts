import { ruleTester, HEADER, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/log-backup-required.ts';

const AT = 'instance rm-test\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { name: 'a cross-region time replays the source\'s logs', spec: CROSS_TIME + 'restore db shop < table orders as o2 >', inventory: (inv) => void (crossInventory(inv).backupPolicy!.EnableBackupLog = '0') },
    { name: 'log backup on', spec: AT },
    { name: 'a backup set needs no log backup', spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: (inv) => void (inv.backupPolicy!.EnableBackupLog = '0') },
    { name: 'unknown (facts-unknown says so)', spec: AT, inventory: (inv) => {
      delete inv.backupPolicy;
      delete inv.recoveryWindow;
    } },
  ],
  invalid: [
    { name: 'log backup off in the policy', spec: AT, inventory: (inv) => void (inv.backupPolicy!.EnableBackupLog = '0'), errors: [{ messageId: 'off', line: 2, column: 4, endColumn: 24 }] },
    { name: 'no recovery window (LogBackupNotEnabled)', spec: AT, inventory: (inv) => void (inv.recoveryWindow = null), errors: [{ messageId: 'off', line: 2, column: 4 }] },
  ],
});
