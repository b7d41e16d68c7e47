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

test('compile takes the fast path with its number and choice options, and leaves bad values to yargs', () => {
  const compile = findCommand('compile')!;
  const got = parseFast(compile, ['compile', '-i', 'inv.json', '--max-entries', '20', '--whole-db', 'db-entry', 'a.restore']);
  assert.ok(got);
  assert.equal([got!['files'], got!['inventory'], got!['max-entries'], got!['whole-db']], [['a.restore'], 'inv.json', 20, 'db-entry']);
  assert.is(parseFast(compile, ['compile', '--whole-db', 'everything', 'a.restore']), undefined);
  assert.is(parseFast(compile, ['compile', '--max-entries', 'lots', 'a.restore']), undefined);
  assert.is(parseFast(compile, ['compile']), undefined);
});

test('lint takes the fast path with dashed options', () => {
  const got = parseFast(findCommand('lint')!, ['lint', '--max-warnings', '0', '--format', 'json', '-o', 'out.json', 'a.restore']);
  assert.ok(got);
  assert.equal([got!['max-warnings'], got!['format'], got!['output-file'], got!['live']], [0, 'json', 'out.json', true]);
  assert.is(parseFast(findCommand('lint')!, ['lint', '--no-live', 'a.restore'])?.['live'], false);
});

test('commands without a fast path always use yargs', () => {
  assert.is(parseFast(findCommand('grammar')!, ['grammar']), undefined);
});

test.run();
