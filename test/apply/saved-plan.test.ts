// Reviewed plan = applied plan (issue 11, item 4): `plan --out FILE` saves the requests with the
// spec's digest and the facts they rest on; `apply FILE` applies exactly them, and refuses,
// saying what changed, when the spec changed, the live instance now gives other requests, or lint
// now finds an error. `plan --detailed-exitcode` and `plan --format json` for CI and policy tools.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { cli } from './helpers.ts';
import { assertNoViolations } from '../helpers/contract.ts';

const ID = 'rm-plan00000000000001';
function seed(): Inventory {
  return {
    version: 1,
    instance: { DBInstanceId: ID, Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', ReadOnlyDBInstanceIds: [], lower_case_table_names: 1 },
    backupPolicy: { EnableBackupLog: '1', CompressType: '4' },
    recoveryWindow: null,
    backups: [{ BackupId: '7001', BackupStatus: 'Success', MetaStatus: 'OK' }],
    tasks: [],
    contents: [{ BackupId: '7001', Databases: [{ Database: 'shop', Size: 64, Tables: ['customers', 'order_items', 'orders'] }] }],
    current: { Databases: [{ DBName: 'shop', Tables: ['customers', 'order_items', 'orders'] }] },
  };
}
const SPEC = `instance ${ID}\nfrom backup 7001\n\nrestore db shop < table order* as {name}_r >\n`;

async function withSandbox(fn: (env: Record<string, string>, sb: Sandbox, dir: string) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ inventories: [seed()], checkContract: true, behaviour: { restoreDurationMs: 100 } });
  const dir = mkdtempSync(join(tmpdir(), 'restorec-plan-'));
  writeFileSync(join(dir, 'shop.restore'), SPEC);
  try {
    await fn({ ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint }, sb, dir);
    assertNoViolations(sb);
  } finally {
    await sb.close();
  }
}
const restores = (sb: Sandbox) => (sb.control.describe()['tasks'] as unknown[]).length;

test('plan --out, then apply FILE: exactly the saved requests are sent', async () => {
  await withSandbox(async (env, sb, dir) => {
    const plan = await cli(['plan', 'shop.restore', '--out', 'shop.plan.json'], env, dir);
    assert.is(plan.status, 0, plan.stderr);
    assert.match(plan.stderr, /apply exactly it with: restorec apply shop\.plan\.json/);
    const saved = JSON.parse(readFileSync(join(dir, 'shop.plan.json'), 'utf8'));
    assert.is(saved.spec.path, 'shop.restore');
    assert.is(saved.requests.length, 1);
    const apply = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', 'shop.plan.json'], env, dir);
    assert.is(apply.status, 0, apply.stderr);
    assert.match(apply.stderr, /done: restored/);
    assert.is(restores(sb), 1);
    assert.ok(apply.stdout.includes(saved.requests[0].ClientToken), 'the saved ClientToken is the one applied');
  });
});

test('apply FILE refuses when the instance now gives other requests, and says what changed', async () => {
  await withSandbox(async (env, sb, dir) => {
    assert.is((await cli(['plan', 'shop.restore', '--out', 'shop.plan.json'], env, dir)).status, 0);
    // A table the pattern also matches appears in the backup's contents.
    sb.state.instances.get(ID)!.inventory.contents[0]!.Databases[0]!.Tables.push('order_archive');
    const apply = await cli(['apply', '--yes', 'shop.plan.json'], env, dir);
    assert.is(apply.status, 1, apply.stderr);
    assert.match(apply.stderr, /the requests would differ from the saved ones; nothing applied/);
    assert.match(apply.stderr, /request 1: TableMeta changed \(ClientToken rc-\w+ -> rc-\w+\)/);
    assert.match(apply.stderr, /changed: backup contents: \w+ -> \w+/);
    assert.is(sb.control.calls().counts['RestoreTable'], undefined);
  });
});

test('apply FILE refuses when the spec changed, or when lint now finds an error', async () => {
  await withSandbox(async (env, sb, dir) => {
    assert.is((await cli(['plan', 'shop.restore', '--out', 'shop.plan.json'], env, dir)).status, 0);
    writeFileSync(join(dir, 'shop.restore'), SPEC.replace('{name}_r', '{name}_x'));
    const edited = await cli(['apply', '--yes', 'shop.plan.json'], env, dir);
    assert.is(edited.status, 1, edited.stderr);
    assert.match(edited.stderr, /the spec .*shop\.restore changed since this plan was made; nothing applied/);
    writeFileSync(join(dir, 'shop.restore'), SPEC);
    sb.state.instances.get(ID)!.inventory.instance.LockMode = 'LockByDiskQuota';
    const locked = await cli(['apply', '--yes', 'shop.plan.json'], env, dir);
    assert.is(locked.status, 1, locked.stderr);
    assert.match(locked.stderr, /instance-lock/);
    assert.match(locked.stderr, /nothing applied/);
    assert.is(sb.control.calls().counts['RestoreTable'], undefined);
  });
});

test('plan --detailed-exitcode: 2 when it would restore, 0 when already applied, 1 on errors; --format json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-plan-'));
  writeFileSync(join(dir, 'shop.restore'), SPEC);
  const inv = seed();
  writeFileSync(join(dir, 'shop.inventory.json'), JSON.stringify(inv));
  const pending = await cli(['plan', '--detailed-exitcode', 'shop.restore'], {}, dir);
  assert.is(pending.status, 2, pending.stderr);
  inv.current!.Databases[0]!.Tables = [...(inv.current!.Databases[0]!.Tables as string[]), 'order_items_r', 'orders_r'];
  writeFileSync(join(dir, 'shop.inventory.json'), JSON.stringify(inv));
  const done = await cli(['plan', '--detailed-exitcode', '--format', 'json', 'shop.restore'], {}, dir);
  assert.is(done.status, 0, done.stderr);
  const doc = JSON.parse(done.stdout)[0];
  assert.is(doc.alreadyApplied, true);
  assert.equal(doc.databases[0].tables, [{ source: 'order_items', target: 'order_items_r' }, { source: 'orders', target: 'orders_r' }]);
  assert.is(doc.requests[0].entries, 3);
  assert.type(doc.facts['backup contents'], 'string');
  writeFileSync(join(dir, 'bad.restore'), 'instance rm-x\nrestore db\n');
  const bad = await cli(['plan', '--detailed-exitcode', 'bad.restore'], {}, dir);
  assert.is(bad.status, 1, bad.stderr);
});

test.run();
