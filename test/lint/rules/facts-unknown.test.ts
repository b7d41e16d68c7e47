import { ruleTester, HEADER, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/facts-unknown.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';
const AT = 'instance rm-test\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { name: 'a complete cross-region source', spec: CROSS_TIME + 'restore db shop < table orders as o2 >', inventory: (inv) => void crossInventory(inv) },
    { name: 'a cross-region time needs no local window', spec: CROSS_TIME + 'restore db shop < table orders as o2 >', inventory: (inv) => void delete crossInventory(inv).recoveryWindow },
    { spec: SPEC },
    { spec: AT },
    { name: 'log backup known to be off: log-backup-required reports it', spec: AT, inventory: (inv) => {
      inv.backupPolicy!.EnableBackupLog = '0';
      delete inv.recoveryWindow;
    } },
    { name: 'no backup list needed for a point in time', spec: AT, inventory: (inv) => void delete inv.backups },
  ],
  invalid: [
    {
      name: 'the cross-region window of the set a time starts from',
      spec: CROSS_TIME + 'restore db shop < table orders as o2 >',
      inventory: (inv) => void delete crossInventory(inv).crossRegion!.recoveryWindow,
      errors: [{ messageId: 'source', message: /the cross-region recovery window \(DescribeAvailableRecoveryTime\); not checked: cross-region-time-window/, line: 2, column: 4 }],
    },
    {
      name: 'the cross-region backups',
      spec: CROSS_BACKUP + 'restore db shop < table orders as o2 >',
      inventory: (inv) => void delete crossInventory(inv).crossRegion!.backups,
      errors: [{ messageId: 'source', message: /the list of cross-region backups; not checked: cross-region-backup-usable, cross-region-backup-available/, line: 2, column: 26 }],
    },
    {
      name: 'edition, storage and lock mode unknown: one message',
      spec: SPEC,
      inventory: (inv) => {
        delete inv.instance.Category;
        delete inv.instance.DBInstanceStorageType;
        delete inv.instance.LockMode;
      },
      errors: [{ messageId: 'instance', message: /does not record the edition \(Category\), the storage type, the lock mode; not checked: instance-eligibility, instance-lock$/, line: 1, column: 10, endColumn: 17 }],
    },
    {
      name: 'log backup and window unknown',
      spec: AT,
      inventory: (inv) => {
        delete inv.backupPolicy;
        delete inv.recoveryWindow;
      },
      errors: [
        { messageId: 'instance', message: /CompressType/, line: 1, column: 10 },
        { messageId: 'source', message: /whether log backup is on, the recovery window; not checked: log-backup-required, restore-time-window$/, line: 2, column: 4, endColumn: 24 },
      ],
    },
    { name: 'backup list unknown', spec: SPEC, inventory: (inv) => void delete inv.backups, errors: [{ messageId: 'source', message: /list of backups; not checked: backup-usable/, line: 2, column: 13, endColumn: 17 }] },
    { name: 'tasks unknown', spec: SPEC, inventory: (inv) => void delete inv.tasks, errors: [{ messageId: 'instance', message: /migration-running/, line: 1, column: 10 }] },
  ],
});
