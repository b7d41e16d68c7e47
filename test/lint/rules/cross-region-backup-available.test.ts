import { ruleTester, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/cross-region-backup-available.ts';

const ITEMS = 'restore db shop < table orders as orders_bak >';
const early = CROSS_TIME.replace('2026-11-20T03:15:00Z', '2026-11-19T12:00:00Z') + ITEMS;

ruleTester(rule, {
  valid: [
    { spec: CROSS_TIME + ITEMS, inventory: (inv) => void crossInventory(inv) },
    { spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void crossInventory(inv) },
    {
      name: 'backups unknown (facts-unknown says so); contents recorded for the time itself',
      spec: early,
      inventory: (inv) => {
        const x = crossInventory(inv).crossRegion!;
        delete x.backups;
        x.contents.push({ RestoreTime: '2026-11-19T12:00:00Z', Databases: x.contents[0]!.Databases });
      },
    },
    { name: 'another set\'s refusal', spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void (crossInventory(inv).crossRegion!.refusals = [{ CrossBackupId: '12490002', Code: 'NoAvailableDisasterRestoreBakset', Operation: 'DescribeCrossBackupMetaList' }]) },
  ],
  invalid: [
    {
      name: 'a time before every cross-region backup that succeeded',
      spec: early,
      inventory: (inv) => void crossInventory(inv),
      errors: [{ messageId: 'noneBefore', message: /no cross-region backup of instance rm-src that succeeded stands at or before 2026-11-19T12:00:00Z/, line: 2, column: 4, endColumn: 24 }],
    },
    {
      name: 'a time after the failed set only: it starts from the one before',
      spec: CROSS_TIME + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.backups![0]!.BackupSetStatus = 1),
      errors: [{ messageId: 'noneBefore', line: 2, column: 4 }],
    },
    {
      name: 'NoAvailableDisasterRestoreBakset for the named set',
      spec: CROSS_BACKUP + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.refusals = [{ CrossBackupId: '12490001', Code: 'NoAvailableDisasterRestoreBakset', Operation: 'DescribeCrossBackupMetaList' }]),
      errors: [{ messageId: 'refused', message: /cross-region backup 12490001 is not available for a disaster restore \(DescribeCrossBackupMetaList answered NoAvailableDisasterRestoreBakset\)/, line: 2, column: 26 }],
    },
    {
      name: 'NoAvailableDisasterRestoreBakset for the set a time starts from',
      spec: CROSS_TIME + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.refusals = [{ CrossBackupId: '12490001', Code: 'NoAvailableDisasterRestoreBakset', Operation: 'DescribeAvailableRecoveryTime' }]),
      errors: [{ messageId: 'refused', line: 2, column: 4 }],
    },
  ],
});
