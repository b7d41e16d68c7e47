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
import { ContentsIndex, ExactItem, ListScanner, NameIndex, ScannerCache, matchNames } from '../../src/compiler/lookup.ts';
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
      // And what the wildcards capture (a `lit*` pattern cuts the name after its literal).
      for (const n of [...names, g.replace(/[*?[{].*$/, ''), `${g.replace(/[*?[{].*$/, '')}x`]) assert.equal(p.capture(n), automaton.capture(n), `captures of ${g} (${ci ? 'ci' : 'cs'}) in ${JSON.stringify(n)}`);
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

test('an exact name scanned with a block\'s patterns finds what a lookup finds, through lists one after another', () => {
  const item = fc.oneof(glob, fc.constantFrom('*', 'K*', 'İ*'));
  fc.assert(
    fc.property(fc.array(item, { maxLength: 3 }), fc.array(name, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.array(fc.array(name, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (globs, exacts, ci, lists) => {
      const node = (v: string): NameNode => ({ kind: 'Name', span: { start: 0, end: v.length }, value: v, quoted: true, pattern: false });
      const items = [...globs.map((g) => pattern(g, ci)), ...exacts.map((e) => new ExactItem(node(e), e, ci))];
      const scanner = new ListScanner(items, ci);
      const index = new ContentsIndex({ BackupId: '1', Databases: [] }, ci);
      for (const l of lists) {
        const got = scanner.scan(l);
        exacts.forEach((e, k) => assert.equal(got[globs.length + k], [...index.findTables({ Database: 'd', Tables: l }, e)].sort(compareCodeUnits), `${JSON.stringify(e)} (${ci ? 'ci' : 'cs'}) in ${JSON.stringify(l)}`));
      }
    }),
    { numRuns: 1000 },
  );
  // A block's exact names and patterns of the same text are different blocks to a shared cache.
  const shared = new ScannerCache();
  const star = pattern('a*', false);
  const exact = new ExactItem({ ...star.node, quoted: true, pattern: false }, 'a*', false);
  assert.ok(shared.for([star], false) !== shared.for([exact], false));
});

test('lists scanned one after another reuse what they share and still find what each pattern finds alone', () => {
  // Each list is the one before with names inserted, removed or replaced (as a sharded schema's
  // databases differ by a few tables of their own), or a list unrelated to it.
  const edit = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), name }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  );
  const step = fc.oneof(fc.array(edit, { minLength: 0, maxLength: 4 }), fc.array(name, { maxLength: 30 }));
  const item = fc.oneof(glob, fc.constantFrom('*', '?*', '*a', '[sk]*', 'ſ*', 'K*', 'İ*'));
  fc.assert(
    fc.property(fc.array(item, { minLength: 2, maxLength: 5 }), fc.boolean(), fc.array(name, { maxLength: 30 }), fc.array(step, { minLength: 1, maxLength: 8 }), (globs, ci, first, steps) => {
      const patterns = globs.map((g) => pattern(g, ci));
      const scanner = new ListScanner(patterns, ci);
      let list = first;
      const lists = [list];
      for (const s of steps) {
        if (s.length > 0 && typeof s[0] === 'string') list = s as string[];
        else {
          // Each list a new array, as each database's list in a snapshot is.
          list = [...list];
          for (const e of s as { op: string; at: number; name?: string }[]) {
            const at = list.length === 0 ? 0 : e.at % list.length;
            if (e.op === 'insert') list.splice(e.at % (list.length + 1), 0, e.name!);
            else if (e.op === 'remove') list.splice(at, 1);
            else if (e.op === 'replace' && list.length > 0) list[at] = e.name!;
            else if (e.op === 'swap' && list.length > 1) [list[at], list[(at + 1) % list.length]] = [list[(at + 1) % list.length]!, list[at]!];
          }
        }
        lists.push(list);
      }
      let before: readonly (readonly string[])[] | undefined;
      let beforeCopies: string[][] = [];
      for (const l of lists) {
        const got = scanner.scan(l);
        patterns.forEach((p, k) => assert.equal(got[k], matchNames(p, l), `${p.node.value} (${ci ? 'ci' : 'cs'}) over ${JSON.stringify(l)}`));
        // An array handed out again is the answer it was before, untouched: expansion keeps
        // what it worked out from an answer by the answer's identity.
        if (before) patterns.forEach((_, k) => got[k] === before![k] && assert.equal(got[k], beforeCopies[k]));
        before = got;
        beforeCopies = got.map((a) => [...a]);
      }
    }),
    { numRuns: 1000 },
  );
});

test('a pattern whose matches did not change from the list before gets the same array; one whose matches changed gets a new one', () => {
  const patterns = ['orders_*', 'events_0?', '*_own_*'].map((g) => pattern(g, true));
  const scanner = new ListScanner(patterns, true);
  const shared = ['orders_1', 'events_01', 'audit_1', 'orders_2', 'events_02'];
  const list = (d: string, own: string[]) => [...shared.slice(0, 2), ...own, ...shared.slice(2)];
  const a = scanner.scan(list('a', ['tmp_a']));
  const b = scanner.scan(list('b', ['tmp_b']));
  assert.ok(a[0] === b[0] && a[1] === b[1] && a[2] === b[2], 'a name no pattern matches changes no answer');
  const c = scanner.scan(list('c', ['x_own_c']));
  assert.ok(c[0] === b[0] && c[1] === b[1], 'patterns the new name does not match keep their arrays');
  assert.ok(c[2] !== b[2]);
  assert.equal(c[2], ['x_own_c']);
  const d = scanner.scan(list('d', ['x_own_d']));
  assert.ok(d[2] !== c[2], 'another name that pattern matches: a new answer');
  assert.equal(d[2], ['x_own_d']);
  const e = scanner.scan([...shared.slice(0, 2), 'x_own_d', 'audit_1', 'events_02']);
  assert.ok(e[0] !== d[0] && e[1] === d[1] && e[2] === d[2], 'a matched name removed: a new answer for its pattern only');
  assert.equal(e[0], ['orders_1']);
});

test('a list longer than the last one scanned is scanned whole', () => {
  const patterns = ['a*', 'b*'].map((g) => pattern(g, false));
  const scanner = new ListScanner(patterns, false);
  const short = ['a1', 'b1'];
  const long = ['a1', 'b1', ...Array.from({ length: 300 }, (_, i) => (i % 2 ? `a${i + 2}` : `b${i + 2}`))];
  for (const l of [short, long, short, long.slice(0, 150), long]) {
    const got = scanner.scan(l);
    patterns.forEach((p, k) => assert.equal(got[k], matchNames(p, l)));
  }
});

test('a block of more patterns than a name\'s bits hold is scanned without them, and finds the same', () => {
  const patterns = Array.from({ length: 40 }, (_, i) => pattern(i % 2 ? `t${i}_*` : `*_${i}`, true));
  const scanner = new ListScanner(patterns, true);
  const lists = [Array.from({ length: 120 }, (_, i) => `T${i % 41}_${i % 37}`), Array.from({ length: 120 }, (_, i) => `t${i % 43}_${i % 39}`)];
  for (const l of lists) {
    const got = scanner.scan(l);
    patterns.forEach((p, k) => assert.equal(got[k], matchNames(p, l), p.node.value));
  }
  assert.ok(patterns.some((p, k) => scanner.scan(lists[1]!)[k]!.length > 0 && p.node.value.startsWith('*')), 'suffix patterns match too');
});

test('a scanner shared by blocks of the same patterns (a run of many specs) answers each as its own scanner would', () => {
  // Blocks drawn from a few patterns, so some repeat (in the same order or not, on either
  // comparison), over lists drawn from a few, so some repeat too: what a shared scanner answers
  // for each block and list is what a scanner of that block's own compiled patterns answers.
  const item = fc.constantFrom('a*', 's?', '*a', 'K*', 'ſ*', '[ab]*');
  const block = fc.record({ globs: fc.array(item, { minLength: 1, maxLength: 3 }), ci: fc.boolean(), list: fc.nat({ max: 2 }) });
  fc.assert(
    fc.property(fc.array(fc.array(name, { maxLength: 20 }), { minLength: 3, maxLength: 3 }), fc.array(block, { minLength: 1, maxLength: 12 }), (lists, blocks) => {
      const shared = new ScannerCache();
      for (const b of blocks) {
        const own = b.globs.map((g) => pattern(g, b.ci));
        const list = lists[b.list]!;
        const got = shared.for(own, b.ci).scan(list);
        own.forEach((p, k) => assert.equal(got[k], matchNames(p, list), `${p.node.value} (${b.ci ? 'ci' : 'cs'}) in ${JSON.stringify(b.globs)}`));
      }
    }),
    { numRuns: 1000 },
  );
  // The same block is one scanner, whose answer for the list it scanned last is kept.
  const shared = new ScannerCache();
  const list = ['a1', 'b1', 'a2'];
  const first = shared.for(['a*', 'b*'].map((g) => pattern(g, false)), false);
  const answer = first.scan(list);
  const again = shared.for(['a*', 'b*'].map((g) => pattern(g, false)), false);
  assert.ok(again === first && again.scan(list) === answer);
  assert.ok(shared.for(['b*', 'a*'].map((g) => pattern(g, false)), false) !== first, 'another order is another block');
  assert.ok(shared.for(['a*', 'b*'].map((g) => pattern(g, true)), true) !== first, 'another comparison is another block');
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
  // Any names and probes (the characters whose case folding is odd among them): the scan of the
  // first lookups finds what the index and lower-casing every name find.
  fc.assert(
    fc.property(fc.boolean(), fc.array(name, { maxLength: 20 }), fc.array(name, { minLength: 1, maxLength: 4 }), (ci, list, probes) => {
      for (const probe of [...probes, ...list.slice(0, 2)]) {
        const key = ci ? probe.toLowerCase() : probe;
        const expected = list.filter((n) => (ci ? n.toLowerCase() : n) === key);
        const index = new ContentsIndex({ BackupId: '1', Databases: [] }, ci);
        assert.equal(index.findTables({ Database: 'd', Tables: list }, probe), expected, `${JSON.stringify(probe)} in ${JSON.stringify(list)} (${ci ? 'ci' : 'cs'})`);
      }
    }),
    { numRuns: 3000 },
  );
});

test.run();
