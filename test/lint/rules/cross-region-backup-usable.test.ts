import { ruleTester, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/cross-region-backup-usable.ts';

const ITEMS = 'restore db shop < table orders as orders_bak >';
const other = (id: string) => CROSS_BACKUP.replace('12490001', id) + ITEMS;

ruleTester(rule, {
  valid: [
    { spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void crossInventory(inv) },
    { name: 'a point in time starts from the set that succeeded', spec: CROSS_TIME + ITEMS, inventory: (inv) => void crossInventory(inv) },
    { name: 'backups unknown (facts-unknown says so)', spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void delete crossInventory(inv).crossRegion!.backups },
    { name: 'restore regions not recorded', spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void delete crossInventory(inv).crossRegion!.backups![0]!.RestoreRegions },
    { name: 'the target region unknown', spec: CROSS_BACKUP + ITEMS, inventory: (inv) => void (delete crossInventory(inv).instance.RegionId) },
  ],
  invalid: [
    {
      name: 'an id that is not among the source\'s cross-region backups',
      spec: other('4242'),
      inventory: (inv) => void crossInventory(inv),
      errors: [{ messageId: 'notFound', message: /cross-region backup 4242 is not among the cross-region backups of instance rm-src \(cn-beijing\)/, line: 2, column: 26, endColumn: 30, help: /cross-region backups that succeeded: 12490001 \(2026-11-19T18:20:00Z\)/ }],
    },
    { name: 'a failed set', spec: other('12490002'), inventory: (inv) => void crossInventory(inv), errors: [{ messageId: 'failed', message: /BackupSetStatus 1/, line: 2, column: 26 }] },
    {
      name: 'taken before table restore was on (DescribeCrossBackupMetaList: InvalidMeta.Empty)',
      spec: CROSS_BACKUP + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.refusals = [{ CrossBackupId: '12490001', Code: 'InvalidMeta.Empty', Operation: 'DescribeCrossBackupMetaList' }]),
      errors: [{ messageId: 'meta', message: /its table list was not recorded .*DescribeCrossBackupMetaList answered InvalidMeta\.Empty/, line: 2, column: 26 }],
    },
    {
      name: 'the set a point in time starts from does not restore to the target\'s region',
      spec: CROSS_TIME + ITEMS,
      inventory: (inv) => void (crossInventory(inv).crossRegion!.backups![0]!.RestoreRegions = ['cn-beijing', 'cn-shanghai']),
      errors: [{ messageId: 'region', message: /cross-region backup 12490001 restores to cn-beijing, cn-shanghai, not to cn-hangzhou, where instance rm-test is/, line: 2, column: 4 }],
    },
  ],
});
