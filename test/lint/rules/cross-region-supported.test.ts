import { ruleTester, crossInventory, CROSS_BACKUP, CROSS_TIME, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/cross-region-supported.ts';

const ITEMS = 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void crossInventory(inv) },
    { name: 'support unknown (absent)', spec: CROSS_TIME + ITEMS, inventory: (inv) => void delete crossInventory(inv).crossRegion!.supported },
    { name: 'a local restore', spec: HEADER + ITEMS, inventory: (inv) => void (crossInventory(inv).crossRegion!.supported = false) },
  ],
  invalid: [
    {
      name: 'CrossBackupNotSupport recorded by the live inventory',
      spec: CROSS_TIME + ITEMS,
      inventory: (inv) => {
        const x = crossInventory(inv).crossRegion!;
        x.supported = false;
        delete x.backups;
      },
      errors: [{ messageId: 'notSupported', message: /region cn-beijing does not support cross-region backup: the API answered CrossBackupNotSupport for instance rm-src/, line: 3, column: 13, endColumn: 23 }],
    },
  ],
});
