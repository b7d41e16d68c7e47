// Table tests for the lexer: which token each input becomes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tokenize, validateLexer } from '../../src/grammar/lexer.ts';

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

test.run();
