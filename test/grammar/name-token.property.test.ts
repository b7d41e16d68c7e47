// The Name and Timestamp tokens are matched by functions (src/grammar/tokens.ts) that must take
// exactly what their regular expressions, as the language defines them, take at every offset:
// the same text, or nothing. Offsets are asked in increasing order (as the lexer asks), in any
// order, and across texts, since Name keeps the last body it read.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Name, Timestamp, MAX_SET_BODY, TIMESTAMP as TOKEN_TIMESTAMP } from '../../src/grammar/tokens.ts';
import { tokenize } from '../../src/grammar/lexer.ts';

const NAME_CHAR = 'A-Za-z0-9_$*?\\-\\u00c0-\\ud7ff\\ue000-\\ufffc';
const NAME = new RegExp(`(?:[${NAME_CHAR}]|\\[[^\\]\\s\`<>#]{0,${MAX_SET_BODY}}\\]|\\{[^}\\s\`<>#]{0,${MAX_SET_BODY}}\\})+`, 'y');
// The timestamp token runs this expression where a digit starts: a copy, so lastIndex is its own.
const TIMESTAMP = new RegExp(TOKEN_TIMESTAMP.source, TOKEN_TIMESTAMP.flags);

type Exec = (text: string, offset: number) => [string] | RegExpExecArray | null;
const nameExec = (Name.PATTERN as unknown as { exec: Exec }).exec;
const timestampExec = (Timestamp.PATTERN as unknown as { exec: Exec }).exec;

function reference(re: RegExp, text: string, offset: number): string | null {
  re.lastIndex = offset;
  return re.exec(text)?.[0] ?? null;
}
const got = (exec: Exec, text: string, offset: number): string | null => exec(text, offset)?.[0] ?? null;
/** The token's function and its expression take the same at `offset` of `text`. */
const agree = (exec: Exec, re: RegExp, text: string, offset: number) => assert.is(got(exec, text, offset), reference(re, text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
/** ... at every offset of texts from `texts`, asked in increasing order as the lexer asks. */
const agreeInOrder = (exec: Exec, re: RegExp, texts: fc.Arbitrary<string>) =>
  fc.assert(
    fc.property(texts, (t) => {
      for (let o = 0; o <= t.length; o++) agree(exec, re, t, o);
    }),
    { numRuns: 400 },
  );

// Name characters and everything that ends a name or a body, long bodies around MAX_SET_BODY
// (closed and not), and the characters JavaScript's `\s` holds beyond ASCII.
const piece = fc.oneof(
  fc.constantFrom('a', 'Z', '0', '_', '-', '*', '?', '$', 'é', '\ud83d', '\ude00', '\ufffd', '\uffff', '[', ']', '{', '}', ' ', '\t', '\n', '\u00a0', '\u2028', '\u3000', '`', '<', '>', '#', ',', '(', '.', ':'),
  fc.integer({ min: MAX_SET_BODY - 3, max: MAX_SET_BODY + 3 }).chain((n) => fc.constantFrom(`[${'x'.repeat(n)}]`, `{${'y'.repeat(n)}}`, `[${'x'.repeat(n)}`, `a[${'a['.repeat(n >> 1)}`)),
);
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

test('Name matches what its regular expression matches, at every offset in order', () => {
  agreeInOrder(nameExec, NAME, text);
});

test('Name matches what its regular expression matches, at offsets in any order and across texts', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 30 }), text, text, (asks, t1, t2) => {
      for (const [first, n] of asks) {
        const t = first ? t1 : t2;
        const o = n % (t.length + 1);
        agree(nameExec, NAME, t, o);
      }
    }),
    { numRuns: 400 },
  );
});

const digits = fc.stringMatching(/^[0-9]{1,4}$/);
const separator = fc.constantFrom('-', '/', '.');
const date = fc.tuple(digits, separator, digits, separator, digits).map((a) => a.join(''));
const after = fc.constantFrom('', 'T03:15:00Z', ' 03:15', ' 03:15 +08:00', ' 3:15 UTC', ' 3:15 at', ' Asia/Shanghai', '_x', '+0800', '\n1:00');
const stamp = fc
  .array(fc.oneof(fc.tuple(date, after).map(([d, a]) => d + a), digits, fc.constantFrom('-', '/', 'T', ' ', ':', 'Z', 'UTC', 'x', '\n')), { maxLength: 8 })
  .map((a) => a.join(''));

test('Timestamp matches what its regular expression matches, at every offset', () => {
  agreeInOrder(timestampExec, TIMESTAMP, stamp);
});

test('a word of unclosed classes lexes as names and one error per `[`', () => {
  const word = 'a['.repeat(5_000);
  const { tokens, diagnostics } = tokenize(word);
  assert.is(tokens.length, 5_000);
  assert.ok(tokens.every((t, i) => t.image === 'a' && t.startOffset === 2 * i));
  assert.ok(diagnostics.length > 0);
  assert.is(diagnostics[0]!.code, 'syntax/invalid-character');
});

test('texts lexed one after another are lexed alike in either order', () => {
  const lex = (t: string) => tokenize(t).tokens.map((k) => [k.tokenType.name, k.startOffset, k.image]);
  fc.assert(
    fc.property(fc.array(text, { minLength: 2, maxLength: 4 }), (texts) => {
      const forward = texts.map(lex);
      const backward = [...texts].reverse().map(lex).reverse();
      assert.equal(backward, forward);
    }),
    { numRuns: 200 },
  );
});

test.run();
