// Hostile inputs through the built CLI: time and memory stay bounded whatever the input, and
// every refusal is a message with what to do, never a stack trace. (Issue 10, findings 6 and 8.)
// The timeouts only catch a hang (the old code ran for minutes); speed is measured in bench/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
  assert.match(r.stderr, /blocks\.restore:3:26 error expected `>` to close the table block, found `restore`/);
  assert.match(r.stderr, /at least \d+ more problems in this file are not shown; reading stopped at line 303 after 300 syntax errors/);
  assert.not.ok(hasStackTrace(r.stderr));
});

function snapshotOf(dbs: { Database: string; Tables: string[] }[]): string {
  return JSON.stringify({ version: 1, instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 }, contents: [{ BackupId: '1', Databases: dbs }] });
}

test('plan of a database of 130,000 tables, as text and as markdown (finding 10)', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'big.restore'), H + 'restore db big < table * as {name}_2 >\n');
  writeFileSync(join(dir, 'big.inventory.json'), snapshotOf([{ Database: 'big', Tables: Array.from({ length: 130_000 }, (_, i) => `t${String(i).padStart(6, '0')}`) }]));
  for (const format of ['text', 'markdown']) {
    const r = restorec(['plan', '--format', format, join(dir, 'big.restore')], { timeout: HANG_MS });
    assert.is(r.status, 0, r.stderr.slice(-2000));
    assert.not.ok(hasStackTrace(r.stderr));
    assert.ok(r.stdout.includes('t129999'), `${format}: the last table is listed`);
  }
});

test('140,000 diagnostics of one kind in a file: a summary, not a stack overflow (finding 10)', () => {
  const dir = tempDir();
  for (const [name, line] of [['strays', 'at x >\n'], ['times', 'at bad\n']]) {
    writeFileSync(join(dir, `${name}.restore`), H + line!.repeat(140_000));
    const r = restorec(['parse', join(dir, `${name}.restore`)], { timeout: HANG_MS });
    assert.is(r.status, 2, `${name}: ${r.stderr.slice(-2000)}`);
    assert.match(r.stderr, /more problems in this file are not shown/);
    assert.not.match(r.stderr, /internal error|Maximum call stack/);
  }
});

test('a snapshot listing one database 100,000 times: the first problems and a count, at once', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'dup.restore'), H + 'restore db a\n');
  writeFileSync(join(dir, 'dup.inventory.json'), snapshotOf(Array.from({ length: 100_000 }, () => ({ Database: 'a', Tables: ['t'] }))));
  const r = restorec(['compile', join(dir, 'dup.restore')], { timeout: HANG_MS });
  assert.is(r.signal, null, 'killed: it did not finish');
  assert.is(r.status, 2);
  assert.match(r.stderr, /dup\.inventory\.json:1:\d+: contents\[0\]\.Databases\[1\]\.Database: database "a" is listed twice/);
  assert.match(r.stderr, /dup\.inventory\.json: 99979 more problems not shown; fix the ones above first/);
  assert.ok(r.stderr.split('\n').length < 40, 'the problems are capped');
});

/**
 * Runs the CLI with its address space capped at 1 GiB (`ulimit -v`), so that a reader that
 * does not stop at its limit fails here instead of taking the machine's memory (the old stdin
 * reader grew past 11 GB on `/dev/zero`).
 */
function capped(args: string[], opts: { stdin?: string; cwd?: string } = {}) {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('sh', ['-c', `ulimit -v 1048576; exec "${process.execPath}" "${join(process.cwd(), 'bin/restorec.cjs')}" ${quoted}${opts.stdin ? ` < ${opts.stdin}` : ''}`], {
    encoding: 'utf8',
    cwd: opts.cwd ?? process.cwd(),
    timeout: HANG_MS,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1' },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

test('fmt --check - on /dev/zero reads 1 MiB, refuses it, and ends', () => {
  const r = capped(['fmt', '--check', '-'], { stdin: '/dev/zero' });
  assert.is(r.signal, null, 'killed');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, /<stdin>:1:1 error the input is larger than 1048576 bytes; spec files larger than 1048576 bytes \(1 MiB\) are refused unread/);
  assert.not.ok(hasStackTrace(r.stderr));
});

test('a snapshot that is a symlink to /dev/zero is refused at once', () => {
  const dir = tempDir();
  copyFileSync('examples/seed-backup-set.restore', join(dir, 'a.restore'));
  symlinkSync('/dev/zero', join(dir, 'a.inventory.json'));
  for (const args of [['compile', 'a.restore'], ['plan', 'a.restore'], ['lint', 'a.restore', '--no-live']]) {
    const r = capped(args, { cwd: dir });
    assert.is(r.signal, null, `${args[0]}: killed`);
    assert.is(r.status, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /a\.inventory\.json: not valid JSON: Unexpected token '\\u0000'/);
    assert.not.match(r.stderr, /\u0000/, 'a raw NUL printed');
    assert.not.ok(hasStackTrace(r.stderr));
  }
});

test('a sandbox seed or a config that is /dev/zero is refused at once', () => {
  const seed = capped(['sandbox', '--seed', '/dev/zero']);
  assert.is(seed.status, 2, seed.stderr);
  assert.match(seed.stderr, /\/dev\/zero is not a usable seed/);
  const apply = capped(['apply', '--sandbox', '--sandbox-seed', '/dev/zero', '--yes', 'examples/seed-backup-set.restore']);
  assert.is(apply.status, 2, apply.stderr);
  assert.match(apply.stderr, /not a usable sandbox seed/);
  const dir = tempDir();
  copyFileSync('examples/seed-backup-set.restore', join(dir, 'a.restore'));
  symlinkSync('/dev/zero', join(dir, 'restorec.config.json'));
  const lint = capped(['lint', '--offline', 'a.restore'], { cwd: dir });
  assert.is(lint.status, 2, lint.stderr);
  assert.match(lint.stderr, /restorec\.config\.json is not valid JSON/);
  for (const r of [seed, apply, lint]) assert.not.ok(hasStackTrace(r.stderr));
});

test('a file larger than a limit is refused by its size, unread', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'big.restore'), Buffer.alloc(3 * 1024 * 1024, 0x61));
  const r = restorec(['fmt', '--check', join(dir, 'big.restore')]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /the file is 3145728 bytes; spec files larger than 1048576 bytes/);
  writeFileSync(join(dir, 'restorec.config.json'), `{"rules": {}, "x": "${'y'.repeat(1024 * 1024)}"}`);
  copyFileSync('examples/seed-backup-set.restore', join(dir, 'a.restore'));
  const cfg = restorec(['lint', '--offline', 'a.restore'], { cwd: dir });
  assert.is(cfg.status, 2);
  assert.match(cfg.stderr, /restorec\.config\.json is \d+ bytes \(1 MiB\); a config larger than 1 MiB is refused unread/);
});

test.run();
