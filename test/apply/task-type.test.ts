// The TaskType DescribeHistoryTasks gives a table restore is UNCONFIRMED, so apply matches it by a
// pattern (--restore-task-type, RESTOREC_RESTORE_TASK_TYPE; default restore|recover). A restore
// listed under another TaskType is found by the default; a pattern that matches nothing leaves
// the outcome unconfirmed (exit 1), never reported done.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
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

test.run();
