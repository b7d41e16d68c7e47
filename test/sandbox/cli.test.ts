// `restorec sandbox` as a user runs it (the built CLI): prints endpoint and fake credentials,
// serves real clients, stops cleanly on SIGTERM and saves a scenario that resumes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSeed } from '../../src/sandbox/index.ts';
import { restorec, tempDir } from '../helpers/cli.ts';
import { call, RPCClient } from './helpers.ts';

/**
 * Starts `restorec sandbox ARGS` and waits for its banner. `stop` sends SIGTERM and resolves to
 * its exit code; `err` is what it wrote to stderr by then.
 */
async function startSandbox(args: string[]): Promise<{ out: string; stop: () => Promise<number | null>; err: () => string }> {
  const child = spawn(process.execPath, ['bin/restorec.cjs', 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = (): Promise<number | null> => {
    child.kill('SIGTERM');
    return exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('stop with Ctrl-C')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}${err}`)));
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { out, stop, err: () => err };
}

test('serves pop-core, stops on SIGTERM, saves a resumable scenario', async () => {
  const save = join(tempDir(), 'state.json');
  const sandbox = await startSandbox(['--seed', 'examples/seed-backup-set.inventory.json', '--port', '0', '--save', save, '--restore-ms', '0', '--random-seed', '3']);
  const { out } = sandbox;
  let code: number | null;
  try {
    const endpoint = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const accessKeyId = /ALIBABA_CLOUD_ACCESS_KEY_ID=(\S+)/.exec(out)?.[1];
    const accessKeySecret = /ALIBABA_CLOUD_ACCESS_KEY_SECRET=(\S+)/.exec(out)?.[1];
    assert.ok(endpoint && accessKeyId && accessKeySecret, out);
    assert.match(out, new RegExp(`^export RESTOREC_ENDPOINT=${endpoint}$`, 'm'), 'the endpoint is printed as the variable restorec reads');
    assert.match(out, /FAKE/);
    const c = new RPCClient({ endpoint, accessKeyId, accessKeySecret, apiVersion: '2014-08-15' });
    const meta = JSON.stringify([{ type: 'db', name: 'testdb1', newname: 'testdb1_new', tables: [{ type: 'table', name: 'testdb1table1', newname: 'testdb1table1_new' }] }]);
    const r = await call(c, 'RestoreTable', { DBInstanceId: 'rm-uf6wjk5xxxxxxxxxx', BackupId: '9026262', TableMeta: meta });
    assert.type(r['RequestId'], 'string', JSON.stringify(r));
    assert.not.ok(r['Code']);
  } finally {
    code = await sandbox.stop();
  }
  assert.is(code, 0, sandbox.err());
  const seed = parseSeed(readFileSync(save, 'utf8'), save, () => '');
  assert.ok(seed.ok, JSON.stringify(seed));
  const db = seed.ok ? seed.scenario.inventories[0]?.current?.Databases.find((d) => d.DBName === 'testdb1_new') : undefined;
  assert.equal(db?.Tables, ['testdb1table1_new']);
  assert.is(seed.ok && seed.scenario.randomSeed, 3);
});

test('a cross-region seed: its source is named, RestoreDdrTable restores from it, and --save keeps it', async () => {
  const save = join(tempDir(), 'state.json');
  const sandbox = await startSandbox(['--seed', 'examples/cross-region-2026-11-20.inventory.json', '--port', '0', '--save', save, '--restore-ms', '0']);
  const { out } = sandbox;
  let code: number | null;
  try {
    assert.match(out, /^# cross-region sources: rm-bp1srcprodxxxxxxx \(cn-hangzhou\)$/m);
    const endpoint = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const c = new RPCClient({ endpoint, accessKeyId: /ACCESS_KEY_ID=(\S+)/.exec(out)?.[1], accessKeySecret: /ACCESS_KEY_SECRET=(\S+)/.exec(out)?.[1], apiVersion: '2014-08-15' });
    const meta = JSON.stringify([{ type: 'db', name: 'crm', newname: 'crm_dr', tables: [{ type: 'table', name: 'deals', newname: 'deals' }] }]);
    const r = await call(c, 'RestoreDdrTable', { DBInstanceId: 'rm-uf6drstandbyxxxxx', RestoreType: '0', BackupId: '12490231', TableMeta: meta });
    assert.is(r['DBInstanceId'], 'rm-uf6drstandbyxxxxx', JSON.stringify(r));
  } finally {
    code = await sandbox.stop();
  }
  assert.is(code, 0, sandbox.err());
  const seed = parseSeed(readFileSync(save, 'utf8'), save, () => '');
  assert.ok(seed.ok, JSON.stringify(seed));
  const inv = seed.ok ? seed.scenario.inventories[0] : undefined;
  assert.equal(inv?.current?.Databases.find((d) => d.DBName === 'crm_dr')?.Tables, ['deals']);
  assert.is(inv?.crossRegion?.backups?.length, 2, 'the cross-region source is saved with the instance');
});

test('usage errors: no seed, a bad seed, a bad fault spec', () => {
  const none = restorec(['sandbox']);
  assert.is(none.status, 2);
  assert.match(none.stderr, /--seed/);
  const bad = restorec(['sandbox', '--seed', 'examples/seed-backup-set.restore']);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /not a usable seed/);
  const faults = restorec(['sandbox', '--seed', 'examples/seed-backup-set.inventory.json', '--faults', 'throttle=3']);
  assert.is(faults.status, 2);
  assert.match(faults.stderr, /probability/);
});

test.run();
