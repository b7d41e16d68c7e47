// Hostile input: huge files, deep repetition, NUL bytes, invalid UTF-8, very long names and
// unterminated backquotes each get a clear diagnostic; the parser stays bounded and never throws.
// (Time bounds are checked in bench/, not here; the runner's per-file timeout is the backstop.)
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_ERRORS, MAX_SOURCE_BYTES, parse, parseBytes } from '../../src/grammar/index.ts';
import { MAX_SYNTAX_ERRORS } from '../../src/grammar/parser.ts';
import { MAX_LEX_ERRORS, MAX_LEX_LINES } from '../../src/grammar/lexer.ts';

const H = 'instance rm-x\nfrom backup 1\n';
const codes = (r: ReturnType<typeof parse>) => [...new Set(r.diagnostics.map((d) => d.code))];

test('a 10 MB file is refused unread with one clear diagnostic', () => {
  const bytes = new Uint8Array(10 * 1024 * 1024).fill(0x61);
  const r = parseBytes('big.restore', bytes);
  assert.equal(codes(r), ['input/too-large']);
  assert.match(r.diagnostics[0]!.message, /10485760 bytes/);
  assert.ok(r.diagnostics[0]!.help);
});

test('a file just under the limit is parsed', () => {
  const line = 'restore db shop < table orders_0123456789 as orders_0123456789_bak >\n';
  const text = H + line.repeat(Math.floor((MAX_SOURCE_BYTES - H.length) / line.length));
  assert.ok(text.length <= MAX_SOURCE_BYTES);
  const r = parse(text);
  assert.equal(r.diagnostics, []);
  assert.is(r.document.statements.length, 2 + Math.floor((MAX_SOURCE_BYTES - H.length) / line.length));
});

test('deeply repeated blocks and brackets report a bounded number of errors', () => {
  const text = H + 'restore db a ' + '< '.repeat(50_000) + '> '.repeat(50_000);
  const r = parse(text);
  assert.ok(r.diagnostics.length <= MAX_ERRORS + 1, `${r.diagnostics.length} diagnostics`);
  assert.ok(r.diagnostics.some((d) => d.code === 'syntax/unexpected-token'));
});

test('a file of junk lines gets at most MAX_ERRORS diagnostics and a summary line', () => {
  const r = parse('; ( ) @\n'.repeat(20_000));
  assert.is(r.diagnostics.length, MAX_ERRORS + 1);
  assert.match(r.diagnostics[MAX_ERRORS]!.message, /more problems in this file are not shown/);
});

test('a file of stray characters stops being read after MAX_LEX_LINES lines of them, and says where', () => {
  // 1 MiB of `; ` took over 300 s: every one of its half a million errors was described, each
  // by a search of the text before it.
  const junk = parse(H + '; ( ) @\n'.repeat(20_000));
  assert.is(junk.diagnostics.length, MAX_ERRORS + 1);
  assert.is(junk.diagnostics[MAX_ERRORS]!.message, `at least ${MAX_LEX_LINES - MAX_ERRORS} more problems in this file are not shown; reading stopped at line ${MAX_LEX_LINES + 3} after ${4 * MAX_LEX_LINES} syntax errors`);
  // What is shown is what the lines before the stop give on their own.
  const head = parse(H + '; ( ) @\n'.repeat(MAX_LEX_LINES));
  assert.equal(junk.diagnostics.slice(0, MAX_ERRORS), head.diagnostics.slice(0, MAX_ERRORS));
  // One line of them: the first is shown, and where reading stopped.
  const line = parse(H + '; '.repeat(500_000));
  assert.equal(line.diagnostics.map((d) => d.code), ['syntax/invalid-character', 'input/too-many-errors']);
  assert.is(line.diagnostics[1]!.message, `reading stopped at line 3 after ${MAX_LEX_ERRORS} syntax errors; the rest of the file may hold more problems`);
  // The tree keeps what was read before the stop.
  const tail = parse(H + 'restore db a < table b as c >\n' + '; '.repeat(500_000) + '\nrestore db z < table z as y >\n');
  assert.equal(tail.document.statements.map((st) => st.kind), ['Instance', 'FromBackup', 'Restore']);
});

test('a word of unclosed classes or brace sets is read in linear time', () => {
  // Each `[` made the lexer read the rest of the word for its `]`: 16 KB of `a[` took 0.4 s, and
  // four times as long at each doubling. Now a class or set is looked for in 128 characters.
  for (const unit of ['a[', 'a{', '[a', 'a[b']) {
    const r = parse(H + unit.repeat(500_000 / unit.length));
    assert.is(r.diagnostics[r.diagnostics.length - 1]!.code, 'input/too-many-errors');
    assert.ok(r.diagnostics.length <= MAX_ERRORS + 1);
  }
});

test('a file of unclosed blocks stops being read after MAX_SYNTAX_ERRORS errors, and says where', () => {
  // 16,000 of them took 19 s to parse (one search of the tokens per error); 1 MiB, 101 s.
  const text = H + 'restore db shop < table x\n'.repeat(16_000);
  const r = parse(text);
  assert.is(r.diagnostics.length, MAX_ERRORS + 1);
  assert.ok(r.diagnostics.slice(0, MAX_ERRORS).every((d) => d.code === 'syntax/missing-close'));
  const last = r.diagnostics[MAX_ERRORS]!;
  assert.is(last.code, 'input/too-many-errors');
  assert.match(last.message, new RegExp(`reading stopped at line ${MAX_SYNTAX_ERRORS + 3} after ${MAX_SYNTAX_ERRORS} syntax errors`));
  // The tree keeps what was read before the stop.
  assert.is(r.document.statements.length, 2 + MAX_SYNTAX_ERRORS);
});

test('NUL bytes are named as such', () => {
  const r = parse(H + 'restore db a\0b');
  assert.equal(codes(r), ['syntax/nul-byte']);
});

test('a UTF-16 file (NUL every other byte) is reported, not crashed on', () => {
  const utf16 = Buffer.from(H + 'restore db a', 'utf16le');
  const r = parseBytes('utf16.restore', utf16);
  assert.ok(r.diagnostics.some((d) => d.code === 'syntax/nul-byte'));
  assert.ok(r.diagnostics.length <= MAX_ERRORS + 1);
});

test('invalid UTF-8 is reported at each bad byte', () => {
  const bytes = Buffer.concat([Buffer.from(H + 'restore db caf'), Buffer.from([0xe9]), Buffer.from(' < table x >\n')]);
  const r = parseBytes('latin1.restore', bytes);
  const bad = r.diagnostics.filter((d) => d.code === 'syntax/invalid-utf8');
  assert.is(bad.length, 1);
  assert.is(bad[0]!.span.start, (H + 'restore db caf').length);
});

test('a very long name parses (length limits are a lint rule) and a long line renders', () => {
  const long = 'x'.repeat(100_000);
  const r = parse(H + `restore db ${long} < table \`${long}\` >`);
  assert.equal(r.diagnostics, []);
  const restore = r.document.statements[2]!;
  assert.ok(restore.kind === 'Restore' && restore.source.value.length === 100_000);
});

test('an unterminated backquote stops at the end of its line', () => {
  const r = parse(H + 'restore db `shop < table a >\nrestore db b');
  assert.equal(codes(r), ['syntax/unterminated-backquote']);
  assert.is(r.document.statements.length, 4);
});

test('thousands of unterminated backquotes stay bounded', () => {
  const r = parse(H + 'restore db `x\n'.repeat(5_000));
  assert.ok(r.diagnostics.length <= MAX_ERRORS + 1);
});

test.run();
