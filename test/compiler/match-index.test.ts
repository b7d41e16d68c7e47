// The shortcuts in front of the pattern automaton (literal prefix and suffix checks, remembered
// names, the sorted prefix index of long lists) never change what a pattern matches: property
// tests against the automaton alone, on names with the characters where case folding is odd
// (`ſ` is `S` in upper case, `K` is the Kelvin sign, `İ` lower-cases to two code units). The
// one-pass ListScanner of a block's patterns finds what each pattern's own scan finds, and exact
// lookups find the same names by scan and by index.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { buildAutomaton } from '../../src/compiler/glob-match.ts';
import { parseGlob } from '../../src/compiler/glob-syntax.ts';
import { compileName, isDiagnostic, type PatternName } from '../../src/compiler/glob.ts';
import { ContentsIndex, ListScanner, NameIndex, matchNames } from '../../src/compiler/lookup.ts';
import { compareCodeUnits } from '../../src/compiler/names.ts';
import type { NameNode } from '../../src/grammar/index.ts';

const letters = ['a', 'b', 's', 'S', 'k', 'K', '_', '1', 'ſ', '\u212a', 'İ', 'i', 'é', 'É'];
const name = fc.array(fc.constantFrom(...letters), { minLength: 0, maxLength: 8 }).map((a) => a.join(''));
const lit = fc.array(fc.constantFrom('a', 'b', 's', 'k', 'S', 'K', '_', 'é', 'i'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
const glob = fc.tuple(lit, fc.constantFrom('*', '?', '*_*', '[ab]*', '{s,k}*', 'K*'), fc.constantFrom('', 'a', 's', 'K')).map(([p, mid, end]) => p + mid + end);

function pattern(g: string, ci: boolean): PatternName {
  const node: NameNode = { kind: 'Name', span: { start: 0, end: g.length }, value: g, quoted: false, pattern: /[*?[{]/.test(g) };
  const m = compileName(node, ci, 'table');
  if (isDiagnostic(m) || m.kind !== 'pattern') throw new Error(`not a pattern: ${g}`);
  return m;
}

test('prefilters and remembered names agree with the automaton', () => {
  fc.assert(
    fc.property(glob, fc.boolean(), fc.array(name, { maxLength: 40 }), (g, ci, names) => {
      const p = pattern(g, ci);
      const automaton = buildAutomaton(parseGlob(g), ci);
      const raw = (n: string) => automaton.test(n);
      for (const n of [...names, ...names]) assert.is(p.test(n), raw(n), `${g} (${ci ? 'ci' : 'cs'}) vs ${JSON.stringify(n)}`);
    }),
    { numRuns: 2000 },
  );
});

test('the prefix index of a long list finds exactly what a scan finds', () => {
  fc.assert(
    fc.property(glob, fc.boolean(), fc.array(name, { minLength: 1, maxLength: 30 }), (g, ci, seed) => {
      // A list over the index threshold: the seed names, then filler.
      const list = [...new Set([...seed, ...Array.from({ length: 5000 }, (_, i) => `f${i}`)])];
      const index = new ContentsIndex({ BackupId: '1', Databases: [] }, ci);
      const automaton = buildAutomaton(parseGlob(g), ci);
      const raw = (n: string) => automaton.test(n);
      const expected = list.filter(raw).sort(compareCodeUnits);
      assert.equal(index.matchList(list, pattern(g, ci)), expected, `${g} (${ci ? 'ci' : 'cs'})`);
    }),
    { numRuns: 200 },
  );
});

test('one scan of a list for a whole block finds what each pattern finds alone', () => {
  // Patterns with and without a literal start, starting with ASCII or not.
  const item = fc.oneof(glob, fc.constantFrom('*', '?*', '*a', '[sk]*', 'ſ*', 'É*', 'é?', 'K*', '\u212a*', 'İ*'));
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.array(name, { maxLength: 40 }), (globs, ci, names) => {
      const list = [...names, 'İ', 'ſa', '\u212aa'];
      const patterns = globs.map((g) => pattern(g, ci));
      const scanner = new ListScanner(patterns, ci);
      const got = scanner.scan(list);
      assert.ok(scanner.scan(list) === got, 'the same list is answered from memory');
      patterns.forEach((p, k) => assert.equal(got[k], matchNames(p, list), `${p.node.value} (${ci ? 'ci' : 'cs'})`));
    }),
    { numRuns: 2000 },
  );
});

test('exact lookups scan and index alike, İ included', () => {
  for (const ci of [true, false]) {
    const list = ['İ', 'i\u0307', 'I', 'i', 'ab'];
    const index = new ContentsIndex({ BackupId: '1', Databases: [] }, ci);
    const db = { Database: 'd', Tables: list };
    for (const probe of ['İ', 'i\u0307', 'i', 'I', 'AB']) {
      const expected = new NameIndex(list, ci).get(probe);
      // The first lookups of a list scan it; later ones use its index.
      for (let k = 0; k < 6; k++) assert.equal(index.findTables(db, probe), expected, `${probe} (${ci ? 'ci' : 'cs'}), lookup ${k + 1}`);
    }
  }
});

test.run();
