// Fault injection: reproducible from a seed, the documented codes and statuses, a reset after
// the restore started (exactly-once with ClientToken), timeouts, and the control endpoint.
import { request } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseFaultSpec, startSandbox, type FaultConfig } from '../../src/sandbox/index.ts';
import { call, fixtureInventory, ID, popClient, rawCall } from './helpers.ts';

const mixed: FaultConfig = { ...parseFaultSpec('throttle=0.2,internal=0.1,unavailable=0.1,reset=0.1,jitter=3') };

async function sequence(seed: number): Promise<string[]> {
  const sb = await startSandbox({ inventories: [fixtureInventory()], faults: mixed, randomSeed: seed });
  try {
    const out: string[] = [];
    for (let i = 0; i < 25; i++) {
      try {
        const r = await rawCall(sb, 'DescribeBackupPolicy', { DBInstanceId: ID });
        out.push(`${r.status} ${r.body['Code'] ?? 'ok'} ${r.body['RequestId']}`);
      } catch {
        out.push('reset');
      }
    }
    return out;
  } finally {
    await sb.close();
  }
}

test('same seed, same fault sequence and RequestIds; another seed differs', async () => {
  const a = await sequence(7);
  const b = await sequence(7);
  assert.equal(a, b);
  assert.ok(a.some((x) => x.startsWith('200')) && a.some((x) => !x.startsWith('200')), 'a mix of faults and answers');
  assert.not.equal(await sequence(8), a);
});

test('fault codes and statuses: Throttling.User 400, InternalError 500, ServiceUnavailable 503', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()] });
  try {
    sb.control.setFaults({ ...parseFaultSpec(''), next: [{ kind: 'throttle' }, { kind: 'internal' }, { kind: 'unavailable' }] });
    const got = [];
    for (let i = 0; i < 4; i++) {
      const r = await rawCall(sb, 'DescribeBackupPolicy', { DBInstanceId: ID });
      got.push([r.status, r.body['Code'] ?? 'ok']);
    }
    assert.equal(got, [[400, 'Throttling.User'], [500, 'InternalError'], [503, 'ServiceUnavailable'], [200, 'ok']]);
  } finally {
    await sb.close();
  }
});

test('reset after the restore started: the client sees a failure, a ClientToken retry gets the first answer, one restore', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()], behaviour: { restoreDurationMs: 60_000 } });
  try {
    sb.control.setFaults({ ...parseFaultSpec(''), next: [{ kind: 'reset-after', action: 'RestoreTable' }] });
    const c = popClient(sb);
    // Not RestoreTable: the scripted fault waits for its Action.
    assert.is((await call(c, 'DescribeBackupPolicy', { DBInstanceId: ID }))['EnableBackupLog'], '1');
    const params = { DBInstanceId: ID, BackupId: '1001', ClientToken: 'apply-1', TableMeta: JSON.stringify([{ type: 'db', name: 'audit', newname: 'audit_r', tables: [{ type: 'table', name: 'log', newname: 'log' }] }]) };
    const lost = await call(c, 'RestoreTable', params);
    assert.ok(lost['transport'], `the client saw no answer: ${JSON.stringify(lost)}`);
    assert.is(sb.state.instances.get(ID)?.tasks.length, 1, 'but the restore started');
    const retry = await call(c, 'RestoreTable', params);
    assert.type(retry['RequestId'], 'string');
    assert.is(sb.state.instances.get(ID)?.tasks.length, 1, 'exactly once');
    const calls = sb.control.calls();
    assert.equal(calls.counts['RestoreTable'], { calls: 2, ok: 1, errors: {}, faults: { 'reset-after': 1 } });
  } finally {
    await sb.close();
  }
});

test('a timeout holds the request past the client timeout; close() still ends at once', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()] });
  const started = Date.now();
  try {
    sb.control.setFaults({ ...parseFaultSpec('timeout-hold=10000'), next: [{ kind: 'timeout' }] });
    const r = await call(popClient(sb, { opts: { timeout: 150 } }), 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.ok(r['transport'], JSON.stringify(r));
    assert.is(sb.control.calls().counts['DescribeBackupPolicy']?.faults['timeout'], 1);
  } finally {
    await sb.close();
  }
  assert.ok(Date.now() - started < 5000);
});

test('control endpoint over HTTP; 127.0.0.1 only', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()], behaviour: { restoreDurationMs: 0 } });
  try {
    assert.match(sb.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    const post = (path: string, body: unknown) => fetch(`${sb.endpoint}${path}`, { method: 'POST', body: JSON.stringify(body) });
    assert.is((await post('/_sandbox/faults', { rates: { throttle: 1 } })).status, 200);
    assert.is((await rawCall(sb, 'DescribeBackupPolicy', { DBInstanceId: ID })).body['Code'], 'Throttling.User');
    assert.is((await post('/_sandbox/faults', { rates: { nonsense: 1 } })).status, 400);
    const calls = (await (await fetch(`${sb.endpoint}/_sandbox/calls`)).json()) as { counts: Record<string, { calls: number }> };
    assert.is(calls.counts['DescribeBackupPolicy']?.calls, 1);
    await post('/_sandbox/reset', {});
    const restored = await rawCall(sb, 'RestoreTable', { DBInstanceId: ID, BackupId: '1001', TableMeta: JSON.stringify([{ type: 'db', name: 'crm', newname: 'crm_r' }]) });
    assert.is(restored.status, 200, 'reset also cleared the faults');
    const state = (await (await fetch(`${sb.endpoint}/_sandbox/state`)).json()) as { instances: { current: { Databases: { DBName: string; Tables: string[] }[] } }[] };
    assert.equal(state.instances[0]?.current.Databases.find((d) => d.DBName === 'crm_r')?.Tables, ['leads'], 'whole-database restore took the backup tables');
    assert.is((await post('/_sandbox/behaviour', { restoreDurationMs: 'soon' })).status, 400);
    assert.is((await post('/_sandbox/clock', { advanceMs: 1000 })).status, 200);
    // fetch cannot set Host: a DNS-rebinding page would arrive with its own name.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: sb.port, path: '/_sandbox/state', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.is(rebound, 403);
  } finally {
    await sb.close();
  }
});

test('--faults spec parsing', () => {
  const f = parseFaultSpec('throttle=0.1,reset-after=0.05,latency=20,jitter=5,actions=RestoreTable+DescribeTasks');
  assert.equal([f.rates.throttle, f.rates['reset-after'], f.latencyMs, f.jitterMs, f.actions], [0.1, 0.05, 20, 5, ['RestoreTable', 'DescribeTasks']]);
  assert.throws(() => parseFaultSpec('throttle=2'), /probability/);
  assert.throws(() => parseFaultSpec('bogus=1'), /unknown setting/);
});

test.run();
