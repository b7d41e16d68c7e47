// The cross-region reads: DescribeCrossRegionBackups, DescribeCrossBackupMetaList and
// DescribeAvailableRecoveryTime. Every error each documents is reachable with its status, or
// listed as not modelled with the reason; the answers page as documented and keep to the contract.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { assertNoViolations, codesOf, statusOf } from '../helpers/contract.ts';
import { crossFixtureInventory, rawCall, SOURCE } from './helpers.ts';

const list = { DBInstanceId: SOURCE, RegionId: 'cn-beijing', StartTime: '2026-11-01T00:00:00Z', EndTime: '2026-11-21T00:00:00Z' };

interface Row {
  action: string;
  code: string;
  params: Record<string, string>;
  inventory?: (inv: Inventory) => void;
}

const rows: Row[] = [
  { action: 'DescribeCrossRegionBackups', code: 'MissingRegionId', params: { DBInstanceId: SOURCE } },
  { action: 'DescribeCrossRegionBackups', code: 'ParameterAbsence', params: { DBInstanceId: SOURCE, RegionId: 'cn-beijing' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidRegion.Format', params: { ...list, RegionId: 'Beijing' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidDBInstance.NotFound', params: { ...list, RegionId: 'cn-shanghai' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidDBInstance.NotFound', params: { ...list, DBInstanceId: 'rm-nope' } },
  { action: 'DescribeCrossRegionBackups', code: 'CrossBackupNotSupport', params: list, inventory: (i) => void (i.crossRegion!.supported = false) },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidStartTime.Format', params: { ...list, StartTime: '2026-11-01T00:00Z' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidEndTime.Format', params: { ...list, EndTime: '2026-11-21' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidTime.Format', params: { ...list, EndTime: '2026-10-01T00:00:00Z' } },
  { action: 'DescribeCrossRegionBackups', code: 'InvalidParameters.Format', params: { ...list, PageSize: '500' } },
  { action: 'DescribeCrossBackupMetaList', code: 'MissingBackupSetId', params: {} },
  { action: 'DescribeCrossBackupMetaList', code: 'InvalidBackupSetID.NotFound', params: { BackupSetId: '4242' } },
  { action: 'DescribeCrossBackupMetaList', code: 'NoAvailableDisasterRestoreBakset', params: { BackupSetId: '12490002' } },
  { action: 'DescribeCrossBackupMetaList', code: 'InvalidMeta.Empty', params: { BackupSetId: '12490004' } },
  {
    action: 'DescribeCrossBackupMetaList',
    code: 'InvalidMeta.TooLarge',
    params: { BackupSetId: '12490001' },
    inventory: (i) => void i.crossRegion!.refusals!.push({ CrossBackupId: '12490001', Code: 'InvalidMeta.TooLarge', Operation: 'DescribeCrossBackupMetaList' }),
  },
  { action: 'DescribeCrossBackupMetaList', code: 'InvalidPageSize', params: { BackupSetId: '12490001', PageSize: '0', PageIndex: '1' } },
  { action: 'DescribeCrossBackupMetaList', code: 'InvalidPageIndex', params: { BackupSetId: '12490001', PageSize: '10', PageIndex: 'x' } },
  { action: 'DescribeAvailableRecoveryTime', code: 'MissingCrossBackupId', params: {} },
  { action: 'DescribeAvailableRecoveryTime', code: 'InvalidBackupSetID.NotFound', params: { CrossBackupId: '4242' } },
  { action: 'DescribeAvailableRecoveryTime', code: 'NoAvailableDisasterRestoreBakset', params: { CrossBackupId: '12490002' } },
  { action: 'DescribeAvailableRecoveryTime', code: 'NoAvailableLogBackup', params: { CrossBackupId: '12490001' }, inventory: (i) => void (i.crossRegion!.recoveryWindow = null) },
  { action: 'DescribeAvailableRecoveryTime', code: 'CrossBackupNotSupport', params: { CrossBackupId: '12490001' }, inventory: (i) => void (i.crossRegion!.supported = false) },
];

/** Codes of the three operations the sandbox does not give, each with why. */
const NOT_MODELLED: Record<string, Record<string, string>> = {
  DescribeCrossRegionBackups: {
    'Order.ComboInstanceNotAllowOperate': 'billing side',
    'Price.PricingPlanResultNotFound': 'billing side',
    'Order.NoRealNameAuthentication': 'account side',
    'InvalidPage.notFound': 'a page past the end answers an empty page (its condition is not documented)',
  },
  DescribeCrossBackupMetaList: {
    'InvalidRestoreTime.Format': 'the operation takes no time parameter in the contract',
    'IncorrectDBInstanceType': 'the source instance\'s attributes are not in a cross-region seed',
    IncorrectEngineVersion: 'the source instance\'s attributes are not in a cross-region seed',
    InvalidBackupLogStatus: 'its condition for a backup set is not documented',
    'InvalidParameters.Format': 'its condition is not documented',
    'Request.NotFound': 'its condition is not documented',
    'Order.ComboInstanceNotAllowOperate': 'billing side',
    'Price.PricingPlanResultNotFound': 'billing side',
    'Order.NoRealNameAuthentication': 'account side',
  },
  DescribeAvailableRecoveryTime: {
    'InvalidPage.notFound': 'the operation takes no page',
  },
};

test('every error of the cross-region reads is reachable with its documented status, or said not modelled', async () => {
  const seen = new Set<string>();
  for (const row of rows) {
    const inv = crossFixtureInventory();
    row.inventory?.(inv);
    const sb = await startSandbox({ inventories: [inv], checkContract: true });
    try {
      const r = await rawCall(sb, row.action, row.params);
      assert.is(r.body['Code'], row.code, `${row.action} ${row.code}: got ${JSON.stringify(r.body)}`);
      assert.is(r.status, row.code.startsWith('Missing') ? 400 : statusOf(row.action, row.code), `${row.action} ${row.code} status`);
      assert.equal(sb.control.calls().violations.filter((v) => v.side === 'answer'), [], `${row.code}: the answer keeps to the contract`);
      seen.add(`${row.action} ${row.code}`);
    } finally {
      await sb.close();
    }
  }
  for (const [action, reasons] of Object.entries(NOT_MODELLED)) {
    for (const code of codesOf(action)) assert.ok(seen.has(`${action} ${code}`) || Object.hasOwn(reasons, code), `${action} ${code}: a row, or a reason in NOT_MODELLED`);
    for (const code of Object.keys(reasons)) assert.ok(codesOf(action).includes(code), `${action} ${code} is a code of the contract`);
  }
});

test('the answers: backups paged with integer counts, contents paged like DescribeMetaList, a window per set', async () => {
  const inv = crossFixtureInventory();
  // 130 sets: three pages of 50.
  for (let i = 0; i < 126; i++) inv.crossRegion!.backups!.push({ CrossBackupId: String(13000000 + i), BackupSetStatus: 0, CrossBackupRegion: 'cn-hangzhou', BackupStartTime: '2026-11-10T00:00:00Z', ConsistentTime: '2026-11-10T00:20:00Z' });
  const sb = await startSandbox({ inventories: [inv], checkContract: true });
  try {
    const p3 = await rawCall(sb, 'DescribeCrossRegionBackups', { ...list, PageSize: '50', PageNumber: '3' });
    assert.is(p3.status, 200, JSON.stringify(p3.body));
    assert.equal([p3.body['TotalRecordCount'], p3.body['PageRecordCount'], p3.body['PageNumber']], [130, 30, 3]);
    const one = await rawCall(sb, 'DescribeCrossRegionBackups', { DBInstanceId: SOURCE, RegionId: 'cn-beijing', CrossBackupId: '12490001' });
    const b = one.body['Items'].Item;
    assert.is(b.length, 1);
    assert.equal([b[0].CrossBackupId, b[0].BackupSetStatus, b[0].ConsistentTime, b[0].RestoreRegions.RestoreRegion], [12490001, 0, '2026-11-19T18:00:00Z', ['cn-hangzhou']]);
    const meta = await rawCall(sb, 'DescribeCrossBackupMetaList', { BackupSetId: '12490001', PageSize: '2', PageIndex: '2' });
    assert.equal([meta.body['DBInstanceName'], meta.body['TotalRecordCount'], meta.body['TotalPageCount'], meta.body['Items'].Meta], [SOURCE, 3, 2, [{ Database: 'audit', Tables: 'log', Size: '64' }]]);
    const first = await rawCall(sb, 'DescribeCrossBackupMetaList', { BackupSetId: '12490001' });
    assert.is(first.body['Items'].Meta.length, 1, 'PageSize defaults to 1');
    const w = await rawCall(sb, 'DescribeAvailableRecoveryTime', { CrossBackupId: '12490001' });
    assert.equal([w.body['RecoveryBeginTime'], w.body['RecoveryEndTime'], w.body['CrossBackupId'], w.body['RegionId']], ['2026-11-19T18:00:00Z', '2026-11-20T03:00:00Z', 12490001, 'cn-beijing']);
    // Another set's window starts at its own data's time and ends with the copied logs.
    const other = await rawCall(sb, 'DescribeAvailableRecoveryTime', { CrossBackupId: '12490003' });
    assert.equal([other.body['RecoveryBeginTime'], other.body['RecoveryEndTime']], ['2026-11-17T18:00:00Z', '2026-11-20T03:00:00Z']);
    assertNoViolations(sb);
  } finally {
    await sb.close();
  }
});

test.run();
