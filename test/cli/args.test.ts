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

// The fast path must read every argument list it takes exactly as yargs does: run both on the
// same lists, catching what each would hand the command.
const agreement: string[][] = [
  ['inventory', 'pull', '--instance', 'rm-x', '--backup', '1', '-o', 'snap.json'],
  ['inventory', 'pull', '--instance', 'rm-x', '--backup', '1', '--backup', '2', '--at', '2026-11-20T10:00:00Z'],
  ['inventory', 'pull', '--instance', 'rm-x', '--backup', '1', '2'],
  ['inventory', 'pull', '--instance', 'rm-x', '--from-region', 'cn-beijing', '--from-instance', 'rm-y', '--cross-backup', '9', '--rate', '20', '--concurrency', '4'],
  ['apply', '--yes', '--wait', '--poll-ms', '100', 'a.restore', 'b.restore'],
  ['apply', '-y', '--sandbox', '--restore-task-type', 'restore', 'a.restore', '--region', 'cn-hangzhou', '--timeout', '5000'],
  ['lint', '--no-live', '--format', 'sarif', 'a.restore'],
  ['compile', '-i', 'inv.json', '--max-entries', '20', 'a.restore'],
];
for (const argv of agreement) {
  test(`fast path and yargs agree: ${argv.join(' ')}`, async () => {
    const spec = findCommand(argv[0])!;
    const fast = parseFast(spec, argv);
    assert.ok(fast, 'the fast path takes it');
    const run = spec.run;
    let viaYargs: Record<string, unknown> | undefined;
    spec.run = async (a) => {
      viaYargs = a;
      return 0;
    };
    try {
      const { runWithYargs } = await import('../../src/cli/yargs-cli.ts');
      await runWithYargs(argv);
    } finally {
      spec.run = run;
    }
    assert.ok(viaYargs, 'yargs ran the command');
    const keys = [...Object.keys(spec.options), ...(spec.positional ? [spec.positional.name] : [])];
    const pick = (a: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, a[k]]));
    assert.equal(pick(fast!), pick(viaYargs!));
  });
}

test('a repeatable option with no value is left to yargs', () => {
  assert.is(parseFast(findCommand('inventory')!, ['inventory', 'pull', '--backup']), undefined);
});

test('commands without a fast path always use yargs', () => {
  assert.is(parseFast(findCommand('grammar')!, ['grammar']), undefined);
});

test.run();
