// RestoreDdrTable: every error the contract documents is reachable (one row each, with the status
// the contract gives it) or listed as not modelled with the reason; then good restores, from a
// cross-region backup set into the fixture instance and to a point in time, whose tables appear.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { assertNoViolations, codesOf, statusOf } from '../helpers/contract.ts';
import { crossFixtureInventory, ID, rawCall, SOURCE } from './helpers.ts';

const meta = (m: unknown) => JSON.stringify(m);
const audit = meta([{ type: 'db', name: 'audit', newname: 'audit_restored', tables: [{ type: 'table', name: 'log', newname: 'log' }] }]);
const set = { DBInstanceId: ID, RestoreType: '0', BackupId: '12490001', TableMeta: audit };
const time = { DBInstanceId: ID, RestoreType: '1', RestoreTime: '2026-11-20T02:30:00Z', SourceRegion: 'cn-beijing', SourceDBInstanceName: SOURCE, TableMeta: audit };
const shopAs = (tables: unknown[], newname = 'shop') => meta([{ type: 'db', name: 'shop', newname, tables }]);

interface Row {
  code: string;
  params: Record<string, string>;
  inventory?: (inv: Inventory) => void;
}

const rows: Row[] = [
  { code: 'MissingRestoreType', params: { DBInstanceId: ID, BackupId: '12490001', TableMeta: audit } },
  { code: 'MissingTableMeta', params: { DBInstanceId: ID, RestoreType: '0', BackupId: '12490001' } },
  { code: 'InvalidDBInstance.NotFound', params: { ...set, DBInstanceId: 'rm-nope' } },
  { code: 'InvalidDBInstance.NotFound', params: { ...time, SourceDBInstanceName: 'rm-nope' } },
  { code: 'InvalidDBInstance.NotFound', params: { ...time, SourceRegion: 'cn-shanghai' } },
  { code: 'InvalidRestoreType.Format', params: { ...set, RestoreType: '2' } },
  { code: 'InvalidParameters.Format', params: { DBInstanceId: ID, RestoreType: '0', TableMeta: audit } },
  { code: 'InvalidParameters.Format', params: { ...time, SourceRegion: '' } },
  { code: 'InvalidParameters.Format', params: { ...set, ClientToken: 'ü' } },
  { code: 'InvalidParamTableMeta', params: { ...set, TableMeta: '[{' } },
  { code: 'InvalidRestoreTime.Format', params: { ...time, RestoreTime: '2026-11-20 02:30:00' } },
  { code: 'InvalidRegion.Format', params: { ...time, SourceRegion: 'Beijing' } },
  { code: 'InvalidBackupSetID.NotFound', params: { ...set, BackupId: '4242' } },
  { code: 'IncorrectBackupSetState', params: { ...set, BackupId: '12490002' } },
  { code: 'InvalidBakset.Invalid', params: { ...set, BackupId: '12490003' } },
  { code: 'InvalidBakset.Invalid', params: { ...set, BackupId: '12490004' } },
  { code: 'InvalidBackupLogStatus', params: time, inventory: (i) => void (i.crossRegion!.recoveryWindow = null) },
  { code: 'InvalidBackup.NotFound', params: { ...time, RestoreTime: '2026-11-15T00:00:00Z' } },
  { code: 'InvalidBinlog.NotFound', params: { ...time, RestoreTime: '2026-11-20T03:00:01Z' } },
  { code: 'IncorrectDBInstanceType', params: set, inventory: (i) => void (i.instance.Category = 'Basic') },
  { code: 'IncorrectDBInstanceState', params: set, inventory: (i) => void (i.instance.DBInstanceStatus = 'Rebooting') },
  { code: 'ChildDBInstanceExists', params: set, inventory: (i) => void (i.instance.ReadOnlyDBInstanceIds = ['rr-1']) },
  { code: 'InvalidParamTableMeta.Duplicate', params: { ...set, TableMeta: meta([{ type: 'db', name: 'mysql', newname: 'mysql_r', tables: [{ type: 'table', name: 'user', newname: 'user' }] }]) } },
  { code: 'InvalidParamTableMeta.Content', params: { ...set, TableMeta: shopAs([{ type: 'table', name: 'orders', newname: 'o2' }, { type: 'table', name: 'items', newname: 'o2' }]) } },
  { code: 'InvalidSourceRestoreDBName.NotFound', params: { ...set, TableMeta: meta([{ type: 'db', name: 'nosuch', newname: 'x', tables: [] }]) } },
  { code: 'InvalidDB.NotFound', params: { ...set, TableMeta: shopAs([{ type: 'table', name: 'nosuch', newname: 'y' }], 'x') } },
  // Into the fixture instance, which has a table shop.orders already.
  { code: 'InvalidDBName.Duplicate', params: { ...set, TableMeta: shopAs([{ type: 'table', name: 'orders', newname: 'orders' }]) } },
  // Onto the source instance itself, under the same names.
  {
    code: 'InvalidParamTableMetaForRestore.Content',
    params: { ...time, SourceDBInstanceName: ID, SourceRegion: 'cn-hangzhou', TableMeta: shopAs([{ type: 'table', name: 'orders', newname: 'orders' }]) },
    inventory: (i) => void Object.assign(i.crossRegion!, { DBInstanceId: ID, RegionId: 'cn-hangzhou' }),
  },
  {
    code: 'IncorrectBackupSetMethod',
    params: { ...set, TableMeta: shopAs([{ type: 'table', name: 'orders', newname: 'orders_r' }]) },
    inventory: (i) => {
      i.backupPolicy!.CompressType = '8';
      Object.assign(i.crossRegion!, { DBInstanceId: ID, RegionId: 'cn-hangzhou' });
    },
  },
];

/** RestoreDdrTable codes of the contract the sandbox does not give, each with why. */
const NOT_MODELLED: Record<string, string> = {
  InvalidBakHistoryDO: 'an internal record of the backup history',
  'InvalidAvZone.Format': 'restorec sends no zone; the sandbox reads none',
  InvalidVpcParameter: 'restorec sends no network parameter',
  MissingUserID: 'account side',
  MissingUID: 'account side',
  'Order.ComboInstanceNotAllowOperate': 'billing side',
  'Price.PricingPlanResultNotFound': 'billing side',
  'Order.NoRealNameAuthentication': 'account side',
  'RestoreType.NotFound': 'RestoreType is required: the gateway answers MissingRestoreType first',
  InsufficientResourceCapacity: 'regional capacity: a fault script can send it',
};

test('every RestoreDdrTable error is reachable, with the status the contract documents, and starts nothing', async () => {
  const seen = new Set<string>();
  for (const row of rows) {
    const inv = crossFixtureInventory();
    row.inventory?.(inv);
    const sb = await startSandbox({ inventories: [inv], checkContract: true });
    try {
      const params = Object.fromEntries(Object.entries(row.params).filter(([, v]) => v !== ''));
      const r = await rawCall(sb, 'RestoreDdrTable', params);
      assert.is(r.body['Code'], row.code, `${row.code} for ${JSON.stringify(row.params).slice(0, 300)}: got ${JSON.stringify(r.body)}`);
      assert.is(r.status, row.code.startsWith('Missing') ? 400 : statusOf('RestoreDdrTable', row.code), `${row.code} status`);
      assert.is(sb.state.instances.get(ID)?.tasks.length ?? 0, 0, `${row.code}: no restore started`);
      assert.equal(sb.control.calls().violations.filter((v) => v.side === 'answer'), [], `${row.code}: the answer keeps to the contract`);
      seen.add(row.code);
    } finally {
      await sb.close();
    }
  }
  for (const code of codesOf('RestoreDdrTable')) assert.ok(seen.has(code) || Object.hasOwn(NOT_MODELLED, code), `${code}: a row, or a reason in NOT_MODELLED`);
  for (const code of Object.keys(NOT_MODELLED)) assert.ok(codesOf('RestoreDdrTable').includes(code), `${code} is a RestoreDdrTable code of the contract`);
});

test('good cross-region restores (a backup set, a point in time) run, then their tables appear', async () => {
  let now = Date.parse('2026-11-20T04:00:00Z');
  const sb = await startSandbox({ inventories: [crossFixtureInventory()], now: () => now, checkContract: true, behaviour: { restoreDurationMs: 1000, maxSkewMs: Number.MAX_SAFE_INTEGER } });
  try {
    const r = await rawCall(sb, 'RestoreDdrTable', { ...set, ClientToken: 'rc-ddr-1' });
    assert.is(r.status, 200, JSON.stringify(r.body));
    assert.equal(Object.keys(r.body).sort(), ['DBInstanceId', 'RequestId']);
    assert.is(r.body['DBInstanceId'], ID);
    const again = await rawCall(sb, 'RestoreDdrTable', { ...set, ClientToken: 'rc-ddr-1' });
    assert.is(again.body['RequestId'], r.body['RequestId'], 'the same ClientToken: the first answer');
    const window = { InstanceId: ID, FromStartTime: '2026-11-20T03:00:00Z', ToStartTime: '2026-11-20T05:00:00Z' };
    const tasks = await rawCall(sb, 'DescribeHistoryTasks', window);
    assert.is(tasks.body['TotalCount'], 1);
    assert.is(tasks.body['Items'][0].TaskType, 'RestoreDdrTable');
    now += 1000;
    const cur = sb.control.inventories()[0]?.current?.Databases.find((d) => d.DBName === 'audit_restored');
    assert.equal(cur?.Tables, ['log']);
    // A point in time, into a database the instance does not have, keeping the names.
    const pitr = await rawCall(sb, 'RestoreDdrTable', { ...time, TableMeta: meta([{ type: 'db', name: 'crm', newname: 'crm_dr', tables: [{ type: 'table', name: 'leads', newname: 'leads' }] }]) });
    assert.is(pitr.status, 200, JSON.stringify(pitr.body));
    now += 1000;
    assert.equal(sb.control.inventories()[0]?.current?.Databases.find((d) => d.DBName === 'crm_dr')?.Tables, ['leads']);
    assert.equal(sb.control.describe()['tasks'] && (sb.control.describe()['tasks'] as { source: unknown }[])[1]!.source, { RestoreTime: '2026-11-20T02:30:00Z', SourceDBInstanceName: SOURCE, SourceRegion: 'cn-beijing' });
    assertNoViolations(sb);
  } finally {
    await sb.close();
  }
});

test.run();
