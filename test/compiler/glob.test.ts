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

test('a pattern built once serves every spec: the case rule is part of what is kept, and each matcher keeps its own node', () => {
  // compileName keeps what it parsed and built by pattern text and case rule.
  for (const order of [[false, true], [true, false]]) {
    for (const ci of order) assert.is(matcher('Ord*', ci).test('orders'), ci, `ci ${ci}`);
  }
  const a = matcher('t_?');
  const node: NameNode = { kind: 'Name', span: { start: 7, end: 10 }, value: 't_?', quoted: false, pattern: true };
  const b = compileName(node, false, 'table');
  assert.ok(!isDiagnostic(b) && b.kind === 'pattern');
  assert.is(b.node.span.start, 7);
  assert.is(a.node.span.start, 0);
  assert.equal(b.capture('t_1'), a.capture('t_1'));
  // An invalid pattern is refused every time, not kept.
  const bad: NameNode = { kind: 'Name', span: { start: 0, end: 2 }, value: 'a[', quoted: false, pattern: true };
  assert.ok(isDiagnostic(compileName(bad, false, 'table')));
  assert.ok(isDiagnostic(compileName(bad, false, 'table')));
});

test.run();
