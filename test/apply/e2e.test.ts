// End to end over HTTP with the real pop-core client: the built CLI against an in-process
// sandbox: pull, lint, plan, apply --wait, apply again (no second restore), and secrets.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot, type Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { cli, workspace } from './helpers.ts';

const ID = 'rm-uf6wjk5xxxxxxxxxx';
const SECRET = 'S3cretValueXYZ-never-print-me';
const TOKEN = 'StsTokenABC123-never-print-me';
const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;

async function withSandbox(fn: (env: Record<string, string>, sb: Awaited<ReturnType<typeof startSandbox>>) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ inventories: [seed()], credentials: [{ accessKeyId: 'TestKeyId', accessKeySecret: SECRET, securityToken: TOKEN }], behaviour: { restoreDurationMs: 300 } });
  try {
    await fn({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'TestKeyId', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN, RESTOREC_ENDPOINT: sb.endpoint }, sb);
  } finally {
    await sb.close();
  }
}

const restores = (sb: { control: { describe(): Record<string, unknown> } }) => (sb.control.describe()['tasks'] as unknown[]).length;

test('pull, lint, plan, apply --wait, apply again: exactly one restore', async () => {
  await withSandbox(async (env, sb) => {
    const dir = workspace();
    renameSync(join(dir, 'seed-backup-set.inventory.json'), join(dir, 'seed.json'));
    const pull = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'pulled.json'], env, dir);
    assert.is(pull.status, 0, pull.stderr);
    const snap = loadSnapshot(readFileSync(join(dir, 'pulled.json'), 'utf8'), 'pulled.json');
    assert.ok(snap.ok, JSON.stringify(snap));
    if (snap.ok) {
      assert.equal(snap.inventory.contents[0]?.Databases.map((d) => d.Tables), [['testdb1table1', 'testdb1table2'], ['accounts']]);
      assert.is(snap.inventory.instance.lower_case_table_names, 1);
    }
    // No snapshot beside the spec: lint and plan read the live instance.
    const lint = await cli(['lint', 'seed-backup-set.restore'], env, dir);
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.not.match(lint.stderr, /skipped/);
    const plan = await cli(['plan', 'seed-backup-set.restore'], env, dir);
    assert.is(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /testdb1table1 -> testdb1table1_new/);

    const first = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', 'seed-backup-set.restore'], env, dir);
    assert.is(first.status, 0, first.stderr);
    assert.match(first.stderr, /done: restored/);
    assert.is(restores(sb), 1);
    // Again, without a SQL connection: the target database exists and its tables cannot be read,
    // so restorec cannot tell its own earlier restore from a collision. It stops and says why;
    // with --mysql-url it would see the tables and report "already applied" (test/cloud/targets).
    const again = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', 'seed-backup-set.restore'], env, dir);
    assert.is(again.status, 1, again.stderr);
    assert.match(again.stderr, /target-exists/);
    assert.match(again.stderr, /cannot tell its own earlier restore from a collision/);
    assert.is(restores(sb), 1);
    assert.is(sb.control.calls().counts['RestoreTable']?.calls, 1);

    // Secrets never printed, nor written to the snapshot.
    const wrong = await cli(['inventory', 'pull', '--instance', ID, '--verbose', '-o', '-'], { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: `${SECRET}-wrong` }, dir);
    assert.is(wrong.status, 1);
    assert.match(wrong.stderr, /SignatureDoesNotMatch/);
    const verbose = await cli(['apply', '--yes', '--verbose', 'seed-backup-set.restore', '--mysql-url', `mysql://u:${SECRET}x@127.0.0.1:1/`], env, dir);
    const all = [pull, lint, plan, first, again, wrong, verbose].map((r) => r.stdout + r.stderr).join('\n') + readFileSync(join(dir, 'pulled.json'), 'utf8');
    assert.match(verbose.stderr, /-> DescribeDBInstanceAttribute/);
    for (const s of [SECRET, TOKEN, encodeURIComponent(TOKEN)]) assert.not.ok(all.includes(s), `a secret was printed: ${s}`);
  });
});

test('apply without a terminal and without --yes refuses with exit 2', async () => {
  const r = await cli(['apply', '--sandbox', join(workspace(), 'seed-backup-set.restore')]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /pass --yes/);
});

test('apply --sandbox runs the whole pipeline with no cloud account', async () => {
  const dir = workspace();
  const r = await cli(['apply', '--sandbox', '--yes', '--wait', '--poll-ms', '50', 'seed-backup-set.restore'], {}, dir);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /sandbox: a local RDS-compatible endpoint/);
  assert.match(r.stderr, /done: restored/);
});

test('a target that exists makes lint refuse: nothing is sent', async () => {
  const inv = seed();
  inv.current!.Databases.push({ DBName: 'testdb1_new', Tables: ['testdb1table1_new', 'other'] });
  const sb = await startSandbox({ inventories: [inv] });
  try {
    const dir = workspace();
    writeFileSync(join(dir, 'seed-backup-set.inventory.json'), JSON.stringify(inv));
    const r = await cli(['apply', '--yes', '--endpoint', sb.endpoint, 'seed-backup-set.restore', '--mysql-url', 'mysql://x:y@127.0.0.1:1/'], { ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret }, dir);
    assert.is(r.status === 0, false, r.stderr);
    assert.is(sb.control.calls().counts['RestoreTable'], undefined);
  } finally {
    await sb.close();
  }
});

test.run();
