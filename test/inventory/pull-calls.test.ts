// The calls a pull makes, and when (the pull's time is its longest chain of round trips): the
// built CLI against a scripted endpoint that records each request as it arrives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../apply/helpers.ts';
import { scripted, startHostileApi } from '../helpers/hostile-api.ts';
import { statusOf } from '../helpers/contract.ts';

const ID = 'rm-pullcalls000000001';
const env = (endpoint: string) => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'PullCallsKeyId', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'pull-calls-secret', RESTOREC_ENDPOINT: endpoint });
const pull = (endpoint: string, ...extra: string[]) => cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', '-', ...extra], env(endpoint));

test('a named backup\'s first contents page is asked beside DescribeBackups, and used', async () => {
  let backupsAnswered = false;
  let askedBefore: boolean | undefined;
  const api = await startHostileApi(
    scripted(ID, {
      DescribeBackups: (_p, n) => {
        if (n === 1) setTimeout(() => (backupsAnswered = true), 400);
        return n === 1 ? { delayMs: 400, body: { TotalRecordCount: '1', Items: { Backup: [{ BackupId: '9026262', BackupStatus: 'Success', MetaStatus: 'OK' }] } } } : undefined;
      },
      DescribeMetaList: () => ((askedBefore ??= !backupsAnswered), undefined),
    }),
  );
  try {
    const r = await pull(api.endpoint);
    assert.is(r.status, 0, r.stderr);
    assert.is(askedBefore, true, 'DescribeMetaList page 1 was asked while DescribeBackups was unanswered');
    assert.is(api.count('DescribeMetaList'), 1, 'the page asked ahead is the one used');
    assert.equal(JSON.parse(r.stdout).contents[0].Databases.map((d: { Database: string }) => d.Database), ['shop', 'crm']);
  } finally {
    await api.close();
  }
});

test('a backup that turns out unusable: the page asked ahead is dropped, failed or not', async () => {
  const notFound = statusOf('DescribeMetaList', 'InvalidBackupSetID.NotFound');
  assert.is(notFound, 404, 'the contract documents InvalidBackupSetID.NotFound for DescribeMetaList');
  for (const meta of [{ status: notFound, body: { Code: 'InvalidBackupSetID.NotFound', Message: 'not found' } }, undefined]) {
    const api = await startHostileApi(
      scripted(ID, {
        DescribeBackups: () => ({ body: { TotalRecordCount: '1', Items: { Backup: [{ BackupId: '9026262', BackupStatus: 'Failed', MetaStatus: '' }] } } }),
        DescribeMetaList: () => meta,
      }),
    );
    try {
      const r = await pull(api.endpoint);
      assert.is(r.status, 0, r.stderr);
      assert.match(r.stderr, /backup 9026262 is Failed with MetaStatus "": it cannot list or restore tables, so its contents are not read/);
      assert.not.match(r.stderr, /InvalidBackupSetID|error/i);
      assert.equal(JSON.parse(r.stdout).contents, [], 'nothing from the dropped page');
      assert.is(api.count('DescribeMetaList'), 1);
    } finally {
      await api.close();
    }
  }
});

test('points in time are not asked ahead: a time outside the window makes no DescribeMetaList call', async () => {
  const api = await startHostileApi(scripted(ID, {}));
  try {
    const r = await cli(['inventory', 'pull', '--instance', ID, '--at', '2026-11-01T00:00:00Z', '-o', '-'], env(api.endpoint));
    assert.is(r.status, 0, r.stderr);
    assert.match(r.stderr, /is outside the recovery window/);
    assert.is(api.count('DescribeMetaList'), 0);
  } finally {
    await api.close();
  }
});

test('DescribeDatabases of a small instance: page 1 alone, with the defaults and with --concurrency 1', async () => {
  for (const extra of [[], ['--concurrency', '1']]) {
    const api = await startHostileApi(scripted(ID, {}));
    try {
      const r = await pull(api.endpoint, ...extra);
      assert.is(r.status, 0, r.stderr);
      assert.equal(api.requests.filter((q) => q.action === 'DescribeDatabases').map((q) => q.params.get('PageNumber')), ['1'], extra.join(' '));
      assert.equal(JSON.parse(r.stdout).current.Databases.map((d: { DBName: string }) => d.DBName), ['shop', 'crm']);
    } finally {
      await api.close();
    }
  }
});

test('DescribeDatabases of a large instance: after page 1, the pages the named backup\'s database count fills, at once', async () => {
  const names = Array.from({ length: 450 }, (_, i) => `db${String(i).padStart(3, '0')}`);
  // Each page answers 200 ms after it is asked: pages asked in one round arrive together, a
  // round later they would arrive 200 ms apart.
  const asked: { page: number; at: number }[] = [];
  const api = await startHostileApi(
    scripted(ID, {
      DescribeMetaList: () => ({ body: { TotalRecordCount: names.length, TotalPageCount: 1, PageNumber: 1, PageRecordCount: names.length, Items: { Meta: names.map((Database) => ({ Database, Tables: 't1', Size: '1' })) } } }),
      DescribeDatabases: (p) => {
        const page = Number(p.get('PageNumber'));
        asked.push({ page, at: Date.now() });
        return { delayMs: 200, body: { Databases: { Database: names.slice((page - 1) * 100, page * 100).map((DBName) => ({ DBName, DBStatus: 'Running' })) } } };
      },
    }),
  );
  try {
    const r = await pull(api.endpoint);
    assert.is(r.status, 0, r.stderr);
    assert.equal(asked.map((a) => a.page).sort((a, b) => a - b), [1, 2, 3, 4, 5], 'page 5 is the short one: nothing asked past it');
    const first = asked.find((a) => a.page === 1)!.at;
    const rest = asked.filter((a) => a.page > 1).map((a) => a.at);
    assert.ok(Math.min(...rest) - first >= 190, 'pages 2-5 after page 1 answered');
    assert.ok(Math.max(...rest) - Math.min(...rest) < 150, `pages 2-5 in one round: asked over ${Math.max(...rest) - Math.min(...rest)} ms`);
    assert.is(JSON.parse(r.stdout).current.Databases.length, 450);
  } finally {
    await api.close();
  }
});

test.run();
