// Table tests for the lexer: which token each input becomes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { MAX_LEX_ERRORS, MAX_LEX_LINES, TextScan, tokenize, validateLexer } from '../../src/grammar/lexer.ts';
import { MAX_PATTERN_LENGTH, MAX_SET_BODY } from '../../src/grammar/tokens.ts';

const cases: [string, string[]][] = [
  ['restore db shop', ['Restore:restore', 'Db:db', 'Name:shop']],
  ['RESTORE Database Shop', ['Restore:RESTORE', 'Db:Database', 'Name:Shop']],
  ['restored dbx tables', ['Name:restored', 'Name:dbx', 'Name:tables']],
  ['table order as order123', ['Table:table', 'Name:order', 'As:as', 'Name:order123']],
  ['order_items_* *_bak {name}_old', ['Name:order_items_*', 'Name:*_bak', 'Name:{name}_old']],
  ['t[0-9]? {a,b}_x', ['Name:t[0-9]?', 'Name:{a,b}_x']],
  ['`my table` `a``b`', ['Backquoted:`my table`', 'Backquoted:`a``b`']],
  ['`open', ['UnterminatedBackquoted:`open']],
  ['< table a , table b >', ['LAngle:<', 'Table:table', 'Name:a', 'Comma:,', 'Table:table', 'Name:b', 'RAngle:>']],
  ['at 2026-11-20T03:15:00Z', ['At:at', 'Timestamp:2026-11-20T03:15:00Z']],
  ['at 2026-11-20T11:15:00+08:00', ['At:at', 'Timestamp:2026-11-20T11:15:00+08:00']],
  ['2026-11-20_orders', ['Name:2026-11-20_orders']],
  ['instance rm-uf6wjk5xxxxxxxxxx', ['Instance:instance', 'Name:rm-uf6wjk5xxxxxxxxxx']],
  ['from backup 9026262', ['From:from', 'Backup:backup', 'Name:9026262']],
  ['表一 café', ['Name:表一', 'Name:café']],
  ['a # comment < table >', ['Name:a']],
  ['$tmp-1', ['Name:$tmp-1']],
];

for (const [input, expected] of cases) {
  test(`lexes ${JSON.stringify(input)}`, () => {
    const r = tokenize(input);
    assert.equal(r.diagnostics, []);
    assert.equal(r.tokens.map((t) => `${t.tokenType.name}:${t.image}`), expected);
  });
}

test('comments are kept in their own group, with their text', () => {
  const r = tokenize('a # one\n# two');
  assert.equal(r.comments.map((c) => c.image), ['# one', '# two']);
});

const errorCases: [string, string, number, number][] = [
  ['a\0b', 'syntax/nul-byte', 1, 2],
  ['shop.orders', 'syntax/invalid-character', 4, 5],
  ['a ; b', 'syntax/invalid-character', 2, 3],
  ['a (b)', 'syntax/invalid-character', 2, 3],
];
for (const [input, code, start, end] of errorCases) {
  test(`reports ${code} in ${JSON.stringify(input)} at ${start}-${end}`, () => {
    const d = tokenize(input).diagnostics[0];
    assert.ok(d, 'expected a diagnostic');
    assert.is(d.code, code);
    assert.equal([d.span.start, d.span.end], [start, end]);
  });
}

test('the token definitions pass Chevrotain lexer validation', () => {
  validateLexer();
});

// Lexer errors are described with a TextScan shared by all of them (one read of the text, not a
// search per error: 1 MiB of stray `;` took over 300 s). It must answer as the searches did.
test('TextScan answers as the string searches do, for offsets in any order', () => {
  const text = fc.array(fc.constantFrom('<', '>', '\n', ';', 'a', ' ', ':'), { maxLength: 60 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (t, raw, sorted) => {
      const offsets = raw.map((n) => n % (t.length + 1));
      if (sorted) offsets.sort((a, b) => a - b);
      const scan = new TextScan(t);
      let last = -1;
      for (const o of offsets) {
        const before = (c: string) => (o === 0 ? -1 : t.lastIndexOf(c, o - 1));
        assert.is(scan.insideBlock(o), before('<') > before('>'), `insideBlock(${o}) of ${JSON.stringify(t)}`);
        assert.is(scan.lineStart(o), before('\n') + 1, `lineStart(${o})`);
        assert.is(scan.lineEnd(o), t.indexOf('\n', o), `lineEnd(${o})`);
        const line = scan.line(o);
        // Lines are counted for offsets met in order (as lexer errors come); an earlier one says -1.
        if (o >= last) assert.is(line, t.slice(0, o).split('\n').length - 1, `line(${o})`);
        last = Math.max(last, o);
      }
    }),
    { numRuns: 3000 },
  );
});

test('stray characters are described up to MAX_LEX_LINES lines, then reading stops at the next', () => {
  const line = '; ( ) @\n';
  const r = tokenize(line.repeat(MAX_LEX_LINES + 50));
  assert.is(r.diagnostics.length, 4 * MAX_LEX_LINES);
  assert.is(r.stoppedAt, MAX_LEX_LINES * line.length);
  // What is described is what a file of those lines alone gives.
  assert.equal(r.diagnostics, tokenize(line.repeat(MAX_LEX_LINES)).diagnostics);
  assert.is(tokenize(line.repeat(MAX_LEX_LINES)).stoppedAt, undefined);
  // Every token is still there (the LSP completes from them); parse.ts cuts them at stoppedAt.
  assert.is(r.tokens.length, tokenize(line.repeat(MAX_LEX_LINES + 50)).tokens.length);
});

test('a long line of stray characters is described up to MAX_LEX_ERRORS, then reading stops', () => {
  const r = tokenize('; '.repeat(MAX_LEX_ERRORS * 3));
  assert.is(r.diagnostics.length, MAX_LEX_ERRORS);
  assert.is(r.stoppedAt, MAX_LEX_ERRORS * 2);
  assert.ok(r.diagnostics.every((d, i) => d.span.start === 2 * i && d.message.startsWith('found `;`: statements need no `;`')));
});

test('a class or brace set is read up to MAX_SET_BODY characters, the longest pattern', () => {
  assert.is(MAX_SET_BODY, MAX_PATTERN_LENGTH);
  for (const [open, close] of [['[', ']'], ['{', '}']]) {
    const longest = `t${open}${'b'.repeat(MAX_SET_BODY)}${close}_x`;
    const r = tokenize(longest);
    assert.equal(r.diagnostics, []);
    assert.equal(r.tokens.map((t) => t.image), [longest]);
    const longer = `t${open}${'b'.repeat(MAX_SET_BODY + 1)}${close}_x`;
    const d = tokenize(longer).diagnostics;
    assert.is(d[0]!.span.start, 1);
    assert.match(d[0]!.message, new RegExp(`not closed within ${MAX_SET_BODY} characters; a whole pattern is at most ${MAX_PATTERN_LENGTH}`));
    // Not closed at all, in a short word: the message quotes it and the fix closes it.
    const short = tokenize(`t${open}ab c`).diagnostics[0]!;
    assert.match(short.message, /is not closed: `.` is missing/);
    assert.equal(short.fix, { span: { start: 4, end: 4 }, text: close });
  }
});

test('`;` inside a block and `:` after `restore` are described from their block and line, with the scan shared', () => {
  const text = 'restore db a < table b; table c >;\nrestore db x:\n  table y\nrestore db a < table b ; >';
  const got = tokenize(text).diagnostics.map((d) => [text.slice(d.span.start, d.span.end), d.message]);
  assert.equal(got, [
    [';', 'found `;`: the items of a block are separated by a newline or `,`'],
    [';', 'found `;`: statements need no `;`, each ends where the next begins'],
    [':', 'found `:`: the tables of a restore go in a block, `< ... >`'],
    [';', 'found `;`: the items of a block are separated by a newline or `,`'],
  ]);
});

test.run();
