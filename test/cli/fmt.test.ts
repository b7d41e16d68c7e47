// `restorec fmt`, end to end through the built CLI: exit codes, in-place writes, stdin,
// refusing files with errors, colour rules.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';

const UGLY = 'INSTANCE rm-x FROM BACKUP 1\nrestore db shop < table a as b, table c >\n';
const PRETTY = 'instance rm-x\nfrom backup 1\nrestore db shop <\n  table a as b\n  table c\n>\n';

test('fmt --check passes on the examples', () => {
  const r = restorec(['fmt', '--check', 'examples/']);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, '');
});

test('fmt --check lists an unformatted file, exits 1 and writes nothing', () => {
  const dir = tempDir();
  const file = join(dir, 'a.restore');
  writeFileSync(file, UGLY);
  const r = restorec(['fmt', '--check', file]);
  assert.is(r.status, 1);
  assert.is(r.stdout, `${file}\n`);
  assert.match(r.stderr, /1 file not formatted/);
  assert.is(readFileSync(file, 'utf8'), UGLY);
});

test('fmt rewrites in place, and the result then passes --check', () => {
  const dir = tempDir();
  const file = join(dir, 'a.restore');
  writeFileSync(file, UGLY);
  const r = restorec(['fmt', dir]);
  assert.is(r.status, 0, r.stderr);
  assert.is(readFileSync(file, 'utf8'), PRETTY);
  assert.is(restorec(['fmt', '--check', file]).status, 0);
});

test('fmt - reads stdin and writes stdout', () => {
  const r = restorec(['fmt', '-'], { input: UGLY });
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, PRETTY);
});

// A file keeps its own conventions: CRLF line breaks (git's core.autocrlf checks files out so on
// Windows) and a byte order mark, whether it is checked, rewritten or printed.
const crlf = (t: string) => t.replaceAll('\n', '\r\n');
const BOM = '\ufeff';

test('a CRLF file that is otherwise formatted passes --check; fmt keeps CRLF when it rewrites one', () => {
  const dir = tempDir();
  const good = join(dir, 'good.restore');
  const ugly = join(dir, 'ugly.restore');
  writeFileSync(good, crlf(PRETTY));
  writeFileSync(ugly, crlf(UGLY));
  const check = restorec(['fmt', '--check', good, ugly]);
  assert.is(check.status, 1, check.stderr);
  assert.is(check.stdout, `${ugly}\n`);
  const r = restorec(['fmt', dir]);
  assert.is(r.status, 0, r.stderr);
  assert.is(readFileSync(ugly, 'utf8'), crlf(PRETTY));
  assert.is(readFileSync(good, 'utf8'), crlf(PRETTY));
  assert.is(restorec(['fmt', '--check', dir]).status, 0);
});

test('line breaks follow the first one: a file mixing them gets CRLF throughout, LF-first gets LF', () => {
  const dir = tempDir();
  const mixed = join(dir, 'mixed.restore');
  const lfFirst = join(dir, 'lf.restore');
  writeFileSync(mixed, crlf('instance rm-x\n') + 'from backup 1\nrestore db shop\n');
  writeFileSync(lfFirst, 'instance rm-x\n' + crlf('from backup 1\nrestore db shop\n'));
  assert.is(restorec(['fmt', '--check', dir]).status, 1);
  assert.is(restorec(['fmt', dir]).status, 0);
  assert.is(readFileSync(mixed, 'utf8'), crlf('instance rm-x\nfrom backup 1\nrestore db shop\n'));
  assert.is(readFileSync(lfFirst, 'utf8'), 'instance rm-x\nfrom backup 1\nrestore db shop\n');
});

test('a byte order mark is kept when fmt rewrites the file, and printed with --stdout and stdin', () => {
  const dir = tempDir();
  const file = join(dir, 'a.restore');
  writeFileSync(file, BOM + crlf(UGLY));
  assert.is(restorec(['fmt', '--stdout', file]).stdout, BOM + crlf(PRETTY));
  assert.is(restorec(['fmt', '-'], { input: BOM + UGLY }).stdout, BOM + PRETTY);
  assert.is(restorec(['fmt', file]).status, 0);
  assert.is(readFileSync(file, 'utf8'), BOM + crlf(PRETTY));
  assert.is(restorec(['fmt', '--check', file]).status, 0);
});

test('a file with syntax errors is left untouched, exit 2, diagnostics with positions', () => {
  const dir = tempDir();
  const file = join(dir, 'bad.restore');
  const text = 'instance rm-x\nfrom backup 1\nrestor db x\n';
  writeFileSync(file, text);
  const r = restorec(['fmt', file]);
  assert.is(r.status, 2);
  assert.is(readFileSync(file, 'utf8'), text);
  assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1 error .*found \`restor\``));
  assert.match(r.stderr, /did you mean `restore`\?/);
  assert.not.ok(hasStackTrace(r.stderr));
});

test('usage errors exit 2 with a plain message and no stack trace', () => {
  for (const args of [['fmt', '--bogus', 'x.restore'], [], ['nosuchcommand'], ['fmt'], ['fmt', 'missing.restore'], ['fmt', tempDir()]]) {
    const r = restorec(args);
    assert.is(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^restorec: /m);
    assert.not.ok(hasStackTrace(r.stderr), r.stderr);
  }
});

test('--help lists the commands and exits 0', () => {
  const r = restorec(['--help']);
  assert.is(r.status, 0);
  for (const c of ['fmt', 'parse', 'grammar']) assert.match(r.stdout, new RegExp(`restorec ${c}`));
});

test('colour only when forced or on a terminal, never with NO_COLOR', () => {
  const bad = 'instance rm-x\nfrom backup 1\nrestor db x\n';
  const esc = /\x1b\[/;
  assert.not.ok(esc.test(restorec(['fmt', '-'], { input: bad }).stderr));
  assert.ok(esc.test(restorec(['fmt', '-'], { input: bad, env: { FORCE_COLOR: '1', NO_COLOR: '' } }).stderr));
  assert.not.ok(esc.test(restorec(['fmt', '-'], { input: bad, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stderr));
});

test('parse prints the syntax tree as JSON', () => {
  const r = restorec(['parse', '-'], { input: 'instance rm-x at 2026-11-20T11:15:00+08:00 restore db a' });
  assert.is(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout);
  assert.is(doc.document.statements[1].utc, '2026-11-20T03:15:00Z');
  assert.match(r.stderr, /info .* is 2026-11-20T03:15:00Z in UTC/);
});

test('grammar writes a self-contained page of syntax diagrams', () => {
  const out = join(tempDir(), 'grammar.html');
  const r = restorec(['grammar', '-o', out]);
  assert.is(r.status, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /restoreStatement/);
  // Every statement of the grammar has its diagram, the cross-region ones included.
  for (const rule of ['fromCrossRegionBackupStatement', 'fromRegionStatement', 'cross-region']) assert.match(html, new RegExp(rule));
  assert.match(html, /<h1[^>]*>restorec spec language: syntax diagrams<\/h1>/);
  assert.match(html, /railroad/i);
  assert.not.match(html, /https?:\/\/unpkg/);
  assert.not.match(html, /<script src=/);
});

test.run();
