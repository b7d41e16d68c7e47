import { ruleTester, HEADER, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/table-restore-enabled.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { name: 'another instance\'s cross-region backups do not use this instance\'s format', spec: CROSS_BACKUP + 'restore db shop < table orders as o2 >', inventory: (inv) => void (crossInventory(inv).backupPolicy!.CompressType = '1') },
    { spec: SPEC },
    { name: 'MySQL 8.0 does not use the switch', spec: SPEC, inventory: (inv) => {
      inv.instance.EngineVersion = '8.0';
      inv.backupPolicy!.CompressType = '1';
    } },
    { name: 'unknown (facts-unknown says so)', spec: SPEC, inventory: (inv) => void delete inv.backupPolicy!.CompressType },
  ],
  invalid: [
    {
      name: 'a cross-region restore onto the source instance uses its format',
      spec: CROSS_TIME.replace('rm-src', 'rm-test') + 'restore db shop < table orders as o2 >',
      inventory: (inv) => {
        crossInventory(inv).backupPolicy!.CompressType = '1';
        inv.crossRegion!.DBInstanceId = 'rm-test';
      },
      errors: [{ messageId: 'off', line: 1, column: 10 }],
    },
    { name: 'MySQL 5.7 with the old backup format', spec: SPEC, inventory: (inv) => void (inv.backupPolicy!.CompressType = '1'), errors: [{ messageId: 'off', message: /CompressType 1, not 4/, line: 1, column: 10, endColumn: 17 }] },
  ],
});
