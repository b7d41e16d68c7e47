// The calls a pull makes, and when (the pull's time is its longest chain of round trips): the
// built CLI against a scripted endpoint that records each request as it arrives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli } from '../apply/helpers.ts';
import { scripted, startHostileApi } from '../helpers/hostile-api.ts';

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
  for (const meta of [{ status: 400, body: { Code: 'InvalidBackupSetID.NotFound', Message: 'not found' } }, undefined]) {
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

test('DescribeDatabases: 8 pages at once by default, one at a time with --concurrency 1', async () => {
  for (const [extra, pages] of [[[], 8], [['--concurrency', '1'], 1], [['--concurrency', '3'], 3]] as const) {
    const api = await startHostileApi(scripted(ID, {}));
    try {
      const r = await pull(api.endpoint, ...extra);
      assert.is(r.status, 0, r.stderr);
      assert.equal(api.requests.filter((q) => q.action === 'DescribeDatabases').map((q) => Number(q.params.get('PageNumber'))).sort((a, b) => a - b), Array.from({ length: pages }, (_, i) => i + 1), extra.join(' '));
      assert.equal(JSON.parse(r.stdout).current.Databases.map((d: { DBName: string }) => d.DBName), ['shop', 'crm']);
    } finally {
      await api.close();
    }
  }
});

test.run();
