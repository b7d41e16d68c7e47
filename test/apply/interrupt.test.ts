// Ctrl-C (or a CI job cancelled) during `restorec apply --wait` stops restorec, not the restore
// RDS accepted: the built CLI says which restore keeps running and what to do before applying
// again, and exits 130 (SIGINT) or 143 (SIGTERM). Against an in-process sandbox.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Inventory } from '../../src/compiler/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { workspace } from './helpers.ts';

const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} while waiting: the accepted restore is named as still running, exit ${code}`, async () => {
    const sb = await startSandbox({ inventories: [seed()], credentials: [{ accessKeyId: 'K', accessKeySecret: 'S3cret-never-print-me' }], behaviour: { restoreDurationMs: 60_000 } });
    try {
      const dir = workspace();
      renameSync(join(dir, 'seed-backup-set.inventory.json'), join(dir, 'seed.json'));
      const child = spawn(process.execPath, [join(process.cwd(), 'bin/restorec.cjs'), 'apply', '--yes', '--wait', '--poll-ms', '100', 'seed-backup-set.restore'], {
        cwd: dir,
        env: { PATH: process.env['PATH'] ?? '', HOME: mkdtempSync(join(tmpdir(), 'restorec-home-')), NO_COLOR: '1', ALIBABA_CLOUD_ACCESS_KEY_ID: 'K', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'S3cret-never-print-me', RESTOREC_ENDPOINT: sb.endpoint },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const accepted = new Promise<void>((resolve) =>
        child.stderr.on('data', (d) => {
          stderr += d;
          if (/accepted .*restore task/.test(stderr)) resolve();
        }),
      );
      const closed = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
      await Promise.race([accepted, closed]);
      child.kill(signal);
      const status = await closed;
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

test.run();
