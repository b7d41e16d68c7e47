// Hostile inputs through the built CLI: time and memory stay bounded whatever the input, and
// every refusal is a message with what to do, never a stack trace. (Issue 10, findings 6 and 8.)
// The timeouts only catch a hang (the old code ran for minutes); speed is measured in bench/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';

const HANG_MS = 60_000;
const H = 'instance rm-x\nfrom backup 1\n';

test('fmt --check on 1 MiB of unclosed blocks answers at once, with the first errors and a summary', () => {
  const dir = tempDir();
  const file = join(dir, 'blocks.restore');
  const line = 'restore db shop < table x\n';
  writeFileSync(file, H + line.repeat(Math.floor((1024 * 1024 - H.length) / line.length)));
  const r = restorec(['fmt', '--check', file], { timeout: HANG_MS });
  assert.is(r.signal, null, 'killed: fmt --check did not finish');
  assert.is(r.status, 2);
  assert.match(r.stderr, /blocks\.restore:4:1 error expected `>` to close the table block, found `restore`/);
  assert.match(r.stderr, /at least \d+ more problems in this file are not shown; reading stopped at line 303 after 300 syntax errors/);
  assert.not.ok(hasStackTrace(r.stderr));
});

test.run();
