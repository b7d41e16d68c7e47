// The cross-region example as `npm run demo` runs it, through the built CLI: fmt --check, lint,
// plan, compile and apply --sandbox (with the contract check on) of
// examples/cross-region-2026-11-20.restore; the backup-set form of the same restore; and a time
// the cross-region window does not cover, which lint reports and apply refuses to send.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.ts';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { assertNoViolations } from '../helpers/contract.ts';

const NAME = 'cross-region-2026-11-20';
const SPEC = readFileSync(`examples/${NAME}.restore`, 'utf8');

/** A temp folder with the example under `file` (and its snapshot beside it). */
function workspace(file = NAME, spec = SPEC): string {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-cross-'));
  writeFileSync(join(dir, `${file}.restore`), spec);
  copyFileSync(`examples/${NAME}.inventory.json`, join(dir, `${file}.inventory.json`));
  return dir;
}

const STRICT = { RESTOREC_SANDBOX_CHECK_CONTRACT: '1' };

test('the example: formatted, lints clean, plans and compiles to RestoreDdrTable, applies against the sandbox', async () => {
  const dir = workspace();
  const file = `${NAME}.restore`;
  const fmt = await cli(['fmt', '--check', file], {}, dir);
  assert.is(fmt.status, 0, fmt.stdout + fmt.stderr);
  const lint = await cli(['lint', file], {}, dir);
  assert.is(lint.status, 0, lint.stdout + lint.stderr);
  assert.is(lint.stdout, '', 'no problem at all');
  const plan = await cli(['plan', file], {}, dir);
  assert.is(plan.status, 0, plan.stderr);
  assert.match(plan.stdout, /source {4}point in time 2026-11-20T03:15:00Z of rm-bp1srcprodxxxxxxx in region cn-hangzhou\n/);
  assert.match(plan.stdout, /operation RestoreDdrTable, RestoreType 1 \(a cross-region point in time\)/);
  assert.match(plan.stdout, /table orders -> orders/);
  const md = await cli(['plan', '--format', 'markdown', file], {}, dir);
  assert.match(md.stdout, /- \*\*Source:\*\* point in time `2026-11-20T03:15:00Z` of `rm-bp1srcprodxxxxxxx` in region `cn-hangzhou`/);
  const json = await cli(['plan', '--format', 'json', file], {}, dir);
  const doc = JSON.parse(json.stdout)[0];
  assert.equal([doc.operation, doc.source], ['RestoreDdrTable', { restoreTime: '2026-11-20T03:15:00Z', crossRegion: { region: 'cn-hangzhou', instanceId: 'rm-bp1srcprodxxxxxxx' } }]);
  const compile = await cli(['compile', file], {}, dir);
  assert.is(compile.status, 0, compile.stderr);
  const [req] = JSON.parse(compile.stdout) as Record<string, string>[];
  assert.equal([req!['RestoreType'], req!['RestoreTime'], req!['SourceRegion'], req!['SourceDBInstanceName'], req!['BackupId']], ['1', '2026-11-20T03:15:00Z', 'cn-hangzhou', 'rm-bp1srcprodxxxxxxx', undefined]);
  assert.match(req!['ClientToken']!, /^rc-[0-9a-f]{40}$/);

  const apply = await cli(['apply', '--sandbox', '--yes', '--wait', '--poll-ms', '50', file], STRICT, dir);
  assert.is(apply.status, 0, apply.stderr);
  assert.match(apply.stderr, /request 1\/1: sending RestoreDdrTable/);
  assert.match(apply.stderr, /evidence: DescribeHistoryTasks: task t-\d+ \(RestoreDdrTable\) Succeed/);
  assert.not.match(apply.stderr, /contract violation/);
  assert.match(apply.stdout, /operation RestoreDdrTable/);
});

test('the same restore from the cross-region backup set: RestoreType 0 with the CrossBackupId alone', async () => {
  const spec = SPEC.replace('at 2026-11-20T03:15:00Z # or: from cross-region backup 12490231', 'from cross-region backup 12490231');
  const dir = workspace('from-set', spec);
  const compile = await cli(['compile', 'from-set.restore'], {}, dir);
  assert.is(compile.status, 0, compile.stderr);
  const [req] = JSON.parse(compile.stdout) as Record<string, string>[];
  assert.equal(Object.keys(req!), ['DBInstanceId', 'TableMeta', 'RestoreType', 'BackupId', 'ClientToken']);
  assert.equal([req!['RestoreType'], req!['BackupId']], ['0', '12490231']);
  const apply = await cli(['apply', '--sandbox', '--yes', '--wait', '--poll-ms', '50', 'from-set.restore'], STRICT, dir);
  assert.is(apply.status, 0, apply.stderr);
  assert.match(apply.stderr, /done: restored/);
  assert.not.match(apply.stderr, /contract violation/);
});

test('a time after the copied logs: lint says which rule, apply sends nothing', async () => {
  const dir = workspace('late', SPEC.replace('at 2026-11-20T03:15:00Z', 'at 2026-11-20T03:55:00Z'));
  const lint = await cli(['lint', 'late.restore'], {}, dir);
  assert.is(lint.status, 1, lint.stdout);
  assert.match(lint.stdout, /6:4 +error +the restore time 2026-11-20T03:55:00Z is after the cross-region recovery window of instance rm-bp1srcprodxxxxxxx .*cross-region-time-window/);
  const apply = await cli(['apply', '--sandbox', '--yes', 'late.restore'], STRICT, dir);
  assert.is(apply.status, 1, apply.stderr);
  assert.match(apply.stderr, /cross-region-time-window/);
  assert.match(apply.stderr, /nothing applied/);
  assert.not.match(apply.stderr, /sending RestoreDdrTable/);
});

test('a cross-region spec without the source in its snapshot: compile says how to take one', async () => {
  const dir = workspace();
  const snap = JSON.parse(readFileSync(join(dir, `${NAME}.inventory.json`), 'utf8'));
  delete snap.crossRegion;
  writeFileSync(join(dir, `${NAME}.inventory.json`), JSON.stringify(snap));
  const r = await cli(['compile', `${NAME}.restore`], {}, dir);
  assert.is(r.status, 1);
  assert.match(r.stderr, /inventory\/no-contents/);
  assert.match(r.stderr, /restorec inventory pull --instance rm-uf6drstandbyxxxxx --from-region cn-hangzhou --from-instance rm-bp1srcprodxxxxxxx/);
});

test('a saved cross-region plan is applied exactly, and refused when the set a time starts from changed', async () => {
  const seed = JSON.parse(readFileSync(`examples/${NAME}.inventory.json`, 'utf8')) as Inventory;
  const sb = await startSandbox({ inventories: [seed], checkContract: true, behaviour: { restoreDurationMs: 100 } });
  try {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint };
    const dir = mkdtempSync(join(tmpdir(), 'restorec-cross-plan-'));
    writeFileSync(join(dir, 'dr.restore'), SPEC);
    const plan = await cli(['plan', 'dr.restore', '--out', 'dr.plan.json'], env, dir);
    assert.is(plan.status, 0, plan.stderr);
    const saved = JSON.parse(readFileSync(join(dir, 'dr.plan.json'), 'utf8'));
    assert.equal(saved.source, { restoreTime: '2026-11-20T03:15:00Z', crossRegion: { region: 'cn-hangzhou', instanceId: 'rm-bp1srcprodxxxxxxx' } });
    assert.match(saved.facts['cross-region backup'], /^12490231: BackupSetStatus 0, restores to cn-shanghai$/);
    assert.is(saved.facts['cross-region recovery window'], '2026-11-19T18:41:02Z to 2026-11-20T03:51:20Z (set 12490231)');

    // A newer set before the time, with one more order_items table: the time now starts from it.
    const x = sb.state.crossSources.get('rm-bp1srcprodxxxxxxx')!;
    x.backups!.push({ ...x.backups![1]!, CrossBackupId: '12490300', ConsistentTime: '2026-11-20T01:00:00Z' });
    x.contents.push({ BackupId: '12490300', Databases: x.contents[1]!.Databases.map((d) => ({ ...d, Tables: d.Database === 'shop' ? [...d.Tables, 'order_items_2027'] : d.Tables })) });
    x.recoveryWindow = { CrossBackupId: '12490300', RecoveryBeginTime: '2026-11-20T01:00:00Z', RecoveryEndTime: '2026-11-20T03:51:20Z' };
    const refused = await cli(['apply', '--yes', 'dr.plan.json'], env, dir);
    assert.is(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /the requests would differ from the saved ones; nothing applied/);
    assert.match(refused.stderr, /request 1: TableMeta changed/);
    assert.match(refused.stderr, /changed: cross-region backup: 12490231: BackupSetStatus 0, restores to cn-shanghai -> 12490300: BackupSetStatus 0, restores to cn-shanghai/);
    assert.match(refused.stderr, /changed: cross-region recovery window: .*\(set 12490231\) -> .*\(set 12490300\)/);
    assert.is(sb.control.calls().counts['RestoreDdrTable'], undefined);

    // Back as it was: the saved requests are applied, exactly.
    x.backups!.pop();
    x.contents.pop();
    x.recoveryWindow = seed.crossRegion!.recoveryWindow!;
    const apply = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', 'dr.plan.json'], env, dir);
    assert.is(apply.status, 0, apply.stderr);
    assert.ok(apply.stdout.includes(saved.requests[0].ClientToken), 'the saved ClientToken is the one applied');
    assertNoViolations(sb);
  } finally {
    await sb.close();
  }
});

test.run();
