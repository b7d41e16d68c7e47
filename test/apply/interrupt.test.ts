// Ctrl-C (or a CI job cancelled) during `restorec apply --wait` stops restorec, not the restore
// RDS accepted: the built CLI says which restore keeps running and what to do before applying
// again, and exits 130 (SIGINT) or 143 (SIGTERM). Against an in-process sandbox.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { workspace } from './helpers.ts';

const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;

/** Runs `restorec apply --wait` on `spec` in a workspace against `sb`, sends `signal` once `when` shows on stderr. */
async function interrupted(sb: Awaited<ReturnType<typeof startSandbox>>, signal: NodeJS.Signals, when: RegExp, spec = 'seed-backup-set.restore', extra: string[] = []): Promise<{ status: number | null; stderr: string }> {
  const dir = workspace();
  renameSync(join(dir, 'seed-backup-set.inventory.json'), join(dir, 'seed.json'));
  if (spec !== 'seed-backup-set.restore') writeFileSync(join(dir, 'two.restore'), spec);
  const child = spawn(process.execPath, [join(process.cwd(), 'bin/restorec.cjs'), 'apply', '--yes', '--wait', '--poll-ms', '100', ...extra, spec === 'seed-backup-set.restore' ? spec : 'two.restore'], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: mkdtempSync(join(tmpdir(), 'restorec-home-')), NO_COLOR: '1', ALIBABA_CLOUD_ACCESS_KEY_ID: 'K', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S3cret-never-print-me', RESTOREC_ENDPOINT: sb.endpoint },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const seen = new Promise<void>((resolve) =>
    child.stderr.on('data', (d) => {
      stderr += d;
      if (when.test(stderr)) resolve();
    }),
  );
  const closed = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  await Promise.race([seen, closed]);
  child.kill(signal);
  return { status: await closed, stderr };
}

const sandbox = (restoreDurationMs: number) => startSandbox({ inventories: [seed()], credentials: [{ accessKeyId: 'K', accessKeySecret: 'S3cret-never-print-me' }], behaviour: { restoreDurationMs } });

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} while waiting: the accepted restore is named as still running, exit ${code}`, async () => {
    const sb = await sandbox(60_000);
    try {
      const { status, stderr } = await interrupted(sb, signal, /accepted .*restore task/);
      assert.is(status, code, stderr);
      assert.match(stderr, new RegExp(`interrupted \\(${signal}\\): restorec stopped; RDS does not stop a restore it has accepted`));
      assert.match(stderr, /request 1\/1: restore task t-\d+ keeps running on the instance/);
      assert.match(stderr, /before applying again, let it end/);
      assert.not.ok(stderr.includes('S3cret-never-print-me'));
      assert.is((sb.control.describe()['tasks'] as unknown[]).length, 1, 'one restore, still running on the instance');
    } finally {
      await sb.close();
    }
  });
}

test('two requests: the one that ended is not named as running, the one running is', async () => {
  const sb = await sandbox(1_000);
  try {
    const spec = 'instance rm-uf6wjk5xxxxxxxxxx\nfrom backup 9026262\nrestore db testdb1 as a_new\nrestore db testdb2 as b_new\n';
    const { status, stderr } = await interrupted(sb, 'SIGINT', /request 2\/2: RestoreTable accepted .*restore task/, spec, ['--max-entries', '3']);
    assert.is(status, 130, stderr);
    assert.match(stderr, /request 1\/2: Succeed/);
    assert.match(stderr, /request 2\/2: restore task t-\d+ keeps running on the instance/);
    assert.not.match(stderr, /request 1\/2: restore task .* keeps running/);
  } finally {
    await sb.close();
  }
});

test.run();
