// Read operations: shapes and paging as rds-api.md documents them (string counts in
// DescribeBackups, DescribeMetaList PageSize default 1 with comma-separated Tables, and so on).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { fixtureInventory, ID, rawCall } from './helpers.ts';

async function withSandbox(fn: (sb: Sandbox) => Promise<void>, inv = fixtureInventory()) {
  const sb = await startSandbox({ inventories: [inv], checkContract: true });
  try {
    await fn(sb);
    // Requests here break the contract on purpose; the answers never may.
    assert.equal(sb.control.calls().violations.filter((v) => v.side === 'answer'), []);
  } finally {
    await sb.close();
  }
}

test('DescribeMetaList: PageSize default 1, PageIndex from 1, Tables a string, Size KB string', () =>
  withSandbox(async (sb) => {
    const first = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001' });
    assert.equal(first.body, {
      RequestId: first.body['RequestId'],
      DBInstanceName: ID,
      PageNumber: 1,
      PageRecordCount: 1,
      TotalRecordCount: 3,
      TotalPageCount: 3,
      Items: { Meta: [{ Database: 'shop', Tables: 'orders,customers,items', Size: '2048' }] },
    });
    const third = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001', PageIndex: '3' });
    assert.is(third.body['Items'].Meta[0].Database, 'audit');
    const past = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001', PageIndex: '4' });
    assert.equal(past.body['Items'].Meta, []);
    const one = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001', GetDbName: 'crm', PageSize: '10' });
    assert.equal(one.body['Items'].Meta, [{ Database: 'crm', Tables: 'leads', Size: '512' }]);
    const fuzzy = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001', Pattern: 'u', PageSize: '10' });
    assert.equal(fuzzy.body['Items'].Meta.map((m: { Database: string; Tables: string }) => [m.Database, m.Tables]), [['audit', '']]);
    const pitr = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, RestoreType: 'RestoreTime', RestoreTime: '2026-11-20T02:30:00Z', PageSize: '10' });
    assert.is(pitr.body['Items'].Meta[0].Tables, 'orders,customers');
    for (const [params, code] of [
      [{ PageSize: '0' }, 'InvalidPageSize'],
      [{ PageSize: 'x' }, 'InvalidPageSize'],
      [{ PageIndex: '0' }, 'InvalidPageIndex'],
      [{ BackupSetID: '999' }, 'InvalidBackupSetID.NotFound'],
      [{ RestoreType: 'Other' }, 'InvalidParameters.Format'],
      [{ RestoreType: 'RestoreTime', RestoreTime: '2026-11-21T00:00:00Z' }, 'InvalidParameters.Format'],
      [{ RestoreType: 'RestoreTime', RestoreTime: '2026-11-20 02:30' }, 'InvalidRestoreTime.Format'],
    ] as const) {
      const r = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '1001', ...params });
      assert.is(r.body['Code'], code, JSON.stringify(params));
    }
  }));

test('DescribeMetaList: MetaStatus LARGE and EMPTY', async () => {
  const inv = fixtureInventory();
  inv.backups?.push({ BackupId: '2001', BackupStatus: 'Success', MetaStatus: 'LARGE' }, { BackupId: '2002', BackupStatus: 'Success', MetaStatus: 'EMPTY' });
  await withSandbox(async (sb) => {
    assert.is((await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '2001' })).body['Code'], 'InvalidMeta.TooLarge');
    const empty = await rawCall(sb, 'DescribeMetaList', { DBInstanceId: ID, BackupSetID: '2002' });
    assert.is(empty.body['Code'], 'InvalidMeta.Empty');
    assert.is(empty.status, 403);
  }, inv);
});

test('DescribeBackups: counts are strings; PageSize 30..100', async () => {
  const inv = fixtureInventory();
  for (let i = 0; i < 40; i++) inv.backups?.push({ BackupId: String(3000 + i), BackupStatus: 'Success', MetaStatus: 'OK' });
  await withSandbox(async (sb) => {
    const p1 = await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID });
    assert.equal([p1.body['PageNumber'], p1.body['PageRecordCount'], p1.body['TotalRecordCount']], ['1', '30', '43']);
    const p2 = await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID, PageNumber: '2' });
    assert.is(p2.body['PageRecordCount'], '13');
    const b = (await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID, BackupId: '1001' })).body['Items'].Backup;
    assert.is(b.length, 1);
    assert.is(b[0].MetaStatus, 'OK');
    assert.is(b[0].BackupStartTime, '2026-11-19T18:00Z');
    assert.is((await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID, BackupStatus: 'Failed' })).body['TotalRecordCount'], '1');
    const small = await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID, PageSize: '10' });
    assert.equal([small.status, small.body['Code']], [403, 'InvalidMaxRecordsPerPage.Malformed']);
    assert.is((await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID, PageSize: '64' })).body['PageRecordCount'], '43');
  }, inv);
});

test('DescribeDatabases pages until a short page; instance, policy, parameters, window; no SQL Server or phased-out operations', () =>
  withSandbox(async (sb) => {
    const dbs = await rawCall(sb, 'DescribeDatabases', { DBInstanceId: ID });
    assert.equal(dbs.body['Databases'].Database.map((d: { DBName: string; DBStatus: string }) => [d.DBName, d.DBStatus]), [['shop', 'Running'], ['crm', 'Running']]);
    assert.not.ok('TotalCount' in dbs.body);
    const attr = (await rawCall(sb, 'DescribeDBInstanceAttribute', { DBInstanceId: ID })).body['Items'].DBInstanceAttribute[0];
    assert.is(attr.Engine, 'MySQL');
    assert.equal(attr.ReadOnlyDBInstanceIds, { ReadOnlyDBInstanceId: [] });
    const policy = (await rawCall(sb, 'DescribeBackupPolicy', { DBInstanceId: ID })).body;
    assert.equal([policy['EnableBackupLog'], policy['BackupLog'], policy['CompressType']], ['1', 'Enable', '4']);
    const params = (await rawCall(sb, 'DescribeParameters', { DBInstanceId: ID })).body['RunningParameters'].DBInstanceParameter;
    assert.equal(params.find((p: { ParameterName: string }) => p.ParameterName === 'lower_case_table_names')?.ParameterValue, '1');
    const w = (await rawCall(sb, 'DescribeLocalAvailableRecoveryTime', { DBInstanceId: ID })).body;
    assert.equal([w['RecoveryBeginTime'], w['RecoveryEndTime']], ['2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z']);
    for (const gone of ['DescribeMigrateTasks', 'DescribeTasks']) assert.is((await rawCall(sb, gone, { DBInstanceId: ID })).body['Code'], 'InvalidAction.NotFound');
    assert.is((await rawCall(sb, 'DescribeNoSuchThing', { DBInstanceId: ID })).body['Code'], 'InvalidAction.NotFound');
  }));

test('DescribeLocalAvailableRecoveryTime refuses a locked instance and one not Running', async () => {
  for (const [change, code] of [
    [(i: ReturnType<typeof fixtureInventory>) => void (i.instance.LockMode = 'LockByDiskQuota'), 'IncorrectDBInstanceLockMode'],
    [(i: ReturnType<typeof fixtureInventory>) => void (i.instance.DBInstanceStatus = 'TRANSING'), 'IncorrectDBInstanceState'],
  ] as const) {
    const inv = fixtureInventory();
    change(inv);
    await withSandbox(async (sb) => {
      const r = await rawCall(sb, 'DescribeLocalAvailableRecoveryTime', { DBInstanceId: ID });
      assert.equal([r.status, r.body['Code']], [403, code]);
    }, inv);
  }
});

test('DescribeHistoryTasks: the time range is required, checked, and filters; pages of 10..100', async () => {
  const inv = fixtureInventory();
  inv.tasks = [
    { TaskId: 't-a', TaskType: 'ModifyParameter', Status: 'Running', StartTime: '2026-11-20T01:00:00Z' },
    { TaskId: 't-b', TaskType: 'CreateBackup', Status: 'Succeed', StartTime: '2026-11-19T01:00:00Z' },
  ];
  await withSandbox(async (sb) => {
    const missing = await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID });
    assert.equal([missing.status, missing.body['Code']], [400, 'MissingFromStartTime']);
    const range = { FromStartTime: '2026-11-18T00:00:00Z', ToStartTime: '2026-11-21T00:00:00Z' };
    const all = await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID, ...range });
    assert.equal(all.body['Items'].map((t: { TaskId: string }) => t.TaskId), ['t-a', 't-b']);
    assert.equal([all.body['TotalCount'], all.body['PageSize'], all.body['PageNumber']], [2, 10, 1]);
    const running = await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID, ...range, Status: 'Running' });
    assert.equal(running.body['Items'].map((t: { TaskId: string }) => t.TaskId), ['t-a']);
    const narrow = await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID, FromStartTime: '2026-11-19T12:00:00Z', ToStartTime: '2026-11-21T00:00:00Z' });
    assert.is(narrow.body['TotalCount'], 1);
    for (const [params, code] of [
      [{ ...range, PageSize: '5' }, 'Param.Invalid'],
      [{ ...range, PageSize: '101' }, 'Param.Invalid'],
      [{ FromStartTime: '2026-11-18T00:00Z', ToStartTime: range.ToStartTime }, 'Param.Invalid'],
      [{ FromStartTime: range.ToStartTime, ToStartTime: range.FromStartTime }, 'Param.Invalid.TimeEndBeforeStart'],
    ] as const) {
      const r = await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID, ...params });
      assert.equal([r.status, r.body['Code']], [400, code], JSON.stringify(params));
    }
  }, inv);
});

test('DescribeLocalAvailableRecoveryTime: LogBackupNotEnabled when log backup is off', async () => {
  const inv = fixtureInventory();
  inv.recoveryWindow = null;
  inv.backupPolicy = { EnableBackupLog: '0' };
  await withSandbox(async (sb) => {
    const r = await rawCall(sb, 'DescribeLocalAvailableRecoveryTime', { DBInstanceId: ID });
    assert.is(r.body['Code'], 'LogBackupNotEnabled');
    assert.is(r.status, 400);
  }, inv);
});

test.run();
