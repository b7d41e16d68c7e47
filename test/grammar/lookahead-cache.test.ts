// The bundle's parser takes its lookahead paths from data the build recorded (src/grammar/
// lookahead-cache.ts) instead of working them out at every start. Checked here, on the parser
// module bundled with chevrotain patched exactly as the build patches it: the build records a
// path set for every alternation, option and repetition; each is what chevrotain's public
// getLookaheadPaths gives for that production; a parser given the data parses every spec of the
// repository exactly as one that computes them (trees, errors, recovery); data missing a
// production is computed; and chevrotain unpatched never calls the hook.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseText, repositorySpecs } from '../helpers/repository-specs.ts';
import { readFileSync } from 'node:fs';
import type { IProduction, Rule, TokenType } from 'chevrotain';
import { bundlePatched } from '../../scripts/chevrotain-patches.mjs';
import { LOOKAHEAD_HOOK, type RecordedLookahead } from '../../src/grammar/lookahead-cache.ts';
import { parserWith as unpatchedParser } from '../../src/grammar/parser.ts';

type Parser = ReturnType<typeof unpatchedParser>;
interface Patched {
  parserWith(recorded: undefined, lookahead?: RecordedLookahead): Parser;
  recordedLookahead(): RecordedLookahead;
  tokenize(text: string): { tokens: unknown[] };
  getLookaheadPaths(o: { occurrence: number; rule: Rule; prodType: string; maxLookahead: number }): TokenType[][][];
}
const patched = (await bundlePatched(
  "export { parserWith, recordedLookahead } from './src/grammar/parser.ts'; export { tokenize } from './src/grammar/lexer.ts'; export { getLookaheadPaths } from 'chevrotain';",
)) as unknown as Patched;
const data = patched.recordedLookahead();
const computing = patched.parserWith(undefined);
const fromData = patched.parserWith(undefined, data);

/** chevrotain's PROD_TYPE numbers, which its optional-production path function receives. */
const OPTIONAL_KINDS: Record<string, string> = { '0': 'Option', '1': 'Repetition', '2': 'RepetitionMandatory', '3': 'RepetitionMandatoryWithSeparator', '4': 'RepetitionWithSeparator' };
const KIND_OF_CLASS: Record<string, string> = { Alternation: 'or', Option: 'optional0', Repetition: 'optional1', RepetitionMandatory: 'optional2', RepetitionMandatoryWithSeparator: 'optional3', RepetitionWithSeparator: 'optional4' };

/** Every alternation, option and repetition of the grammar, as `rule/kind/occurrence`. */
function productions(rules: Rule[]): string[] {
  const out: string[] = [];
  const walk = (rule: string, p: IProduction) => {
    const kind = KIND_OF_CLASS[p.constructor.name];
    if (kind) out.push(`${rule}/${kind}/${(p as unknown as { idx: number }).idx}`);
    // A NonTerminal's definition is the rule it refers to: that rule is walked on its own.
    if (p.constructor.name !== 'NonTerminal') for (const d of (p as { definition?: IProduction[] }).definition ?? []) walk(rule, d);
  };
  for (const r of rules) walk(r.name, r);
  return out.sort();
}

test('a path set for every alternation, option and repetition, each as chevrotain\'s getLookaheadPaths gives it', () => {
  const rules = computing.getGAstProductions();
  const keys = Object.keys(data);
  assert.equal(keys.map((k) => k.split('/').slice(0, 3).join('/')).sort(), productions(Object.values(rules)));
  for (const key of keys) {
    const [rule, kind, occurrence, k] = key.split('/') as [string, string, string, string];
    const prodType = kind === 'or' ? 'Alternation' : OPTIONAL_KINDS[kind.slice('optional'.length)];
    assert.ok(prodType, key);
    const paths = patched.getLookaheadPaths({ occurrence: Number(occurrence), rule: rules[rule]!, prodType: prodType!, maxLookahead: Number(k) });
    assert.equal(data[key], paths.map((alt) => alt.map((path) => path.map((t) => t.name))), key);
  }
  assert.equal(JSON.parse(JSON.stringify(data)), data, 'the data survives the trip the build makes (a JSON string)');
});

const tree = (p: Parser, text: string) => parseText(p, patched.tokenize(text).tokens as never);

test('the same trees and errors for every spec and mistake in the repository', () => {
  const files = repositorySpecs();
  assert.ok(files.length > 100, `${files.length} files`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.is(tree(fromData, text), tree(computing, text), f);
  }
});

test('a production the data does not hold is computed; a wrong path set would be used (so the data matters)', () => {
  const [first, ...rest] = Object.keys(data);
  const partial = Object.fromEntries(rest.map((k) => [k, data[k]!]));
  const text = readFileSync('examples/incident-2026-11-20.restore', 'utf8');
  assert.is(tree(patched.parserWith(undefined, partial), text), tree(computing, text), `without ${first}`);
  // Every alternative of `statement` chosen by nothing: the parse of a spec fails.
  const key = Object.keys(data).find((k) => k.startsWith('statement/or/'))!;
  const broken = { ...data, [key]: data[key]!.map(() => []) };
  assert.is.not(tree(patched.parserWith(undefined, broken), text), tree(computing, text));
});

test('chevrotain unpatched (the sources, as the tests run them) never calls the hook', () => {
  let calls = 0;
  const hooks = globalThis as unknown as Record<symbol, unknown>;
  hooks[LOOKAHEAD_HOOK] = () => {
    calls++;
    throw new Error('called');
  };
  try {
    unpatchedParser(undefined);
  } finally {
    delete hooks[LOOKAHEAD_HOOK];
  }
  assert.is(calls, 0);
});

test.run();
