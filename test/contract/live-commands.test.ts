// Every live command against a strict endpoint: the built CLI (real pop-core client) against a
// sandbox that refuses what the API gateway refuses and records every request or answer that
// breaks the contract. The seed is large enough to page every listing (over 100 backups,
// databases, history tasks and databases in a backup), the sandbox throttles and fails some
// calls (retries), and the specs cover a single request, a split series and a time outside the
// recovery window. The run must end with no contract violation, and every operation restorec
// uses must have been called.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot, type BackupContents, type Inventory } from '../../src/compiler/index.ts';
import { cli } from '../apply/helpers.ts';
import { assertNoViolations, restores, withStrictSandbox } from '../helpers/contract.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ID = 'rm-contract000000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const minute = (ms: number) => utc(ms).slice(0, 16) + 'Z';
const pad = (n: number, w = 3) => String(n).padStart(w, '0');

function seed(now: number): Inventory {
  const dbs = Array.from({ length: 105 }, (_, i) => ({ Database: `db${pad(i)}`, Size: 64, Tables: ['a', 'b', 'c'] }));
  const databases = [...dbs, { Database: 'shop', Size: 2048, Tables: ['customers', 'orders'] }, { Database: 'big', Size: 4096, Tables: Array.from({ length: 120 }, (_, i) => `t${pad(i)}`) }];
  const at = (ms: number): BackupContents => ({ RestoreTime: utc(ms), Databases: databases });
  return {
    version: 1,
    instance: { DBInstanceId: ID, RegionId: 'cn-hangzhou', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', ReadOnlyDBInstanceIds: [], DBInstanceStorage: 500, DBInstanceDiskUsed: 10 * 1024 ** 3, lower_case_table_names: 1 },
    backupPolicy: { EnableBackupLog: '1', LogBackupRetentionPeriod: 7, BackupRetentionPeriod: 7, CompressType: '4' },
    recoveryWindow: { RecoveryBeginTime: utc(now - 7 * DAY), RecoveryEndTime: utc(now - 60_000) },
    backups: Array.from({ length: 130 }, (_, i) => ({ BackupId: String(5000 + i), BackupStatus: 'Success', MetaStatus: 'OK' as const, BackupStartTime: minute(now - (130 - i) * 4 * HOUR), BackupEndTime: minute(now - (130 - i) * 4 * HOUR + 600_000), BackupSize: 1024 ** 3 })),
    // Finished tasks of the last 25 days: DescribeHistoryTasks pages, and nothing blocks a restore.
    tasks: Array.from({ length: 130 }, (_, i) => ({ TaskId: `t-old-${pad(i)}`, TaskType: i % 2 ? 'CreateBackup' : 'ModifyParameter', Status: 'Succeed', StartTime: utc(now - 25 * DAY + i * 4 * HOUR) })),
    contents: [{ BackupId: '5129', Databases: databases }, at(now - 2 * HOUR)],
    current: { Databases: [...databases.map((d) => ({ DBName: d.Database, DBStatus: 'Running', Tables: d.Tables })), { DBName: 'extra', Tables: [] }] },
  };
}


test('pull, lint, plan, compile, apply, apply again and a split series: no request or answer breaks the contract', async () => {
  await withStrictSandbox(seed, 7, async (env, sb, now) => {
    const dir = mkdtempSync(join(tmpdir(), 'restorec-contract-'));
    const inTime = utc(now - 2 * HOUR);
    writeFileSync(join(dir, 'one.restore'), `instance ${ID}\nfrom backup 5129\n\nrestore db shop < table orders as orders_restored >\nrestore db db001 as db001_copy\n`);
    writeFileSync(join(dir, 'split.restore'), `instance ${ID}\nat ${inTime}\ninstant recovery\n\nrestore db big < table * as {name}_r >\n`);
    writeFileSync(join(dir, 'late.restore'), `instance ${ID}\nat ${utc(now - 10 * DAY)}\n\nrestore db shop < table orders as orders_old >\n`);

    const pull = await cli(['inventory', 'pull', '--instance', ID, '-o', 'newest.json'], env, dir);
    assert.is(pull.status, 0, pull.stderr);
    assert.match(pull.stderr, /newest usable backup, 5129/);
    const snap = loadSnapshot(readFileSync(join(dir, 'newest.json'), 'utf8'), 'newest.json');
    assert.ok(snap.ok, JSON.stringify(snap));
    if (snap.ok) {
      assert.is(snap.inventory.backups?.length, 130);
      assert.is(snap.inventory.current?.Databases.length, 108);
      assert.is(snap.inventory.contents[0]?.Databases.length, 107);
      assert.equal(snap.inventory.tasks, []);
    }
    const both = await cli(['inventory', 'pull', '--instance', ID, '--backup', '5129', '--at', inTime, '-o', 'both.json'], env, dir);
    assert.is(both.status, 0, both.stderr);
    // A backup the instance does not have: its first contents page, asked beside DescribeBackups,
    // is refused and dropped; the pull says why its contents are missing.
    const missing = await cli(['inventory', 'pull', '--instance', ID, '--backup', '4999', '-o', 'missing.json'], env, dir);
    assert.is(missing.status, 0, missing.stderr);
    assert.match(missing.stderr, /backup 4999 is not among the instance's backups: its contents are not read/);
    assert.equal((JSON.parse(readFileSync(join(dir, 'missing.json'), 'utf8')) as Inventory).contents, []);

    const lint = await cli(['lint', 'one.restore', 'split.restore'], env, dir);
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.not.match(lint.stderr, /skipped/);
    const plan = await cli(['plan', 'split.restore'], env, dir);
    assert.is(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /requests \(split: run one after another, in this order\):/);
    assert.match(plan.stdout, /restore   instant recovery \(fast table restore: InstantRecovery=true\)/);
    const compile = await cli(['compile', 'one.restore'], env, dir);
    assert.is(compile.status, 0, compile.stderr);
    assert.is((JSON.parse(compile.stdout) as unknown[]).length, 1);

    const metaCalls = () => sb.control.calls().counts['DescribeMetaList']?.calls ?? 0;
    const before = metaCalls();
    const late = await cli(['lint', 'late.restore'], env, dir);
    assert.is(late.status, 1, late.stdout);
    assert.match(late.stdout, /2:4 +error +the restore time .* is before the recovery window .*restore-time-window/);
    assert.not.match(late.stdout, /does not list the databases/);
    const lateApply = await cli(['apply', '--yes', 'late.restore'], env, dir);
    assert.is(lateApply.status, 1, lateApply.stderr);
    assert.match(lateApply.stderr, /2:4 +error +the restore time .* is before the recovery window .*restore-time-window/);
    assert.match(lateApply.stderr, /nothing applied/);
    assert.is(metaCalls(), before, 'no DescribeMetaList for a time outside the window');

    const first = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'one.restore'], env, dir);
    assert.is(first.status, 0, first.stderr);
    assert.match(first.stderr, /evidence: DescribeHistoryTasks: task t-\d+ \(RestoreTable\) Succeed/);
    assert.is(restores(sb), 1);
    const again = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'one.restore'], env, dir);
    assert.is(again.status, 1, again.stderr);
    assert.is(restores(sb), 1, 'applying again restores nothing');

    const split = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'split.restore'], env, dir);
    assert.is(split.status, 0, split.stderr);
    assert.match(split.stderr, /request 3\/3: done: restored/);
    assert.is(restores(sb), 4);
    const big = sb.control.inventories()[0]!.current!.Databases.find((d) => d.DBName === 'big');
    assert.is(Array.isArray(big?.Tables) ? big.Tables.filter((t) => t.endsWith('_r')).length : 0, 120);

    assertNoViolations(sb, 'the live commands');
    const counts = sb.control.calls().counts;
    for (const op of ['DescribeDBInstanceAttribute', 'DescribeParameters', 'DescribeBackupPolicy', 'DescribeLocalAvailableRecoveryTime', 'DescribeBackups', 'DescribeMetaList', 'DescribeDatabases', 'DescribeHistoryTasks', 'RestoreTable']) {
      assert.ok((counts[op]?.ok ?? 0) > 0, `${op} was called`);
    }
    // Retries happened (the faults) and were within the contract too.
    assert.ok(Object.values(counts).some((c) => Object.keys(c.faults).length > 0));
  });
});

test('apply --sandbox with RESTOREC_SANDBOX_CHECK_CONTRACT=1: the whole pipeline keeps to the contract', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-contract-'));
  for (const f of ['incident-2026-11-20.restore', 'incident-2026-11-20.inventory.json']) writeFileSync(join(dir, f), readFileSync(join('examples', f)));
  const r = await cli(['apply', '--sandbox', '--yes', '--wait', '--poll-ms', '50', 'incident-2026-11-20.restore'], { RESTOREC_SANDBOX_CHECK_CONTRACT: '1' }, dir);
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stderr, /contract violation/);
  assert.match(r.stderr, /applied; \d+ API calls/);
});

test.run();
