// The test command must be honest: a failing suite hook fails the run, and the last line is
// `N passed, N failed` for CI to read.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';

function runOn(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/run-tests.mjs'], {
    env: { ...process.env, RESTOREC_TEST_DIR: `test/fixtures/runner/${dir}` },
    encoding: 'utf8',
  });
  const lines = r.stdout.trim().split('\n');
  return { status: r.status, last: lines[lines.length - 1], out: r.stdout };
}

test('a throwing before-hook fails the run even though uvu may exit 0', () => {
  const r = runOn('hook-fails');
  assert.is(r.status, 1, r.out);
  assert.match(r.last ?? '', /^0 passed, 1 failed$/);
});

test('passing files pass, and the last line counts them', () => {
  const r = runOn('all-pass');
  assert.is(r.status, 0, r.out);
  assert.is(r.last, '2 passed, 0 failed');
});

test.run();
