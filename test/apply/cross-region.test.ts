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

test.run();
