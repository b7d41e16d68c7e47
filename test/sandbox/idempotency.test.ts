// ClientToken idempotency and the one-restore-at-a-time rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.ts';
import { fixtureInventory, ID, rawCall } from './helpers.ts';

const meta = (db: string, to: string) => JSON.stringify([{ type: 'db', name: db, newname: to, tables: db === 'crm' ? [{ type: 'table', name: 'leads', newname: 'leads' }] : [{ type: 'table', name: 'log', newname: 'log' }] }]);

test('same ClientToken and parameters: the first answer, same RequestId, one restore', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()], behaviour: { restoreDurationMs: 60_000 } });
  try {
    const params = { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('audit', 'audit_r'), ClientToken: 'tok-1' };
    const first = await rawCall(sb, 'RestoreTable', params);
    const again = await rawCall(sb, 'RestoreTable', params);
    assert.is(first.status, 200);
    assert.is(again.status, 200);
    assert.is(again.body['RequestId'], first.body['RequestId']);
    assert.is(sb.state.instances.get(ID)?.tasks.length, 1);
    const other = await rawCall(sb, 'RestoreTable', { ...params, TableMeta: meta('crm', 'crm_r') });
    assert.is(other.body['Code'], 'IdempotentParameterMismatch');
    assert.is(other.status, 400);
    assert.is(sb.state.instances.get(ID)?.tasks.length, 1);
  } finally {
    await sb.close();
  }
});

test('a second restore while one runs is refused (configurable code); allowed after it finishes', async () => {
  let now = Date.now();
  const sb = await startSandbox({ inventories: [fixtureInventory()], now: () => now, behaviour: { restoreDurationMs: 500 } });
  try {
    assert.is((await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('audit', 'audit_r') })).status, 200);
    const second = await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('crm', 'crm_r'), ClientToken: 'tok-2' });
    assert.is(second.body['Code'], 'IncorrectDBInstanceState');
    assert.is(second.status, 403);
    sb.control.setBehaviour({ concurrentRestoreCode: 'InsufficientResourceCapacity' });
    now += 500;
    // An error is not remembered for the token: the retry after the first restore finished runs.
    const later = await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('crm', 'crm_r'), ClientToken: 'tok-2' });
    assert.is(later.status, 200, JSON.stringify(later.body));
    // Restoring to a name the first restore created is now a duplicate.
    now += 500;
    const dup = await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('audit', 'audit_r') });
    assert.is(dup.body['Code'], 'InvalidDBName.Duplicate');
  } finally {
    await sb.close();
  }
});

test('instance status while restoring is configurable (UNCONFIRMED: Restoring)', async () => {
  let now = Date.now();
  const sb = await startSandbox({ inventories: [fixtureInventory()], now: () => now, behaviour: { restoreDurationMs: 500, statusWhileRestoring: 'Restoring' } });
  try {
    await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('audit', 'audit_r') });
    const during = await rawCall(sb, 'DescribeDBInstanceAttribute', { DBInstanceId: ID });
    assert.is(during.body['Items'].DBInstanceAttribute[0].DBInstanceStatus, 'Restoring');
    const refused = await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta('crm', 'crm_r') });
    assert.is(refused.body['Code'], 'IncorrectDBInstanceState');
    now += 500;
    const after = await rawCall(sb, 'DescribeDBInstanceAttribute', { DBInstanceId: ID });
    assert.is(after.body['Items'].DBInstanceAttribute[0].DBInstanceStatus, 'Running');
  } finally {
    await sb.close();
  }
});

test.run();
