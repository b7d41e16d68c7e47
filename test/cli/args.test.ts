// The fast argument path accepts only what yargs would accept the same way; anything else
// falls back to yargs (undefined here).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findCommand } from '../../src/cli/commands.ts';
import { parseFast } from '../../src/cli/fast-args.ts';

const fmt = findCommand('fmt')!;
const cases: [string[], Record<string, unknown> | undefined][] = [
  [['fmt', 'a.restore'], { files: ['a.restore'], check: false, stdout: false }],
  [['fmt', '--check', 'a.restore', 'b.restore'], { files: ['a.restore', 'b.restore'], check: true, stdout: false }],
  [['fmt', 'a.restore', '--check'], { files: ['a.restore'], check: true, stdout: false }],
  [['fmt', '--stdout', '-'], { files: ['-'], check: false, stdout: true }],
  [['fmt', '--no-check', 'a.restore'], { files: ['a.restore'], check: false, stdout: false }],
  [['fmt', '--bogus', 'a.restore'], undefined],
  [['fmt', '-x', 'a.restore'], undefined],
];

for (const [argv, expected] of cases) {
  test(`fast path: ${argv.join(' ')}`, () => {
    const got = parseFast(fmt, argv);
    if (expected === undefined) assert.is(got, undefined);
    else {
      assert.ok(got);
      assert.equal({ files: got['files'], check: got['check'], stdout: got['stdout'] }, expected);
    }
  });
}

test('commands without a fast path always use yargs', () => {
  assert.is(parseFast(findCommand('grammar')!, ['grammar']), undefined);
});

test.run();
