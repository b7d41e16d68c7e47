// The confirmation prompt, on a real terminal: `script` (bsdutils, essential in Debian) runs the
// built CLI on a pseudo-terminal. Answering no, and Ctrl-C at the question, send nothing; Ctrl-C
// was reported as "internal error: Aborted with Ctrl+C ... a bug in restorec".
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from './helpers.ts';

/** Runs `restorec apply --sandbox` on a pseudo-terminal and types `keys` once it asks. */
function onTerminal(keys: string): Promise<{ status: number | null; out: string }> {
  const dir = workspace();
  renameSync(join(dir, 'seed-backup-set.inventory.json'), join(dir, 'seed.json'));
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(process.cwd(), 'bin/restorec.cjs'))} apply --sandbox --sandbox-seed seed.json seed-backup-set.restore; echo "exit=$?"`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', HOME: dir, NO_COLOR: '1', TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let typed = false;
  child.stdout.on('data', (d) => {
    out += d;
    if (!typed && out.includes('[y/N]')) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    }),
  );
}

test('Ctrl-C at the question: "interrupted: nothing applied", exit 130, no internal error', async () => {
  const r = await onTerminal('\u0003');
  assert.match(r.out, /\[y\/N\]/);
  assert.match(r.out, /restorec: interrupted: nothing applied/);
  assert.match(r.out, /exit=130/);
  assert.not.match(r.out, /internal error|a bug in restorec/);
  assert.not.match(r.out, /sending RestoreTable/);
});

test('answering no: "not applied", exit 1', async () => {
  const r = await onTerminal('n\r');
  assert.match(r.out, /restorec: not applied/);
  assert.match(r.out, /exit=1\b/);
  assert.not.match(r.out, /sending RestoreTable/);
});

test('answering yes applies', async () => {
  const r = await onTerminal('y\r');
  assert.match(r.out, /sending RestoreTable/);
  assert.match(r.out, /exit=0/);
});

test.run();
