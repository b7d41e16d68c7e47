// Hostile answers (issue 10, findings 1, 3, 7, 11, 13, 16): the built CLI against an endpoint that
// lies, repeats, leaves out, mistypes and garbles. An inventory is complete or the command stops
// with a message naming what was wrong; nothing is written or sent from a partial one; every
// bound holds (a handful of calls, not millions); unreadable answers are retried.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cli } from '../apply/helpers.ts';
import { scripted, startHostileApi, type Answer } from '../helpers/hostile-api.ts';
import { hasStackTrace } from '../helpers/cli.ts';

const ID = 'rm-hostile0000000001';
const env = (endpoint: string) => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'HostileKeyId', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'hostile-secret-value', RESTOREC_ENDPOINT: endpoint });
const meta = (entries: { Database: unknown; Tables?: unknown }[], total: number, pages = Math.max(1, Math.ceil(total / 100))): Answer => ({ body: { TotalRecordCount: total, TotalPageCount: pages, PageNumber: 1, PageRecordCount: entries.length, Items: { Meta: entries.map((e) => ({ Size: '1', Tables: 't1', ...e })) } } });

interface Case {
  name: string;
  over: Parameters<typeof scripted>[1];
  /** stderr must match. */
  says: RegExp;
  /** At most this many calls of `action`: the bound. */
  bound?: [action: string, max: number];
}

const cases: Case[] = [
  {
    name: 'DescribeMetaList leaves out a database its total counts (page 2 empty)',
    over: { DescribeMetaList: (p) => (p.get('PageIndex') === '1' ? meta([{ Database: 'shop' }], 101) : meta([], 101)) },
    says: /DescribeMetaList of backup 9026262: the listing is inconsistent: 1 entries were listed but the total says 101/,
  },
  { name: 'a Meta entry whose Database is a number', over: { DescribeMetaList: () => meta([{ Database: 'shop' }, { Database: 42 }], 2) }, says: /DescribeMetaList: Items\.Meta\[1\]\.Database: must be string/ },
  {
    name: 'repeated pages',
    over: { DescribeMetaList: () => meta(Array.from({ length: 100 }, (_, i) => ({ Database: `d${i}` })), 150) },
    says: /"d0\\u0000t1" was listed twice \(the pages overlap\)/,
  },
  { name: 'a total and no Items', over: { DescribeBackups: () => ({ body: { TotalRecordCount: '5' } }) }, says: /DescribeBackups of .*: 0 entries were listed but the total says 5/ },
  { name: 'Items: "oops" for the task list', over: { DescribeHistoryTasks: () => ({ body: { TotalCount: 0, Items: 'oops' } }) }, says: /DescribeHistoryTasks: Items: must be array/ },
  { name: 'TotalPageCount as a string of a billion', over: { DescribeMetaList: () => ({ body: { TotalRecordCount: 2, TotalPageCount: '1000000000', Items: { Meta: [] } } }) }, says: /TotalPageCount: must be integer/, bound: ['DescribeMetaList', 2] },
  { name: 'TotalPageCount a billion for 2 records', over: { DescribeMetaList: () => ({ body: { TotalRecordCount: 2, TotalPageCount: 1_000_000_000, Items: { Meta: [{ Database: 'a', Tables: 'x' }, { Database: 'b', Tables: 'y' }] } } }) }, says: /TotalPageCount 1000000000 is more than TotalRecordCount 2/, bound: ['DescribeMetaList', 2] },
  { name: 'TotalRecordCount of 99,999,999,999 backups', over: { DescribeBackups: () => ({ body: { TotalRecordCount: '99999999999', Items: { Backup: [] } } }) }, says: /claims 99999999999 entries, more than restorec reads/, bound: ['DescribeBackups', 2] },
  {
    name: 'DescribeDatabases answering the same 100 rows for every page',
    over: { DescribeDatabases: () => ({ body: { Databases: { Database: Array.from({ length: 100 }, (_, i) => ({ DBName: `db${i}` })) } } }) },
    says: /page 2 repeats page 1, so restorec cannot tell whether it read every entry/,
    bound: ['DescribeDatabases', 9],
  },
  { name: 'Items.Backup an object', over: { DescribeBackups: () => ({ body: { TotalRecordCount: '1', Items: { Backup: { BackupId: '1' } } } }) }, says: /Items\.Backup: must be array/ },
  { name: 'a BackupId that is an object', over: { DescribeBackups: () => ({ body: { TotalRecordCount: '1', Items: { Backup: [{ BackupId: { id: 1 } }] } } }) }, says: /Items\.Backup\[0\]\.BackupId: must be string/ },
  { name: 'an error Code "constructor"', over: { DescribeParameters: () => ({ status: 400, body: { Code: 'constructor', Message: 'odd' } }) }, says: /DescribeParameters failed: the service answered constructor: odd \(constructor/ },
];

for (const c of cases) {
  test(`pull: ${c.name}`, async () => {
    const api = await startHostileApi(scripted(ID, c.over));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'restorec-hostile-'));
      const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', 'snap.json'], env(api.endpoint), dir);
      assert.is(r.status, 1, r.stderr);
      assert.match(r.stderr, c.says);
      assert.not.ok(hasStackTrace(r.stderr), r.stderr);
      assert.not.ok(existsSync(join(dir, 'snap.json')), 'no snapshot from a partial inventory');
      assert.not.ok(r.stderr.includes('hostile-secret-value'));
      if (c.bound) assert.ok(api.count(c.bound[0]) <= c.bound[1], `${c.bound[0]}: ${api.count(c.bound[0])} calls`);
    } finally {
      await api.close();
    }
  });
}

test('pull: unreadable answers (HTML 502, cut-off JSON, empty, null, [], 42) are retried, and --verbose shows them', async () => {
  // One unreadable answer for each of six calls, then a good one: each is retried once.
  const bad: Record<string, [number, string]> = {
    DescribeBackupPolicy: [502, '<html><body>502 Bad Gateway</body></html>'],
    DescribeParameters: [200, '{"RunningParameters":'],
    DescribeDBInstanceAttribute: [200, ''],
    DescribeLocalAvailableRecoveryTime: [200, 'null'],
    DescribeBackups: [200, '[]'],
    DescribeDatabases: [200, '42'],
  };
  const over = Object.fromEntries(Object.entries(bad).map(([action, [status, raw]]) => [action, (_p: Map<string, string>, n: number) => (n === 1 ? { status, raw } : undefined)]));
  const good = scripted(ID, {});
  const api = await startHostileApi((action, params, n) => (over[action]?.(params, n) ?? good(action, params, n)));
  try {
    const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '--verbose', '-o', '-'], env(api.endpoint));
    assert.is(r.status, 0, r.stderr);
    // Page 1 of each (DescribeDatabases also fetches pages 2-4 ahead) asked twice: once more after the bad answer.
    for (const action of Object.keys(bad)) assert.is(api.requests.filter((q) => q.action === action && (q.params.get('PageNumber') ?? '1') === '1').length, 2, action);
    assert.match(r.stderr, /DescribeBackupPolicy answer is not a JSON object: "<html><body>502 Bad Gateway/);
    assert.match(r.stderr, /DescribeBackups answer has no RequestId: \[\]/);
    assert.match(r.stderr, /DescribeDatabases answer has no RequestId: 42/);
    assert.match(r.stderr, /DescribeLocalAvailableRecoveryTime: attempt 1 failed with BAD_RESPONSE, retrying/);
  } finally {
    await api.close();
  }
});

test('pull -o into a folder that does not exist: exit 2 before any call', async () => {
  const api = await startHostileApi(scripted(ID, {}));
  try {
    const r = await cli(['inventory', 'pull', '--instance', ID, '-o', '/nonexistent-restorec-dir/snap.json'], env(api.endpoint));
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /-o \/nonexistent-restorec-dir\/snap\.json: the folder \/nonexistent-restorec-dir does not exist/);
    assert.is(api.requests.length, 0);
  } finally {
    await api.close();
  }
});

test('pull: the contract\'s 400 "retry later" codes are retried (TimeoutRetryLater, InternalFailure)', async () => {
  const api = await startHostileApi(
    scripted(ID, {
      DescribeDBInstanceAttribute: (_p, n) => (n === 1 ? { status: 400, body: { Code: 'TimeoutRetryLater', Message: 'retry later' } } : undefined),
      DescribeBackupPolicy: (_p, n) => (n === 1 ? { status: 400, body: { Code: 'InternalFailure', Message: 'failure' } } : undefined),
    }),
  );
  try {
    const r = await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', '-'], env(api.endpoint));
    assert.is(r.status, 0, r.stderr);
    assert.is(api.count('DescribeDBInstanceAttribute'), 2);
    assert.is(api.count('DescribeBackupPolicy'), 2);
  } finally {
    await api.close();
  }
});

test('pull: a locked instance\'s refusal of the recovery window is a fact, not a failure', async () => {
  const api = await startHostileApi(
    scripted(ID, {
      DescribeDBInstanceAttribute: () => ({ body: { Items: { DBInstanceAttribute: [{ DBInstanceId: ID, Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'LockByExpiration' }] } } }),
      DescribeLocalAvailableRecoveryTime: () => ({ status: 403, body: { Code: 'IncorrectDBInstanceLockMode', Message: 'locked' } }),
    }),
  );
  try {
    const dir = mkdtempSync(join(tmpdir(), 'restorec-hostile-'));
    writeFileSync(join(dir, 'a.restore'), `instance ${ID}\nfrom backup 9026262\n\nrestore db shop < table orders as orders_r >\n`);
    const r = await cli(['lint', 'a.restore'], env(api.endpoint), dir);
    assert.is(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /the recovery window is unknown: DescribeLocalAvailableRecoveryTime refused with IncorrectDBInstanceLockMode/);
    assert.match(r.stdout, /1:\d+ +error .*LockByExpiration.* +instance-lock/);
  } finally {
    await api.close();
  }
});

test('apply --wait: no task ever listed and no SQL: "not confirmed", exit 1, never "applied"', async () => {
  const api = await startHostileApi(scripted(ID, {}));
  try {
    const dir = mkdtempSync(join(tmpdir(), 'restorec-hostile-'));
    writeFileSync(join(dir, 'a.restore'), `instance ${ID}\nfrom backup 9026262\n\nrestore db shop < table orders as orders_r >\n`);
    const r = await cli(['apply', '--yes', '--wait', '--poll-ms', '20', 'a.restore'], env(api.endpoint), dir);
    assert.is(r.status, 1, r.stderr);
    assert.match(r.stderr, /request 1\/1: unconfirmed: RestoreTable answered, but DescribeHistoryTasks showed no new task/);
    assert.match(r.stderr, /a\.restore: apply not confirmed/);
    assert.not.match(r.stderr, /: applied|done|already applied/);
    assert.is(api.count('RestoreTable'), 1);
  } finally {
    await api.close();
  }
});

test('apply: a partial inventory sends nothing', async () => {
  const api = await startHostileApi(scripted(ID, { DescribeMetaList: (p) => (p.get('PageIndex') === '1' ? meta([{ Database: 'shop', Tables: 'orders' }], 101) : meta([], 101)) }));
  try {
    const dir = mkdtempSync(join(tmpdir(), 'restorec-hostile-'));
    writeFileSync(join(dir, 'a.restore'), `instance ${ID}\nfrom backup 9026262\n\nrestore db shop < table orders as orders_r >\n`);
    const r = await cli(['apply', '--yes', 'a.restore'], env(api.endpoint), dir);
    assert.is(r.status, 1, r.stderr);
    assert.match(r.stderr, /the listing is inconsistent/);
    assert.is(api.count('RestoreTable'), 0);
  } finally {
    await api.close();
  }
});

test.run();
