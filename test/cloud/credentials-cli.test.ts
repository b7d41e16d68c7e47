// Alibaba Cloud credential conventions through the built CLI (bin/restorec.cjs → dist/), against
// an in-process sandbox: the Alibaba Cloud CLI's ~/.aliyun/config.json (its current profile, and
// one named with --profile) and a credentials URI, none of them in the environment. The bundle
// runs under vm.Script, where a dynamic import() of the credentials library failed, and the
// library's default chain answered "no credentials" to every call but the first of a burst: a
// pull with a profile failed after 30 s of retries as "not a JSON object". Also the SQL driver,
// loaded the same lazy way, reading a real MariaDB (needs-debian-package: mariadb-server mariadbd).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadSnapshot, type Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { cli, workspace } from '../apply/helpers.ts';
import { startMariaDb } from '../inventory/mariadb.ts';

const ID = 'rm-uf6wjk5xxxxxxxxxx';
const KEY = 'ProfileKeyId';
const SECRET = 'Pr0file-secret-never-print-me';
const TOKEN = 'Sts-token-never-print-me';
const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;

/** A home folder holding the Alibaba Cloud CLI's config: `default` is current, `ops` is named. */
function homeWithProfiles(): string {
  const home = mkdtempSync(join(tmpdir(), 'restorec-home-'));
  mkdirSync(join(home, '.aliyun'));
  const profile = (name: string) => ({ name, mode: 'AK', access_key_id: KEY, access_key_secret: SECRET, region_id: 'cn-hangzhou' });
  writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify({ current: 'default', profiles: [profile('default'), profile('ops')] }));
  return home;
}

async function withSandbox(fn: (endpoint: string) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ inventories: [seed()], credentials: [{ accessKeyId: KEY, accessKeySecret: SECRET }, { accessKeyId: 'StsKeyId', accessKeySecret: SECRET, securityToken: TOKEN }] });
  try {
    await fn(sb.endpoint);
  } finally {
    await sb.close();
  }
}

function pulled(dir: string): Inventory {
  const snap = loadSnapshot(readFileSync(join(dir, 'pulled.json'), 'utf8'), 'pulled.json');
  assert.ok(snap.ok, JSON.stringify(snap));
  return (snap as { inventory: Inventory }).inventory;
}

test('inventory pull with the current profile of ~/.aliyun/config.json, and with --profile', async () => {
  await withSandbox(async (endpoint) => {
    const home = homeWithProfiles();
    for (const extra of [[], ['--profile', 'ops']]) {
      const dir = workspace();
      const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'pulled.json', ...extra], { HOME: home, RESTOREC_ENDPOINT: endpoint }, dir);
      assert.is(r.status, 0, r.stderr);
      assert.equal(pulled(dir).contents[0]?.Databases.map((d) => d.Database), ['testdb1', 'testdb2']);
      assert.not.ok((r.stdout + r.stderr).includes(SECRET), 'the secret is never printed');
    }
    // Without a snapshot beside the spec, lint finds the profile on its own and reads the instance.
    const dir = workspace();
    renameSync(join(dir, 'seed-backup-set.inventory.json'), join(dir, 'seed.json'));
    const lint = await cli(['lint', 'seed-backup-set.restore'], { HOME: home, RESTOREC_ENDPOINT: endpoint }, dir);
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.not.match(lint.stderr, /skipped|credentials/, lint.stderr);
  });
});

test('a credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI) answers through the default chain', async () => {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ Code: 'Success', AccessKeyId: 'StsKeyId', AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: new Date(Date.now() + 3_600_000).toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const uri = `http://127.0.0.1:${(server.address() as { port: number }).port}/credentials`;
  try {
    await withSandbox(async (endpoint) => {
      const dir = workspace();
      const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'pulled.json'], { ALIBABA_CLOUD_CREDENTIALS_URI: uri, RESTOREC_ENDPOINT: endpoint }, dir);
      assert.is(r.status, 0, r.stderr);
      assert.is(pulled(dir).instance.DBInstanceId, ID);
      assert.not.ok((r.stdout + r.stderr).includes(SECRET) || (r.stdout + r.stderr).includes(TOKEN), 'neither secret is printed');
    });
  } finally {
    server.close();
  }
});

test('no credentials anywhere: exit 2 at once with what to set, not retries of a network error', async () => {
  await withSandbox(async (endpoint) => {
    const started = Date.now();
    const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'pulled.json'], { RESTOREC_ENDPOINT: endpoint, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' }, workspace());
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /no Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.not.match(r.stderr, /not a JSON object|attempts/);
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  });
});

test('--mysql-url: the built CLI loads the SQL driver and reads the tables on the instance', async () => {
  const db = await startMariaDb();
  try {
    const c = await createConnection({ host: '127.0.0.1', port: db.port, user: 'root' });
    try {
      await c.query('CREATE DATABASE testdb1');
      await c.query('CREATE TABLE testdb1.`live table` (id INT)');
    } finally {
      await c.end();
    }
    await withSandbox(async (endpoint) => {
      const dir = workspace();
      const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: KEY, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET, RESTOREC_ENDPOINT: endpoint };
      const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'pulled.json', '--mysql-url', db.url('reader', 'Sql-pa55-never-print-me')], env, dir);
      assert.is(r.status, 0, r.stderr);
      assert.not.ok((r.stdout + r.stderr).includes('Sql-pa55-never-print-me'));
      const current = pulled(dir).current?.Databases.find((d) => d.DBName === 'testdb1');
      assert.ok(current, JSON.stringify(pulled(dir).current));
      assert.equal(current.Tables, ['live table']);
    });
  } finally {
    await db.close();
  }
});

test.run();
