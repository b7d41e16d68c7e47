// Pattern matching details: bracket classes, negation in both spellings, dot-names.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileName, isDiagnostic } from '../../src/compiler/glob.ts';
import type { NameNode } from '../../src/grammar/index.ts';

function matcher(glob: string, ci = false) {
  const node: NameNode = { kind: 'Name', span: { start: 0, end: glob.length }, value: glob, quoted: false, pattern: true };
  const m = compileName(node, ci, 'table');
  if (isDiagnostic(m) || m.kind !== 'pattern') throw new Error(`not a pattern: ${glob}`);
  return m;
}

const cases: [string, string, boolean][] = [
  ['[!a-c]1', 'd1', true],
  ['[!a-c]1', 'a1', false],
  ['[!a-c]1', '!1', true],
  ['[^a-c]1', 'd1', true],
  ['[^a-c]1', 'b1', false],
  ['t[0-9]', 't7', true],
  ['t[0-9]', 'tx', false],
  ['*', '.hidden', true],
  ['order_*', 'order_items', true],
  ['{a,b}_x', 'b_x', true],
  ['{a,b}_x', 'c_x', false],
];
for (const [glob, name, expected] of cases) {
  test(`${glob} ${expected ? 'matches' : 'does not match'} ${name}`, () => {
    assert.is(matcher(glob).test(name), expected);
  });
}

test('negated classes capture like any other class (not as wildcards)', () => {
  assert.equal(matcher('[!a]_*').capture('b_tail'), ['tail']);
});

test('a class the regex engine refuses ([z-a]) is a diagnostic, not a crash', () => {
  const node: NameNode = { kind: 'Name', span: { start: 3, end: 14 }, value: 'order[z-a]*', quoted: false, pattern: true };
  const m = compileName(node, false, 'table');
  assert.ok(isDiagnostic(m));
  if (isDiagnostic(m)) {
    assert.is(m.code, 'pattern/invalid');
    assert.equal(m.span, { start: 3, end: 14 });
  }
});

test.run();
