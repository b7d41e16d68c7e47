// The TaskType DescribeHistoryTasks gives a table restore is UNCONFIRMED, so apply matches it by a
// pattern (--restore-task-type, RESTOREC_RESTORE_TASK_TYPE; default restore|recover). A restore
// listed under another TaskType is found by the default; a pattern that matches nothing leaves
// the outcome unconfirmed (exit 1), never reported done. The same holds for RestoreDdrTable.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { cli, workspace } from './helpers.ts';
import { assertNoViolations } from '../helpers/contract.ts';

const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;

async function applyWith(args: string[], extraEnv: Record<string, string> = {}) {
  const sb = await startSandbox({ inventories: [seed()], checkContract: true, behaviour: { restoreDurationMs: 200, restoreTaskType: 'tbl_recover_job' } });
  try {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint, ...extraEnv };
    const r = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', ...args, 'seed-backup-set.restore'], env, workspace());
    assertNoViolations(sb);
    return { r, restores: (sb.control.describe()['tasks'] as unknown[]).length };
  } finally {
    await sb.close();
  }
}

test('the default pattern finds a restore listed as tbl_recover_job and follows it to Succeed', async () => {
  const { r, restores } = await applyWith([]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /evidence: DescribeHistoryTasks: task t-\d+ \(tbl_recover_job\) Succeed/);
  assert.is(restores, 1);
});

test('a pattern that matches nothing: unconfirmed, exit 1, and the message says how to fix it', async () => {
  const { r, restores } = await applyWith(['--restore-task-type', '^RestoreTable$']);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stderr, /no new task whose TaskType matches \/\^RestoreTable\$\/i/);
  assert.match(r.stderr, /pass --restore-task-type PATTERN/);
  assert.is(restores, 1, 'the restore itself was sent once');
});

test('the environment variable sets the pattern; a bad one is a usage error', async () => {
  const env = await applyWith([], { RESTOREC_RESTORE_TASK_TYPE: 'tbl_recover' });
  assert.is(env.r.status, 0, env.r.stderr);
  const bad = await cli(['apply', '--yes', '--restore-task-type', '(', 'x.restore']);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /--restore-task-type: not a regular expression/);
});

test('a cross-region restore (RestoreDdrTable) is found by the same pattern; one it misses stays unconfirmed', async () => {
  const cross = JSON.parse(readFileSync('examples/cross-region-2026-11-20.inventory.json', 'utf8')) as Inventory;
  const run = async (taskType: string, args: string[]) => {
    const sb = await startSandbox({ inventories: [cross], checkContract: true, behaviour: { restoreDurationMs: 200, crossRegionRestoreTaskType: taskType } });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'restorec-ddr-task-'));
      copyFileSync('examples/cross-region-2026-11-20.restore', join(dir, 'dr.restore'));
      const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint };
      const r = await cli(['apply', '--yes', '--wait', '--poll-ms', '50', ...args, 'dr.restore'], env, dir);
      assertNoViolations(sb);
      return r;
    } finally {
      await sb.close();
    }
  };
  const found = await run('ddr_table_recover', []);
  assert.is(found.status, 0, found.stderr);
  assert.match(found.stderr, /evidence: DescribeHistoryTasks: task t-\d+ \(ddr_table_recover\) Succeed/);
  const missed = await run('DdrJob', []);
  assert.is(missed.status, 1, missed.stderr);
  assert.match(missed.stderr, /RestoreDdrTable answered, but DescribeHistoryTasks showed no new task whose TaskType matches \/restore\|recover\/i/);
  const configured = await run('DdrJob', ['--restore-task-type', 'restore|recover|^DdrJob$']);
  assert.is(configured.status, 0, configured.stderr);
});

test.run();
