// Every failure is a message: files that cannot be written, pipes closed early, and errors nobody
// expected all end in a sentence on stderr and a documented exit code, never a stack trace.
// fmt keeps files as users have them: symlinks, modes, hard links. (Issue 10, findings 11, 12.)
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';

const UGLY = 'INSTANCE rm-x FROM BACKUP 1\nrestore db shop < table a as b, table c >\n';
const PRETTY = 'instance rm-x\nfrom backup 1\nrestore db shop <\n  table a as b\n  table c\n>\n';

test('lint -o and grammar -o into a missing directory: a message, exit 2', () => {
  const lint = restorec(['lint', '--offline', '-o', '/nonexistent-dir/report.txt', 'examples/seed-backup-set.restore']);
  assert.is(lint.status, 2);
  assert.match(lint.stderr, /restorec: cannot write \/nonexistent-dir\/report\.txt: its directory does not exist/);
  const grammar = restorec(['grammar', '-o', '/nonexistent-dir/g.html']);
  assert.is(grammar.status, 2);
  assert.match(grammar.stderr, /restorec: cannot write \/nonexistent-dir\/g\.html: its directory does not exist/);
  for (const r of [lint, grammar]) assert.not.ok(hasStackTrace(r.stderr), r.stderr);
});

test('fmt where it cannot write its temporary file: a message naming the file, the file untouched', () => {
  const dir = tempDir();
  const file = join(dir, 'u.restore');
  writeFileSync(file, UGLY);
  const root = process.getuid?.() === 0;
  // Not root: a directory without write permission. Root writes anywhere, so there the temporary
  // file's name (it holds the pid, which `exec` keeps) is taken by a directory beforehand.
  if (!root) chmodSync(dir, 0o555);
  const cli = `"${process.execPath}" "${join(process.cwd(), 'bin/restorec.cjs')}" fmt "${file}"`;
  const script = root ? `mkdir "${dir}/.u.restore.restorec-fmt-$$.tmp" && exec ${cli}` : `exec ${cli}`;
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  chmodSync(dir, 0o755);
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`restorec: cannot write ${file.replace(/[.]/g, '\\.')}: ${root ? 'a file of that name exists' : 'permission denied'}`));
  assert.match(r.stderr, /fmt --stdout/);
  assert.not.ok(hasStackTrace(r.stderr), r.stderr);
  assert.is(readFileSync(file, 'utf8'), UGLY);
  assert.is(readdirSync(dir).filter((f) => f !== 'u.restore' && !f.endsWith('.tmp')).length, 0, 'something left behind');
});

test('output cut short by the reader (| head): no message, and the exit code of the command', () => {
  // Large enough that the pipe fills before the reader leaves, every time.
  const dir = tempDir();
  const tables = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
  writeFileSync(join(dir, 'big.restore'), 'instance rm-x\nfrom backup 1\nrestore db big < table * as {name}_2 >\n');
  writeFileSync(join(dir, 'big.inventory.json'), JSON.stringify({ version: 1, instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 }, contents: [{ BackupId: '1', Databases: [{ Database: 'big', Tables: tables }] }] }));
  const bin = `"${process.execPath}" "${join(process.cwd(), 'bin/restorec.cjs')}"`;
  for (const [cmd, expected] of [
    [`${bin} compile big.restore 2>err | head -c 100 >/dev/null`, 0],
    [`${bin} plan big.restore 2>err | head -n 1 >/dev/null`, 0],
    [`${bin} rules 2>err | head -n 1 >/dev/null`, 0],
    [`${bin} grammar 2>err | head -c 10 >/dev/null`, 0],
    [`${bin} parse big.restore 2>err | head -c 10 >/dev/null`, 0],
  ] as const) {
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${cmd}; s=$?; cat err; exit $s`], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    assert.is(r.status, expected, `${cmd}: ${r.stdout}${r.stderr}`);
    assert.not.match(r.stdout, /EPIPE|internal error|Error:/, cmd);
  }
});

test('output to a full device (> /dev/full) is a message about the output, not a bug report', () => {
  for (const cmd of ['rules', 'compile examples/', 'plan examples/seed-backup-set.restore']) {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/restorec.cjs ${cmd} > /dev/full`], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    assert.is(r.status, 2, cmd);
    assert.match(r.stderr, /^restorec: cannot write the output: no space left on the device\n$/, cmd);
  }
});

test('an internal error is one line with a hint; the stack only with RESTOREC_DEBUG=1', () => {
  // An error thrown from a callback while the command runs, outside any command's own handling,
  // stands for any bug: it is injected with --require, so the CLI is the real one. (A callback
  // that would run only after a one-shot command returned never runs: the CLI exits then.)
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), 'instance rm-x\nfrom backup 1\nrestore db a\n');
  writeFileSync(join(dir, 'crash.cjs'), "process.nextTick(() => { throw new TypeError('boom from a test'); });\n");
  const run = (debug: boolean) =>
    spawnSync(process.execPath, ['--require', join(dir, 'crash.cjs'), join(process.cwd(), 'bin/restorec.cjs'), 'fmt', '--check', join(dir, 'a.restore')], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...(debug ? { RESTOREC_DEBUG: '1' } : {}) },
    });
  const plain = run(false);
  assert.is(plain.status, 2, plain.stderr);
  assert.is(plain.stderr, 'restorec: internal error: boom from a test\n  help: this is a bug in restorec: please report it with the command you ran (RESTOREC_DEBUG=1 shows where it happened)\n');
  const debug = run(true);
  assert.is(debug.status, 2);
  assert.match(debug.stderr, /restorec: internal error: boom from a test\nTypeError: boom from a test\n\s+at /);
});

test('fmt writes through a symlink: the link stays a link, the target is formatted', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'real.restore'), UGLY);
  symlinkSync('real.restore', join(dir, 'link.restore'));
  const r = restorec(['fmt', join(dir, 'link.restore')]);
  assert.is(r.status, 0, r.stderr);
  assert.ok(lstatSync(join(dir, 'link.restore')).isSymbolicLink(), 'the link was replaced by a file');
  assert.is(readFileSync(join(dir, 'real.restore'), 'utf8'), PRETTY);
  assert.equal(readdirSync(dir).sort(), ['link.restore', 'real.restore'], 'no temporary file left');
});

test('fmt keeps the file mode', () => {
  const dir = tempDir();
  for (const mode of [0o600, 0o640, 0o755]) {
    const file = join(dir, `m${mode.toString(8)}.restore`);
    writeFileSync(file, UGLY);
    chmodSync(file, mode);
    const r = restorec(['fmt', file]);
    assert.is(r.status, 0, r.stderr);
    assert.is(statSync(file).mode & 0o777, mode, `mode ${mode.toString(8)}`);
    assert.is(readFileSync(file, 'utf8'), PRETTY);
  }
});

test('fmt refuses a file with hard links, saying why and what to do; both names unchanged', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), UGLY);
  linkSync(join(dir, 'a.restore'), join(dir, 'b.restore'));
  const r = restorec(['fmt', join(dir, 'a.restore')]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /not formatting .*a\.restore: it has 2 hard links, and writing a new file would split them/);
  assert.match(r.stderr, /fmt --stdout/);
  assert.is(statSync(join(dir, 'a.restore')).ino, statSync(join(dir, 'b.restore')).ino);
  assert.is(readFileSync(join(dir, 'b.restore'), 'utf8'), UGLY);
  assert.not.ok(hasStackTrace(r.stderr));
  // --check only reads: hard links are fine there.
  assert.is(restorec(['fmt', '--check', join(dir, 'a.restore')]).status, 1);
});

test.run();
