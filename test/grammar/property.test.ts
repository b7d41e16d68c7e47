// Property tests (fast-check): the parser never throws, every diagnostic points inside the
// input, formatting random valid specs is meaning-preserving and idempotent, and parsing without
// error recovery first (parseTokens) gives what the recovering parser gives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, print, type Diagnostic } from '../../src/grammar/index.ts';
import { meaning } from '../helpers/ast.ts';
import { tokenize } from '../../src/grammar/lexer.ts';
import { parseTokens, type TokensParse } from '../../src/grammar/parser.ts';
import type { CstNode, IToken } from 'chevrotain';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);

function assertSpansInside(diags: Diagnostic[], length: number): void {
  for (const d of diags) {
    const spans = [d.span, ...(d.related ?? []).map((r) => r.span), ...(d.fix ? [d.fix.span] : [])];
    for (const s of spans) {
      if (!(s.start >= 0 && s.start <= s.end && s.end <= length)) {
        throw new Error(`span ${JSON.stringify(s)} of ${d.code} lies outside 0..${length}`);
      }
    }
    if (!d.message || !d.code) throw new Error('a diagnostic needs a code and a message');
  }
}

const fragments = [
  'instance', 'from', 'backup', 'cross-region', 'at', 'region', 'restore', 'db', 'database', 'table', 'as', 'except', 'cn-hangzhou',
  '<', '>', ',', '`', '``', '#', '\n', ' ', '\t', '*', '?', '[', ']', '{', '}', '{name}', 'shop', 'order_*',
  '2026-11-20T03:15:00Z', '2026-11-20T03:15', '+08:00', 'rm-x', '9026262', '.', ';', '\0', '\ufffd', 'é', '表', '\r\n',
];

test('random token soup never throws and keeps spans inside the input', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
      const text = parts.join(' ');
      const r = parse(text);
      assertSpansInside(r.diagnostics, text.length);
    }),
    { numRuns: RUNS },
  );
});

test('arbitrary unicode strings never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const r = parse(text);
      assertSpansInside(r.diagnostics, text.length);
    }),
    { numRuns: RUNS },
  );
});

const examples = readdirSync('examples').filter((f) => f.endsWith('.restore')).map((f) => readFileSync(`examples/${f}`, 'utf8'));

test('mutated examples never throw and keep spans inside the input', () => {
  const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 6 }) });
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 5 }), (base, muts) => {
      let text = base;
      for (const m of muts) {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.insert + text.slice(at + m.del);
      }
      const r = parse(text);
      assertSpansInside(r.diagnostics, text.length);
    }),
    { numRuns: RUNS },
  );
});

// Valid specs built from parts, with random spacing, line breaks and comments.
const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/).filter((s) => !/^(instance|from|backup|at|region|restore|db|database|table|as|except)$/i.test(s));
const glob = fc.tuple(ident, fc.constantFrom('*', '?', '_*', '[0-9]', '{a,b}')).map(([a, b]) => a + b);
const quoted = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\r\n\u2028\u2029]/.test(s)).map((s) => '`' + s.replace(/`/g, '``') + '`');
const name = fc.oneof(ident, glob, quoted);
const comment = fc.stringMatching(/^[ -~]{0,20}$/).map((s) => ` # ${s}\n`);
const gap = fc.oneof(fc.constant(' '), fc.constant('\n'), fc.constant('\n\n\n'), fc.constant('  \t'), comment);
const item = fc.oneof(
  fc.tuple(name, fc.option(name, { nil: undefined })).map(([s, t]) => (t ? ['table', s, 'as', t] : ['table', s])),
  name.map((p) => ['except', 'table', p]),
);
const block = fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => {
  const withTable = items.some((i) => i[0] === 'table') ? items : [['table', 'x'], ...items];
  return ['<', ...withTable.flatMap((i, k) => (k > 0 && k % 2 === 0 ? [',', ...i] : i)), '>'];
});
const restore = fc
  .tuple(name, fc.option(name, { nil: undefined }), fc.option(fc.array(name, { minLength: 1, maxLength: 3 }), { nil: undefined }), fc.option(block, { nil: undefined }))
  .map(([s, t, ex, b]) => ['restore', 'db', s, ...(t ? ['as', t] : []), ...(ex ? ['except', 'db', ...ex.flatMap((e, i) => (i ? [',', e] : [e]))] : []), ...(b ?? [])]);
const crossSource = ['from', 'region', 'cn-hangzhou', 'instance', 'rm-src'];
const spec = fc.tuple(
  fc.constantFrom(
    ['from', 'backup', '9026262'],
    ['at', '2026-11-20T11:15:00+08:00'],
    ['at', '2026-11-20T03:15:00Z'],
    ['from', 'cross-region', 'backup', '12490001', ...crossSource],
    [...crossSource, 'at', '2026-11-20T03:15:00Z'],
  ),
  fc.array(restore, { minLength: 1, maxLength: 4 }),
);

test('random valid specs: no errors; fmt keeps meaning and comments and is idempotent', () => {
  fc.assert(
    fc.property(spec, fc.array(gap, { minLength: 200, maxLength: 200 }), ([source, restores], gaps) => {
      const words = ['instance', 'rm-x', ...source, ...restores.flat()];
      const text = words.map((w, i) => w + gaps[i % gaps.length]).join('');
      const r = parse(text);
      assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), [], text);
      const out = print(r.document, text);
      const again = parse(out);
      assert.equal(meaning(again.document), meaning(r.document), out);
      assert.is(print(again.document, out), out);
      assert.equal(again.document.comments.map((c) => c.text.trimEnd()), r.document.comments.map((c) => c.text.trimEnd()));
    }),
    { numRuns: RUNS },
  );
});

// parseTokens tries the parser without error recovery first and hands input it finds an error
// in to the recovering parser: both routes must give the same tree, errors and stop.
function sameBothWays(text: string): void {
  const { tokens } = tokenize(text);
  const strictFirst = parseTokens(tokens, text, true);
  const recovering = parseTokens(tokens, text, false);
  assert.equal(strictFirst.errors.map((e) => [e.name, e.message, e.token.startOffset]), recovering.errors.map((e) => [e.name, e.message, e.token.startOffset]), JSON.stringify(text));
  assert.equal(strictFirst.stoppedAt, recovering.stoppedAt);
  assert.equal(strictFirst.cst, recovering.cst, JSON.stringify(text));
  assert.equal(strictFirst.strays, recovering.strays, JSON.stringify(text));
  treeFacts(strictFirst, text);
  treeFacts(recovering, text);
}

/**
 * What the AST builder and the stray diagnostics read from a parse without walking the tree,
 * checked against a walk of it: each node's location (nodeLocationTracking) spans exactly its
 * real tokens (not those inserted in recovery), and the strays the grammar recorded as it
 * consumed them are the tree's StatementStray and BlockStray tokens, in the order of the text.
 */
function treeFacts(parsed: TokensParse, text: string): void {
  const strays: { token: IToken; inBlock: boolean }[] = [];
  const walk = (node: CstNode): { start: number; end: number } => {
    const span = { start: Infinity, end: -Infinity };
    for (const [key, list] of Object.entries(node.children)) {
      for (const el of list) {
        let s: { start: number; end: number };
        if ('image' in el) {
          if (key === 'StatementStray' || key === 'BlockStray') strays.push({ token: el, inBlock: key === 'BlockStray' });
          if (el.isInsertedInRecovery || Number.isNaN(el.startOffset)) continue;
          assert.is(el.endOffset, el.startOffset + el.image.length - 1, 'a token\'s endOffset is its last character');
          s = { start: el.startOffset, end: el.startOffset + el.image.length };
        } else s = walk(el);
        span.start = Math.min(span.start, s.start);
        span.end = Math.max(span.end, s.end);
      }
    }
    const loc = node.location!;
    const got = Number.isNaN(loc.startOffset) || loc.endOffset === undefined || Number.isNaN(loc.endOffset) ? undefined : { start: loc.startOffset, end: loc.endOffset + 1 };
    assert.equal(got, span.start === Infinity ? undefined : span, `location of ${node.name} in ${JSON.stringify(text)}`);
    return span;
  };
  walk(parsed.cst);
  strays.sort((a, b) => a.token.startOffset - b.token.startOffset);
  assert.equal(parsed.strays.map((s) => [s.token.startOffset, s.inBlock]), strays.map((s) => [s.token.startOffset, s.inBlock]), JSON.stringify(text));
}

test('with or without error recovery first, valid specs, examples and broken input parse alike', () => {
  for (const e of examples) sameBothWays(e);
  fc.assert(
    fc.property(spec, fc.array(gap, { minLength: 50, maxLength: 50 }), ([source, restores], gaps) => {
      const words = ['instance', 'rm-x', ...source, ...restores.flat()];
      sameBothWays(words.map((w, i) => w + gaps[i % gaps.length]).join(''));
    }),
    { numRuns: RUNS },
  );
  fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => sameBothWays(parts.join(' '))), { numRuns: RUNS });
  const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 6 }) });
  fc.assert(
    fc.property(fc.constantFrom(...examples), mutation, (base, m) => {
      const at = m.at % (base.length + 1);
      sameBothWays(base.slice(0, at) + m.insert + base.slice(at + m.del));
    }),
    { numRuns: RUNS },
  );
});

test.run();
