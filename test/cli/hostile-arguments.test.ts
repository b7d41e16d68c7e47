// Smaller findings of the fuzzing pass, each through the command a user runs (issue 10,
// findings 15 and 17): times far from now, numbers that are not numbers, files named twice,
// empty directories, symlink loops, names that are not what they look like.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';
import { baseInventory, HEADER } from '../helpers/rule-tester.ts';

const H = HEADER;

/** A spec beside a complete snapshot (test/helpers/rule-tester.ts) whose backup holds `dbs`. */
function workspace(spec: string, dbs: Record<string, string[]> = { shop: ['orders'] }): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), spec);
  const inventory = baseInventory();
  inventory.contents[0]!.Databases = Object.entries(dbs).map(([Database, Tables]) => ({ Database, Size: 1024, Tables }));
  writeFileSync(join(dir, 'a.inventory.json'), JSON.stringify(inventory));
  return dir;
}

test('at 0050-06-01T12:00:00Z is the year 50, not 1950', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), 'instance rm-test\nat 0050-06-01T12:00:00Z\nrestore db shop\n');
  const r = restorec(['parse', '--spans', join(dir, 'a.restore')]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /"utc": "0050-06-01T12:00:00Z"/);
});

test('times the API form cannot hold, and offsets no clock uses, are errors with positions', () => {
  for (const [at, said] of [
    ['9999-12-31T23:59:59-12:00', /after the year 9999 in UTC/],
    ['2026-11-20T03:15:00+14:59', /offsets in use run from -12:00 to \+14:00/],
    ['2026-11-20T03:15:00-14:59', /offsets in use run from -12:00 to \+14:00/],
    ['2026-11-20T03:15:00+8', /write `\+08:00`/],
  ] as const) {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.restore'), `instance rm-test\nat ${at}\nrestore db shop\n`);
    const r = restorec(['parse', join(dir, 'a.restore')]);
    assert.is(r.status, 2, at);
    assert.match(r.stderr, new RegExp(`a\\.restore:2:4 error .*${said.source}`), at);
  }
});

test('--max-warnings abc or 1e400 is a usage error, not a gate switched off', () => {
  const dir = workspace(H + 'restore db shop < table * as {name}_r >\n', { shop: ['orders', '#sql-1'] });
  assert.is(restorec(['lint', '--max-warnings', '0', 'a.restore'], { cwd: dir }).status, 1, 'the gate works');
  for (const v of ['abc', '1e400', '-2', '1.5']) {
    const r = restorec(['lint', '--max-warnings', v, 'a.restore'], { cwd: dir });
    assert.is(r.status, 2, `${v}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /--max-warnings must be a whole number of warnings/, v);
  }
});

test('a file named twice is linted once, not reported as a duplicate of itself', () => {
  const dir = workspace(H + 'restore db shop as shop_r\n');
  mkdirSync(join(dir, 'sub'));
  symlinkSync('../a.restore', join(dir, 'sub', 'link.restore'));
  symlinkSync('.', join(dir, 'here'));
  for (const args of [['a.restore', 'a.restore'], ['a.restore', './a.restore'], ['.', 'a.restore'], ['a.restore', 'sub/link.restore'], ['here/a.restore', 'a.restore']]) {
    const r = restorec(['lint', '-f', 'json', ...args], { cwd: dir });
    assert.is(r.status, 0, `${args.join(' ')}: ${r.stdout}`);
    assert.is((JSON.parse(r.stdout) as unknown[]).length, 1, args.join(' '));
  }
});

test('a directory that links back into itself is read once: two links to `.` ran for good', () => {
  // Node's recursive readdirSync follows a link to a directory to the kernel's 40 levels: with
  // `x -> .` lint exited 2 (ELOOP), with `x -> .` and `y -> .` it read 2^40 paths.
  const dir = tempDir();
  const spec = H + 'restore db shop as shop_r\n';
  writeFileSync(join(dir, 'a.restore'), spec);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.restore'), spec.replace('shop_r', 'shop_b'));
  symlinkSync('.', join(dir, 'x'));
  symlinkSync('.', join(dir, 'y'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  // A link to a directory of the tree ("alias"), sorted before it: the files keep their real path.
  symlinkSync('sub', join(dir, 'alias'));
  // Outside the tree: followed. node_modules: not read.
  const outside = tempDir();
  writeFileSync(join(outside, 'c.restore'), spec.replace('shop_r', 'shop_c'));
  symlinkSync(outside, join(dir, 'shared'));
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'd.restore'), 'not a spec');
  for (const cmd of ['fmt', 'lint', 'parse']) {
    const r = restorec([cmd, ...(cmd === 'fmt' ? ['--check'] : cmd === 'lint' ? ['-f', 'json'] : []), '.'], { cwd: dir, timeout: 30_000 });
    assert.is(r.signal, null, `${cmd} ran past 30 s`);
    assert.is(r.status, 0, `${cmd}: ${r.stdout}${r.stderr}`);
    if (cmd === 'lint') assert.equal((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath), ['a.restore', 'shared/c.restore', 'sub/b.restore']);
  }
});

test('a directory without specs: parse exits 2 as lint, compile and fmt do', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'empty'));
  for (const cmd of ['parse', 'lint', 'compile', 'fmt']) {
    const r = restorec([cmd, join(dir, 'empty')]);
    assert.is(r.status, 2, cmd);
    assert.match(r.stderr, /no \.restore files found in/, cmd);
  }
});

test('a symlink loop is named as one, not as a missing file', () => {
  const dir = tempDir();
  symlinkSync('b.restore', join(dir, 'a.restore'));
  symlinkSync('a.restore', join(dir, 'b.restore'));
  for (const cmd of ['fmt', 'parse', 'lint']) {
    const r = restorec([cmd, join(dir, 'a.restore')]);
    assert.is(r.status, 2, cmd);
    assert.match(r.stderr, /too many levels of symbolic links \(a symlink loop\?\)/, cmd);
    assert.not.match(r.stderr, /no such file/, cmd);
  }
});

test('restore db 2026-11-20 1 is two names (an error at the second), not one holding a space', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), H + 'restore db 2026-11-20 1\nrestore db 2026-11-20 01:00\n');
  const r = restorec(['parse', join(dir, 'a.restore')]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /a\.restore:3:23 error expected a statement .* found `1`/);
  assert.match(r.stderr, /a\.restore:4:12 error `2026-11-20 01:00` is read as one name holding a space/);
});

test('names with invisible, bidi or control characters, `.`, `:` or `+` get a warning at their position', () => {
  const names = { 'a\u202eb': 'U+202E', 'z\u200bw': 'U+200B', 'a.b': '`.`', 't:1': '`:`', 'x+y': '`+`' };
  const dir = workspace(H + Object.keys(names).map((n) => `restore db shop < table \`${n}\` as \`${n}_r\` >`).join('\n') + '\nrestore db shop < table o* as {name}_r >\n', { shop: [...Object.keys(names), 'o\u2066x'] });
  const r = restorec(['lint', 'a.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stdout);
  Object.values(names).forEach((what, i) => {
    assert.match(r.stdout, new RegExp(`\\n {2}${i + 3}:25 {2}warning {2}the table name \`[^\`]+\` holds ${what.replace(/[+.]/g, '\\$&')}`), what);
    assert.match(r.stdout, new RegExp(`\\n {2}${i + 3}:\\d+ {2}warning {2}the target table name`), `${what} in the target`);
  });
  assert.match(r.stdout, /the table pattern `o\*` also matches `o\\u2066x` \(which holds U\+2066/);
  assert.not.match(r.stdout, /[\u202e\u200b\u2066]/, 'an invisible character printed raw');
  const plan = restorec(['plan', 'a.restore'], { cwd: dir });
  assert.not.match(plan.stdout, /[\u202e\u200b\u2066]/, 'the plan shows them escaped');
  assert.match(plan.stdout, /a\\u202eb/);
});

test('the sandbox refuses --restore-ms -5 and --random-seed abc', () => {
  for (const args of [['--restore-ms', '-5'], ['--restore-ms', 'abc'], ['--random-seed', 'abc'], ['--random-seed', '1.5']]) {
    const r = restorec(['sandbox', '--seed', 'examples/seed-backup-set.inventory.json', ...args], { timeout: 20_000 });
    assert.is(r.signal, null, `${args.join(' ')}: it started instead`);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.stderr, args[0] === '--restore-ms' ? /--restore-ms must be a duration of 0 or more milliseconds/ : /--random-seed must be a whole number/);
    assert.not.ok(hasStackTrace(r.stderr));
  }
});

test.run();
