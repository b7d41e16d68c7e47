// `restorec apply FILE.json` first asks whether FILE is a saved plan (looksLikePlan): it reads
// the first bytes of a regular file only. It read the whole file for them (a 3 GB `.json` went
// into memory, and past 2 GiB the answer was "not a plan"), and a FIFO named `.json` with no
// writer blocked it for good. A plan over its limit was then parsed as empty ("Unexpected end of
// JSON input"); it is refused unread, in the words the other readers use.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikePlan } from '../../src/cli/saved-plan.ts';
import { restorec, tempDir } from '../helpers/cli.ts';

const dir = tempDir();

test('a JSON object is a plan, by its first characters; anything else is a spec', () => {
  const cases: [string, string, boolean][] = [
    ['plan.json', '{\n  "format": 1\n}\n', true],
    ['spaced.json', '  \n\t{"format":1}', true],
    ['bom.json', '\ufeff{"format":1}', true],
    ['array.json', '[1]', false],
    ['spec.json', 'instance rm-x\nfrom backup 1\nrestore db a\n', false],
    ['empty.json', '', false],
    ['plan.restore', '{"format":1}', false],
  ];
  for (const [name, text, expected] of cases) {
    writeFileSync(join(dir, name), text);
    assert.is(looksLikePlan(join(dir, name)), expected, name);
  }
  assert.is(looksLikePlan(join(dir, 'missing.json')), false);
  assert.is(looksLikePlan(dir + '/'), false, 'a directory');
});

test('a 3 GB file is asked by its first bytes, and refused as a plan too large to read', () => {
  const file = join(dir, 'huge.json');
  const fd = openSync(file, 'w');
  writeSync(fd, '{');
  closeSync(fd);
  truncateSync(file, 3 * 1024 * 1024 * 1024);
  assert.is(looksLikePlan(file), true);
  // And apply refuses it unread, as too large (it said "Unexpected end of JSON input").
  const r = restorec(['apply', '--yes', file]);
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, /huge\.json is 3221225472 bytes \(3072 MiB\); saved plans larger than 256 MiB are refused unread/);
});

test('a FIFO named .json is left to the spec reader, not opened', () => {
  const fifo = join(dir, 'pipe.json');
  assert.is(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  // In a child, with a timeout: opening a FIFO with no writer waits for one.
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./src/cli/saved-plan.ts').then((m) => console.log(m.looksLikePlan(${JSON.stringify(fifo)})))`], { encoding: 'utf8', timeout: 20_000 });
  assert.is(r.signal, null, 'it did not wait for a writer');
  assert.is(r.stdout.trim(), 'false', r.stderr);
});

test.run();
