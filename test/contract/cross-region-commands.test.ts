// Every live command on a cross-region spec against a strict endpoint: the built CLI (real
// pop-core client) against a sandbox that refuses what the gateway refuses and records every
// request or answer that breaks the contract. The seed pages every cross-region listing (130
// cross-region backups, 107 databases in a set), the sandbox throttles and fails some calls, and
// the specs cover a backup set applied twice, a point in time split into a series, and a time
// outside the cross-region window. The run must end with no violation, every cross-region
// operation called.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot, type ContentDatabase, type Inventory } from '../../src/compiler/index.ts';
import { cli } from '../apply/helpers.ts';
import { assertNoViolations, restores, withStrictSandbox } from '../helpers/contract.ts';

const ID = 'rm-contractdr0000001';
const SRC = 'rm-contractsrc000001';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const pad = (n: number, w = 3) => String(n).padStart(w, '0');

function seed(now: number): Inventory {
  const databases: ContentDatabase[] = [
    ...Array.from({ length: 105 }, (_, i) => ({ Database: `db${pad(i)}`, Size: 64, Tables: ['a', 'b', 'c'] })),
    { Database: 'shop', Size: 2048, Tables: ['customers', 'orders'] },
    { Database: 'crm', Size: 512, Tables: ['leads'] },
  ];
  // 130 sets, one a day; the newest (13000129) is the base of a time two hours ago.
  const backups = Array.from({ length: 130 }, (_, i) => {
    const at = now - (130 - i) * DAY + 12 * HOUR;
    return { CrossBackupId: String(13000000 + i), BackupSetStatus: 0, CrossBackupRegion: 'cn-shanghai', BackupStartTime: utc(at - HOUR), BackupEndTime: utc(at), ConsistentTime: utc(at - 600_000), RestoreRegions: ['cn-shanghai'] };
  });
  const newest = backups[backups.length - 1]!;
  return {
    version: 1,
    instance: { DBInstanceId: ID, RegionId: 'cn-shanghai', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', ReadOnlyDBInstanceIds: [], DBInstanceStorage: 500, DBInstanceDiskUsed: 10 * 1024 ** 3, lower_case_table_names: 1 },
    backupPolicy: { EnableBackupLog: '1', LogBackupRetentionPeriod: 7, BackupRetentionPeriod: 7, CompressType: '4' },
    recoveryWindow: { RecoveryBeginTime: utc(now - 7 * DAY), RecoveryEndTime: utc(now - 60_000) },
    backups: [],
    tasks: [],
    contents: [],
    current: { Databases: [{ DBName: 'reporting', DBStatus: 'Running', Tables: ['daily'] }] },
    crossRegion: {
      DBInstanceId: SRC,
      RegionId: 'cn-hangzhou',
      backups,
      recoveryWindow: { CrossBackupId: newest.CrossBackupId, RecoveryBeginTime: newest.ConsistentTime, RecoveryEndTime: utc(now - 30 * 60_000) },
      contents: backups.slice(-2).map((b) => ({ BackupId: b.CrossBackupId, Databases: databases })),
    },
  };
}

const FROM = `from region cn-hangzhou instance ${SRC}`;

test('pull, lint, plan, compile, apply, apply again, a split series and a time outside the window: no request or answer breaks the contract', async () => {
  await withStrictSandbox(seed, 11, async (env, sb, now) => {
    const dir = mkdtempSync(join(tmpdir(), 'restorec-contract-cross-'));
    const inTime = utc(now - 2 * HOUR);
    writeFileSync(join(dir, 'set.restore'), `instance ${ID}\nfrom cross-region backup 13000128\n${FROM}\n\nrestore db shop\nrestore db crm as crm_dr\n`);
    writeFileSync(join(dir, 'split.restore'), `instance ${ID}\nat ${inTime}\n${FROM}\n\nrestore db db0* as {name}_dr\n`);
    writeFileSync(join(dir, 'late.restore'), `instance ${ID}\nat ${utc(now - 10 * 60_000)}\n${FROM}\n\nrestore db shop < table orders as orders_late >\n`);

    const pull = await cli(['inventory', 'pull', '--instance', ID, '--from-region', 'cn-hangzhou', '--from-instance', SRC, '--at', inTime, '--cross-backup', '13000128', '-o', 'cross.json'], env, dir);
    assert.is(pull.status, 0, pull.stderr);
    assert.match(pull.stderr, /cross-region source rm-contractsrc000001 \(cn-hangzhou\): 130 cross-region backups/);
    const snap = loadSnapshot(readFileSync(join(dir, 'cross.json'), 'utf8'), 'cross.json');
    assert.ok(snap.ok, JSON.stringify(snap));
    if (snap.ok) {
      const x = snap.inventory.crossRegion!;
      assert.is(x.backups?.length, 130);
      assert.equal(x.contents.map((c) => [c.BackupId, c.Databases.length]).sort(), [['13000128', 107], ['13000129', 107]]);
      assert.is(x.recoveryWindow?.CrossBackupId, '13000129');
      assert.equal(snap.inventory.contents, [], 'the instance\'s own backups are not listed for a cross-region pull');
    }
    // The snapshot pulled is what the offline commands read: lint the set spec against it.
    const offline = await cli(['lint', '--inventory', 'cross.json', 'set.restore'], env, dir);
    assert.is(offline.status, 0, offline.stdout + offline.stderr);

    const lint = await cli(['lint', 'set.restore', 'split.restore'], env, dir);
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.not.match(lint.stderr, /skipped/);
    const plan = await cli(['plan', 'split.restore'], env, dir);
    assert.is(plan.status, 0, plan.stderr);
    assert.match(plan.stdout, /operation RestoreDdrTable, RestoreType 1/);
    assert.match(plan.stdout, /requests \(split: run one after another, in this order\):/);
    const compile = await cli(['compile', 'set.restore'], env, dir);
    assert.is(compile.status, 0, compile.stderr);
    assert.is((JSON.parse(compile.stdout) as { RestoreType: string }[])[0]!.RestoreType, '0');

    const late = await cli(['lint', 'late.restore'], env, dir);
    assert.is(late.status, 1, late.stdout);
    assert.match(late.stdout, /2:4 +error +the restore time .* is after the cross-region recovery window .*cross-region-time-window/);
    const lateApply = await cli(['apply', '--yes', 'late.restore'], env, dir);
    assert.is(lateApply.status, 1, lateApply.stderr);
    assert.match(lateApply.stderr, /nothing applied/);
    assert.is(sb.control.calls().counts['RestoreDdrTable'], undefined, 'nothing sent for a time outside the window');

    const first = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'set.restore'], env, dir);
    assert.is(first.status, 0, first.stderr);
    assert.match(first.stderr, /evidence: DescribeHistoryTasks: task t-\d+ \(RestoreDdrTable\) Succeed/);
    assert.is(restores(sb), 1);
    const again = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'set.restore'], env, dir);
    assert.is(again.status, 1, again.stderr);
    assert.is(restores(sb), 1, 'applying again restores nothing');

    const split = await cli(['apply', '--yes', '--wait', '--poll-ms', '100', 'split.restore'], env, dir);
    assert.is(split.status, 0, split.stderr);
    const parts = Number(/request \d+\/(\d+): done/.exec(split.stderr)?.[1]);
    assert.ok(parts > 1, split.stderr);
    assert.match(split.stderr, new RegExp(`request ${parts}/${parts}: done: restored`));
    assert.is(restores(sb), 1 + parts);
    const dbs = sb.control.inventories()[0]!.current!.Databases;
    assert.is(dbs.filter((d) => /^db0\d\d_dr$/.test(d.DBName)).length, 100);

    assertNoViolations(sb, 'the cross-region live commands');
    const counts = sb.control.calls().counts;
    for (const op of ['DescribeCrossRegionBackups', 'DescribeCrossBackupMetaList', 'DescribeAvailableRecoveryTime', 'RestoreDdrTable']) assert.ok((counts[op]?.ok ?? 0) > 0, `${op} was called`);
    assert.ok((counts['DescribeCrossRegionBackups']?.ok ?? 0) >= 2, 'the backups were paged');
    assert.ok(Object.values(counts).some((c) => Object.keys(c.faults).length > 0), 'faults were injected and retried');
  });
});

test('apply --sandbox of the cross-region example with RESTOREC_SANDBOX_CHECK_CONTRACT=1 keeps to the contract', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-contract-cross-'));
  for (const f of ['cross-region-2026-11-20.restore', 'cross-region-2026-11-20.inventory.json']) writeFileSync(join(dir, f), readFileSync(join('examples', f)));
  const r = await cli(['apply', '--sandbox', '--yes', '--wait', '--poll-ms', '50', 'cross-region-2026-11-20.restore'], { RESTOREC_SANDBOX_CHECK_CONTRACT: '1' }, dir);
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stderr, /contract violation/);
  assert.match(r.stderr, /applied; \d+ API calls/);
});

test.run();
