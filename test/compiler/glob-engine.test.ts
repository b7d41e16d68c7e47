// The pattern engine against its references: what matches agrees with picomatch, what each
// wildcard captures agrees with a backtracking regex, on random patterns and names; and the
// patterns that made a backtracking regex run for minutes are as quick as any other.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { compileName, isDiagnostic, type PatternName } from '../../src/compiler/glob.ts';
import type { NameNode } from '../../src/grammar/index.ts';
import { globArb, nameArb, picomatchComparable, picomatchTest, referenceCapture } from '../helpers/glob-reference.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 1500);

function matcher(glob: string, ci = false): PatternName {
  const node: NameNode = { kind: 'Name', span: { start: 0, end: glob.length }, value: glob, quoted: false, pattern: true };
  const m = compileName(node, ci, 'table');
  if (isDiagnostic(m) || m.kind !== 'pattern') throw new Error(`not a pattern: ${glob}: ${isDiagnostic(m) ? m.message : ''}`);
  return m;
}

for (const ci of [false, true]) {
  test(`matching agrees with picomatch on random patterns and names${ci ? ' (case-insensitive)' : ''}`, () => {
    fc.assert(
      fc.property(globArb.filter(picomatchComparable), fc.array(nameArb, { minLength: 1, maxLength: 8 }), (glob, names) => {
        const m = matcher(glob, ci);
        for (const n of names) assert.is(m.test(n), picomatchTest(glob, n, ci), `${glob} ~ ${n}`);
      }),
      { numRuns: RUNS },
    );
  });

  test(`captures agree with a backtracking regex, and exist exactly when the name matches${ci ? ' (case-insensitive)' : ''}`, () => {
    fc.assert(
      fc.property(globArb, fc.array(nameArb, { minLength: 1, maxLength: 8 }), (glob, names) => {
        const m = matcher(glob, ci);
        for (const n of names) {
          const got = m.capture(n);
          assert.equal(got, referenceCapture(glob, n, ci), `${glob} ~ ${n}`);
          assert.is(got !== undefined, m.test(n), `${glob} ~ ${n}: capture and test disagree`);
          if (got) assert.is(got.length, m.wildcards);
        }
      }),
      { numRuns: RUNS },
    );
  });
}

test('`$$` is two dollar signs (picomatch 4.0.7 reads the second as an end anchor)', () => {
  assert.ok(matcher('a$$*').test('a$$b'));
  assert.equal(matcher('a$$*').capture('a$$b'), ['b']);
});

test('names that hold what a pattern makes special (/, ., backquotes) match by their characters', () => {
  assert.ok(matcher('*').test('a/b'));
  assert.ok(matcher('a?b').test('a/b'));
  assert.ok(matcher('[!x]*').test('/x'));
  assert.ok(matcher('*').test('.hidden'));
  assert.equal(matcher('*_*').capture('a.b_c`d'), ['a.b', 'c`d']);
});

test('the patterns that made a backtracking regex run for minutes answer at once', () => {
  const name = 'a'.repeat(64);
  assert.is(matcher('*a*a*a*a*a*a*a*a*a*a*a*b').test(name), false);
  assert.is(matcher('*a*a*a*a*a*a*a*a*a*a*a*b').capture(name), undefined);
  assert.is(matcher('*a*a*a*a*a*a*a*a*a*a*a*a').capture(name)?.length, 12);
  const pairs = matcher('*?*?*?*?*?*?*?z');
  for (let i = 0; i < 10_000; i++) assert.is(pairs.test(`t${String(i).padStart(5, '0')}_${'x'.repeat(20)}`), false);
  const braces = matcher(`{${'*a,'.repeat(20)}*b}`);
  assert.is(braces.test(name), true);
});
test.run();
