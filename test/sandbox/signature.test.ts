// Signatures from the real clients: pop-core (RPC v1, HMAC-SHA1) and @alicloud/rds20140815
// (ACS3-HMAC-SHA256 headers). Accepted with the right secret; refused when wrong, tampered,
// replayed or stale; STS tokens checked; errors never echo a signature or token.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.ts';
import { call, fixtureInventory, ID, popClient, Rds, rdsClient, startRelay } from './helpers.ts';

const inventories = [fixtureInventory()];

test('pop-core POST and GET are accepted with the right secret', async () => {
  const sb = await startSandbox({ inventories });
  try {
    const c = popClient(sb);
    const r = await c.request('DescribeDBInstanceAttribute', { DBInstanceId: ID }, { method: 'POST' });
    assert.is(r['Items'].DBInstanceAttribute[0].DBInstanceId, ID);
    const g = await c.request('DescribeBackupPolicy', { DBInstanceId: ID }, { method: 'GET' });
    assert.is(g['EnableBackupLog'], '1');
    // Values that need encoding (JSON, spaces, `*`, non-ASCII) survive signing both ways.
    const meta = JSON.stringify([{ type: 'db', name: 'shop', newname: 'shop copy*é', tables: [{ type: 'table', name: 'orders', newname: "o'(1)!" }] }]);
    const ok = await c.request('RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta }, { method: 'POST' });
    assert.type(ok['RequestId'], 'string');
  } finally {
    await sb.close();
  }
});

test('pop-core: wrong secret, unknown key, and the error body shape', async () => {
  const sb = await startSandbox({ inventories });
  try {
    const bad = await call(popClient(sb, { accessKeySecret: 'wrong' }), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(bad['Code'], 'SignatureDoesNotMatch');
    assert.equal(Object.keys(bad).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    const unknown = await call(popClient(sb, { accessKeyId: 'NoSuchKey' }), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(unknown['Code'], 'InvalidAccessKeyId.NotFound');
    const res = await fetch(`${sb.endpoint}/?Action=DescribeBackupPolicy&AccessKeyId=${sb.accessKeyId}&Signature=abc&SignatureMethod=HMAC-SHA1&SignatureNonce=1&Timestamp=${new Date().toISOString().slice(0, 19)}Z&Version=2014-08-15`);
    assert.is(res.status, 400);
    const text = await res.text();
    assert.ok(!text.includes('abc'), 'the signature is not echoed');
  } finally {
    await sb.close();
  }
});

test('pop-core: a parameter changed after signing is refused', async () => {
  const sb = await startSandbox({ inventories });
  const relay = await startRelay(sb.port, (path, body) => ({ path, body: body.replace('BackupId=1001', 'BackupId=1003') }));
  try {
    const c = popClient({ ...sb, endpoint: `http://127.0.0.1:${relay.port}` });
    const meta = JSON.stringify([{ type: 'db', name: 'audit', newname: 'audit_x' }]);
    const r = await call(c, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: meta });
    assert.is(r['Code'], 'SignatureDoesNotMatch');
    assert.is(sb.state.instances.get(ID)?.tasks.length, 0);
  } finally {
    await relay.close();
    await sb.close();
  }
});

test('pop-core: a replayed nonce is refused', async () => {
  const sb = await startSandbox({ inventories });
  const relay = await startRelay(sb.port, (path, body) => ({ path, body }), 2);
  try {
    const c = popClient({ ...sb, endpoint: `http://127.0.0.1:${relay.port}` });
    await call(c, 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(relay.answers[0]?.status, 200);
    assert.is(relay.answers[1]?.body['Code'], 'SignatureNonceUsed');
  } finally {
    await relay.close();
    await sb.close();
  }
});

test('a stale timestamp is refused (both schemes); the bound is configurable', async () => {
  const sb = await startSandbox({ inventories, now: () => Date.now() + 20 * 60_000 });
  try {
    const r = await call(popClient(sb), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(r['Code'], 'InvalidTimeStamp.Expired');
    try {
      await rdsClient(sb).describeBackupPolicy(new Rds['DescribeBackupPolicyRequest']!({ DBInstanceId: ID }));
      assert.unreachable('stale ACS3 request accepted');
    } catch (e) {
      assert.is((e as { code?: string }).code, 'InvalidTimeStamp.Expired');
    }
  } finally {
    await sb.close();
  }
  const lax = await startSandbox({ inventories, now: () => Date.now() + 20 * 60_000, behaviour: { maxSkewMs: 30 * 60_000 } });
  try {
    assert.is((await call(popClient(lax), 'DescribeBackupPolicy', { DBInstanceId: ID }))['EnableBackupLog'], '1');
  } finally {
    await lax.close();
  }
});

test('@alicloud/rds20140815 (ACS3-HMAC-SHA256): accepted, wrong secret refused', async () => {
  const sb = await startSandbox({ inventories });
  try {
    const r = await rdsClient(sb).describeMetaList(new Rds['DescribeMetaListRequest']!({ DBInstanceId: ID, backupSetID: '1001', pageSize: 2 }));
    assert.is(r.body.items.meta.length, 2);
    assert.is(r.body.items.meta[0].tables, 'orders,customers,items');
    try {
      await rdsClient(sb, { accessKeySecret: 'wrong' }).describeBackupPolicy(new Rds['DescribeBackupPolicyRequest']!({ DBInstanceId: ID }));
      assert.unreachable('wrong secret accepted');
    } catch (e) {
      assert.is((e as { code?: string }).code, 'SignatureDoesNotMatch');
    }
  } finally {
    await sb.close();
  }
});

test('@alicloud/rds20140815: tampered query and replayed nonce are refused', async () => {
  const sb = await startSandbox({ inventories });
  const tamper = await startRelay(sb.port, (path, body) => ({ path: path.replace('BackupId=1001', 'BackupId=1003'), body }));
  const replay = await startRelay(sb.port, (path, body) => ({ path, body }), 2);
  try {
    const meta = JSON.stringify([{ type: 'db', name: 'audit', newname: 'audit_x' }]);
    const req = () => new Rds['RestoreTableRequest']!({ DBInstanceId: ID, backupId: '1001', tableMeta: meta });
    await rdsClient(sb, {}, tamper.port).restoreTable(req()).catch(() => undefined);
    assert.is(tamper.answers[0]?.body['Code'], 'SignatureDoesNotMatch');
    assert.is(sb.state.instances.get(ID)?.tasks.length, 0);
    await rdsClient(sb, {}, replay.port).describeBackupPolicy(new Rds['DescribeBackupPolicyRequest']!({ DBInstanceId: ID })).catch(() => undefined);
    assert.is(replay.answers[0]?.status, 200);
    assert.is(replay.answers[1]?.body['Code'], 'SignatureNonceUsed');
  } finally {
    await tamper.close();
    await replay.close();
    await sb.close();
  }
});

test('STS: a configured token is required and checked, and never echoed', async () => {
  const token = 'sts-token-value-123';
  const sb = await startSandbox({ inventories, credentials: [{ accessKeyId: 'STS.fake', accessKeySecret: 'sts-secret', securityToken: token }] });
  try {
    const ok = await call(popClient(sb, { securityToken: token }), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(ok['EnableBackupLog'], '1');
    const none = await call(popClient(sb), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(none['Code'], 'InvalidSecurityToken.MismatchWithAccessKey');
    const wrong = await call(popClient(sb, { securityToken: 'other-token' }), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(wrong['Code'], 'InvalidSecurityToken.MismatchWithAccessKey');
    assert.ok(!JSON.stringify(wrong).includes('other-token'));
    const sdk = await rdsClient(sb, { securityToken: token }).describeBackupPolicy(new Rds['DescribeBackupPolicyRequest']!({ DBInstanceId: ID }));
    assert.is(sdk.body.enableBackupLog, '1');
  } finally {
    await sb.close();
  }
});

test.run();
