// RestoreTable: every documented error reachable (one row each, with its HTTP status), then a
// good request that restores and whose tables appear after the delay.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Inventory } from '../../src/compiler/index.ts';
import { ERRORS, startSandbox } from '../../src/sandbox/index.ts';
import { fixtureInventory, ID, rawCall } from './helpers.ts';

const meta = (m: unknown) => JSON.stringify(m);
const audit = meta([{ type: 'db', name: 'audit', newname: 'audit_restored', tables: [{ type: 'table', name: 'log', newname: 'log' }] }]);
const base = { DBInstanceId: ID, BackupId: '1001', TableMeta: audit };
const inWindow = { DBInstanceId: ID, RestoreTime: '2026-11-20T02:30:00Z', TableMeta: meta([{ type: 'db', name: 'shop', newname: 'shop', tables: [{ type: 'table', name: 'orders', newname: 'orders_0230' }] }]) };

interface Row {
  code: string;
  params: Record<string, string>;
  inventory?: (inv: Inventory) => void;
  behaviour?: Record<string, unknown>;
}

const many = Array.from({ length: 51 }, (_, i) => ({ type: 'table', name: `t${i}`, newname: `t${i}` }));
const rows: Row[] = [
  { code: 'InvalidDBInstance.NotFound', params: { ...base, DBInstanceId: 'rm-nope' } },
  { code: 'MissingParameter', params: { DBInstanceId: ID, BackupId: '1001' } },
  { code: 'InvalidParameters.Format', params: { ...base, TableMeta: '[{"type":"db",' } },
  { code: 'InvalidParameters.Format', params: { ...base, TableMeta: '{"type":"db","name":"a","newname":"b"}' } },
  { code: 'InvalidParameters.Format', params: { ...base, TableMeta: meta([{ type: 'db', name: 'audit', newname: 1 }]) } },
  { code: 'InvalidParameters.Format', params: { ...base, TableMeta: meta([{ type: 'db', name: 'audit', newname: 'x', tables: [{ type: 'db', name: 'log', newname: 'l' }] }]) } },
  { code: 'InvalidParameters.Format', params: { ...base, ClientToken: 'ü'.repeat(3) } },
  { code: 'InvalidParameters.Format', params: { ...base, TableMeta: meta([{ type: 'db', name: 'audit', newname: 'audit2' }]) }, behaviour: { wholeDatabaseWithoutTables: false } },
  { code: 'InvalidMeta.Empty', params: { ...base, TableMeta: '[]' } },
  { code: 'InvalidRestoreType.Format', params: { DBInstanceId: ID, TableMeta: audit } },
  { code: 'InvalidRestoreType.Format', params: { ...base, RestoreTime: '2026-11-20T02:30:00Z' } },
  { code: 'InvalidRestoreTime.Format', params: { ...inWindow, RestoreTime: '2026-11-20 02:30:00' } },
  { code: 'InvalidRestoreTime.Format', params: { ...inWindow, RestoreTime: '2026-02-30T02:30:00Z' } },
  { code: 'InvalidBackup.NotFound', params: { ...inWindow, RestoreTime: '2026-11-20T03:00:01Z' } },
  { code: 'InvalidBackupLogStatus', params: inWindow, inventory: (i) => void (i.recoveryWindow = null) },
  { code: 'InvalidBackupSetID.NotFound', params: { ...base, BackupId: '4242' } },
  { code: 'IncorrectBackupSetState', params: { ...base, BackupId: '1002' } },
  { code: 'IncorrectBackupSetState', params: { ...base, BackupId: '1003' } },
  { code: 'InvalidDBName.Duplicate', params: { ...base, TableMeta: meta([{ type: 'db', name: 'crm', newname: 'SHOP', tables: [{ type: 'table', name: 'leads', newname: 'leads' }] }]) } },
  { code: 'InvalidDBName.Duplicate', params: { ...base, TableMeta: meta([{ type: 'db', name: 'shop', newname: 'shop', tables: [{ type: 'table', name: 'orders', newname: 'Customers' }] }]) } },
  { code: 'InvalidDBName.Duplicate', params: { ...base, TableMeta: meta([{ type: 'db', name: 'shop', newname: 'shop', tables: [{ type: 'table', name: 'orders', newname: 'o2' }, { type: 'table', name: 'items', newname: 'o2' }] }]) } },
  { code: 'InvalidMeta.NotFound', params: { ...base, TableMeta: meta([{ type: 'db', name: 'nosuch', newname: 'x', tables: [] }]) } },
  { code: 'InvalidMeta.NotFound', params: { ...base, TableMeta: meta([{ type: 'db', name: 'shop', newname: 'x', tables: [{ type: 'table', name: 'nosuch', newname: 'y' }] }]) } },
  { code: 'ChildDBInstanceExists', params: base, inventory: (i) => void (i.instance.ReadOnlyDBInstanceIds = ['rr-1']) },
  { code: 'ChildDBInstanceExists', params: base, inventory: (i) => void (i.instance.GuardDBInstanceId = 'rm-guard') },
  { code: 'ChildDBInstanceExists', params: base, inventory: (i) => void (i.instance.TempDBInstanceId = 'rm-temp') },
  { code: 'IncorrectDBInstanceState', params: base, inventory: (i) => void (i.instance.DBInstanceStatus = 'Rebooting') },
  { code: 'IncorrectDBInstanceState', params: base, inventory: (i) => void (i.migrationTasks = [{ Status: 'Running' }]) },
  { code: 'IncorrectDBInstanceLockMode', params: base, inventory: (i) => void (i.instance.LockMode = 'LockByExpiration') },
  { code: 'InvalidMeta.TooLarge', params: { ...base, TableMeta: meta([{ type: 'db', name: 'shop', newname: 'shop_many', tables: many }]) } },
  { code: 'InvalidMeta.TooLarge', params: base, behaviour: { maxInstanceTables: 3 } },
];

test('every RestoreTable error is reachable, with its documented HTTP status, and starts nothing', async () => {
  const seen = new Set<string>();
  for (const row of rows) {
    const inv = fixtureInventory();
    row.inventory?.(inv);
    const sb = await startSandbox({ inventories: [inv], ...(row.behaviour ? { behaviour: row.behaviour } : {}) });
    try {
      const r = await rawCall(sb, 'RestoreTable', row.params);
      assert.is(r.body['Code'], row.code, `${row.code} for ${JSON.stringify(row.params)}: got ${JSON.stringify(r.body)}`);
      assert.is(r.status, ERRORS[row.code as keyof typeof ERRORS][0], `${row.code} status`);
      assert.is(sb.state.instances.get(ID)?.tasks.length ?? 0, 0, `${row.code}: no restore started`);
      seen.add(row.code);
    } finally {
      await sb.close();
    }
  }
  // The codes rds-api.md lists for RestoreTable that a sandbox can produce (InsufficientResourceCapacity,
  // MissingUserID and MissingUID are account-side and left to fault scripts).
  for (const code of ['InvalidRestoreType.Format', 'InvalidRestoreTime.Format', 'InvalidBackup.NotFound', 'InvalidBackupSetID.NotFound', 'IncorrectBackupSetState', 'InvalidDBName.Duplicate', 'ChildDBInstanceExists', 'InvalidParameters.Format', 'IncorrectDBInstanceState', 'IncorrectDBInstanceLockMode', 'InvalidMeta.TooLarge', 'InvalidMeta.Empty', 'InvalidDBInstance.NotFound']) {
    assert.ok(seen.has(code), `${code} has a row`);
  }
});

test('a good restore (backup set and point in time) runs, then its tables appear', async () => {
  let now = Date.parse('2026-11-20T04:00:00Z');
  const sb = await startSandbox({ inventories: [fixtureInventory()], now: () => now, behaviour: { restoreDurationMs: 1000, maxSkewMs: Number.MAX_SAFE_INTEGER } });
  try {
    const r = await rawCall(sb, 'RestoreTable', base);
    assert.is(r.status, 200);
    assert.equal(Object.keys(r.body), ['RequestId']);
    const tasks = await rawCall(sb, 'DescribeTasks', { DBInstanceId: ID, TaskAction: 'RestoreTable' });
    const t = tasks.body['Items'].TaskProgressInfo[0];
    assert.is(t.Status, 'Running');
    assert.is(t.TaskAction, 'RestoreTable');
    assert.type(t.Progress, 'string');
    assert.not.ok(sb.control.inventories()[0]?.current?.Databases.some((d) => d.DBName === 'audit_restored'));
    now += 1000;
    const dbs = await rawCall(sb, 'DescribeDatabases', { DBInstanceId: ID });
    assert.ok(dbs.body['Databases'].Database.some((d: { DBName: string }) => d.DBName === 'audit_restored'));
    const cur = sb.control.inventories()[0]?.current?.Databases.find((d) => d.DBName === 'audit_restored');
    assert.equal(cur?.Tables, ['log']);
    const done = await rawCall(sb, 'DescribeTasks', { DBInstanceId: ID });
    assert.is(done.body['Items'].TaskProgressInfo[0].Status, 'Succeed');
    assert.is(done.body['Items'].TaskProgressInfo[0].Progress, '100');
    // Point in time, tables renamed back into the original database.
    const pitr = await rawCall(sb, 'RestoreTable', inWindow);
    assert.is(pitr.status, 200, JSON.stringify(pitr.body));
    now += 1000;
    const shop = sb.control.inventories()[0]?.current?.Databases.find((d) => d.DBName === 'shop');
    assert.equal(shop?.Tables, ['orders', 'customers', 'items', 'orders_0230']);
  } finally {
    await sb.close();
  }
});

test.run();
