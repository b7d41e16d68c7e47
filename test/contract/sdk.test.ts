// The official @alicloud/rds20140815 SDK (ACS3-HMAC-SHA256, its own request and response models)
// against the sandbox, for every operation restorec uses: each call succeeds, the SDK reads the
// answer into its models, and the sandbox records no contract violation, neither in what the SDK
// sent nor in what it answered.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.ts';
import { crossFixtureInventory, fixtureInventory, ID, Rds, rdsClient, SOURCE } from '../sandbox/helpers.ts';
import { assertNoViolations } from '../helpers/contract.ts';

const model = (name: string, fields: Record<string, unknown>) => new Rds[`${name}Request`]!(fields);

test('every operation restorec uses, called by the official SDK: answered within the contract', async () => {
  const now = Date.parse('2026-11-20T04:00:00Z');
  const inv = fixtureInventory();
  inv.tasks = [{ TaskId: 't-seeded', TaskType: 'ModifyParameter', Status: 'Running', StartTime: '2026-11-20T03:30:00Z' }];
  const sb = await startSandbox({ inventories: [inv], checkContract: true, now: () => now, behaviour: { maxSkewMs: Number.MAX_SAFE_INTEGER, restoreDurationMs: 1000 } });
  try {
    const c = rdsClient(sb);
    const attr = await c.describeDBInstanceAttribute(model('DescribeDBInstanceAttribute', { DBInstanceId: ID }));
    assert.is(attr.body.items.DBInstanceAttribute[0].engineVersion, '8.0');
    const params = await c.describeParameters(model('DescribeParameters', { DBInstanceId: ID }));
    assert.is(params.body.runningParameters.DBInstanceParameter[0].parameterName, 'lower_case_table_names');
    const policy = await c.describeBackupPolicy(model('DescribeBackupPolicy', { DBInstanceId: ID }));
    assert.is(policy.body.enableBackupLog, '1');
    const window = await c.describeLocalAvailableRecoveryTime(model('DescribeLocalAvailableRecoveryTime', { DBInstanceId: ID }));
    assert.is(window.body.recoveryEndTime, '2026-11-20T03:00:00Z');
    const backups = await c.describeBackups(model('DescribeBackups', { DBInstanceId: ID, pageSize: 100, pageNumber: 1 }));
    assert.is(backups.body.totalRecordCount, '3');
    const meta = await c.describeMetaList(model('DescribeMetaList', { DBInstanceId: ID, backupSetID: 1001, pageSize: 100, pageIndex: 1 }));
    assert.is(meta.body.totalRecordCount, 3);
    assert.is(meta.body.items.meta[1].database, 'crm');
    const dbs = await c.describeDatabases(model('DescribeDatabases', { DBInstanceId: ID, pageSize: 100, pageNumber: 1 }));
    assert.equal(dbs.body.databases.database.map((d: { DBName: string }) => d.DBName), ['shop', 'crm']);

    // Instance busy with the seeded task: RestoreTable is refused (403), the SDK raises it.
    const meta1 = JSON.stringify([{ type: 'db', name: 'audit', newname: 'audit_r', tables: [{ type: 'table', name: 'log', newname: 'log' }] }]);
    const refused = await c.restoreTable(model('RestoreTable', { DBInstanceId: ID, backupId: '1001', tableMeta: meta1, clientToken: 'rc-sdk-1' })).catch((e: { code?: string; statusCode?: number }) => e);
    assert.equal([refused.code, refused.statusCode], ['IncorrectDBInstanceState', 403]);
    sb.state.instances.get(ID)!.seededTasks.length = 0;

    const restored = await c.restoreTable(model('RestoreTable', { DBInstanceId: ID, backupId: '1001', tableMeta: meta1, clientToken: 'rc-sdk-2', instantRecovery: true }));
    assert.type(restored.body.requestId, 'string');
    const tasks = await c.describeHistoryTasks(model('DescribeHistoryTasks', { instanceId: ID, fromStartTime: '2026-11-19T04:00:00Z', toStartTime: '2026-11-20T05:00:00Z', pageSize: 10, pageNumber: 1 }));
    assert.is(tasks.body.totalCount, 1);
    const mine = tasks.body.items.find((t: { taskType: string }) => t.taskType === 'RestoreTable');
    assert.equal([mine.status, typeof mine.progress, mine.startTime], ['Running', 'number', '2026-11-20T04:00:00Z']);
    const missing = await c.describeHistoryTasks(model('DescribeHistoryTasks', { instanceId: ID })).catch((e: { code?: string }) => e);
    assert.is(missing.code, 'MissingFromStartTime');

    // The SDK's one refused call above sent no time range: that request, and nothing else, broke the contract.
    const v = sb.control.calls().violations;
    assert.equal(v.map((x) => x.message), ['DescribeHistoryTasks FromStartTime: required, but missing', 'DescribeHistoryTasks ToStartTime: required, but missing']);
  } finally {
    await sb.close();
  }
});

test('the cross-region operations, called by the official SDK: answered within the contract, read into its models', async () => {
  let now = Date.parse('2026-11-20T04:00:00Z');
  const sb = await startSandbox({ inventories: [crossFixtureInventory()], checkContract: true, now: () => now, behaviour: { maxSkewMs: Number.MAX_SAFE_INTEGER, restoreDurationMs: 1000 } });
  try {
    const c = rdsClient(sb);
    const backups = await c.describeCrossRegionBackups(model('DescribeCrossRegionBackups', { DBInstanceId: SOURCE, regionId: 'cn-beijing', startTime: '2026-11-01T00:00:00Z', endTime: '2026-11-21T00:00:00Z', pageSize: 30, pageNumber: 1 }));
    assert.is(backups.body.totalRecordCount, 4);
    const set = backups.body.items.item.find((b: { crossBackupId: number }) => b.crossBackupId === 12490001);
    assert.equal([set.backupSetStatus, set.consistentTime, set.crossBackupRegion, set.restoreRegions.restoreRegion], [0, '2026-11-19T18:00:00Z', 'cn-hangzhou', ['cn-hangzhou']]);
    const meta = await c.describeCrossBackupMetaList(model('DescribeCrossBackupMetaList', { backupSetId: '12490001', pageSize: '30', pageIndex: '1', region: 'cn-beijing' }));
    assert.equal([meta.body.DBInstanceName, meta.body.totalRecordCount, meta.body.items.meta[0].tables], [SOURCE, 3, 'orders,customers,items']);
    const window = await c.describeAvailableRecoveryTime(model('DescribeAvailableRecoveryTime', { crossBackupId: 12490001, DBInstanceId: SOURCE, regionId: 'cn-beijing' }));
    assert.equal([window.body.recoveryBeginTime, window.body.recoveryEndTime, window.body.crossBackupId], ['2026-11-19T18:00:00Z', '2026-11-20T03:00:00Z', 12490001]);

    const tableMeta = JSON.stringify([{ type: 'db', name: 'audit', newname: 'audit_dr', tables: [{ type: 'table', name: 'log', newname: 'log' }] }]);
    const fromSet = await c.restoreDdrTable(model('RestoreDdrTable', { DBInstanceId: ID, restoreType: '0', backupId: '12490001', tableMeta, clientToken: 'rc-sdk-ddr-1' }));
    assert.equal([typeof fromSet.body.requestId, fromSet.body.DBInstanceId], ['string', ID]);
    now += 1000;
    const crmMeta = JSON.stringify([{ type: 'db', name: 'crm', newname: 'crm_dr', tables: [{ type: 'table', name: 'leads', newname: 'leads' }] }]);
    const pitr = await c.restoreDdrTable(model('RestoreDdrTable', { DBInstanceId: ID, restoreType: '1', restoreTime: '2026-11-20T02:30:00Z', sourceRegion: 'cn-beijing', sourceDBInstanceName: SOURCE, tableMeta: crmMeta, clientToken: 'rc-sdk-ddr-2' }));
    assert.type(pitr.body.requestId, 'string');
    // A refusal comes back as the SDK's error with the documented code and status.
    const refused = await c.restoreDdrTable(model('RestoreDdrTable', { DBInstanceId: ID, restoreType: '0', backupId: '12490002', tableMeta, clientToken: 'rc-sdk-ddr-3' })).catch((e: { code?: string; statusCode?: number }) => e);
    assert.equal([refused.code, refused.statusCode], ['IncorrectBackupSetState', 403]);
    const tasks = await c.describeHistoryTasks(model('DescribeHistoryTasks', { instanceId: ID, fromStartTime: '2026-11-20T03:00:00Z', toStartTime: '2026-11-20T05:00:00Z', pageSize: 10, pageNumber: 1 }));
    assert.equal(tasks.body.items.map((t: { taskType: string }) => t.taskType), ['RestoreDdrTable', 'RestoreDdrTable']);
    assertNoViolations(sb, 'the SDK\'s cross-region calls');
  } finally {
    await sb.close();
  }
});

test('the SDK against a sandbox answering the whole pipeline keeps to the contract', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()], checkContract: true, behaviour: { maxSkewMs: Number.MAX_SAFE_INTEGER } });
  try {
    const c = rdsClient(sb);
    await c.describeMetaList(model('DescribeMetaList', { DBInstanceId: ID, restoreType: 'RestoreTime', restoreTime: '2026-11-20T02:30:00Z', pageSize: 10, pageIndex: 1 }));
    await c.describeBackups(model('DescribeBackups', { DBInstanceId: ID, backupStatus: 'Success', pageSize: 30, pageNumber: 1 }));
    assertNoViolations(sb, 'the SDK');
  } finally {
    await sb.close();
  }
});

test.run();
