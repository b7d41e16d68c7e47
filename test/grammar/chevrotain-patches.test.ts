// The bundles carry chevrotain patched (scripts/chevrotain-patches.mjs). The lookahead patch has
// its own tests (lookahead-cache.test.ts); here, the CST children patch: each node's children
// object is made by a constructor with a null prototype instead of Object.create(null), so V8
// keeps it with fast properties (a valid 1 MiB spec has 220,000 nodes). Trees must be exactly
// what chevrotain's own make, and still have no inherited keys.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { CstNode, IToken } from 'chevrotain';
import { bundlePatched } from '../../scripts/chevrotain-patches.mjs';
import { parseText, repositorySpecs } from '../helpers/repository-specs.ts';
import { parserWith as unpatchedParser } from '../../src/grammar/parser.ts';
import { tokenize } from '../../src/grammar/lexer.ts';

type Parser = ReturnType<typeof unpatchedParser>;
const patched = (await bundlePatched("export { parserWith } from './src/grammar/parser.ts'; export { tokenize } from './src/grammar/lexer.ts';")) as unknown as {
  parserWith(recorded: undefined): Parser;
  tokenize(text: string): { tokens: IToken[] };
};
const ours = patched.parserWith(undefined);
const theirs = unpatchedParser(undefined);

setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

function nodes(n: CstNode, out: CstNode[] = []): CstNode[] {
  out.push(n);
  for (const key in n.children) for (const el of n.children[key]!) if (!('image' in el)) nodes(el, out);
  return out;
}

test('the same trees and errors as chevrotain unpatched, for every spec and mistake in the repository', () => {
  const files = repositorySpecs();
  assert.ok(files.length > 100, `${files.length} files`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.is(parseText(ours, patched.tokenize(text).tokens), parseText(theirs, tokenize(text).tokens), f);
  }
});

test('children have fast properties and no inherited keys; unpatched they are a dictionary', () => {
  const text = readFileSync('examples/incident-2026-11-20.restore', 'utf8');
  ours.input = patched.tokenize(text).tokens;
  const tree = nodes(ours.document());
  theirs.input = tokenize(text).tokens;
  const before = nodes(theirs.document());
  assert.ok(tree.length > 20, `${tree.length} nodes`);
  for (const n of tree) {
    assert.ok(hasFastProperties(n.children), n.name);
    assert.is(Object.getPrototypeOf(Object.getPrototypeOf(n.children)), null, n.name);
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) assert.not.ok(key in n.children && !Object.hasOwn(n.children, key), `${n.name}: ${key}`);
  }
  // What the patch is for: chevrotain's own children are in dictionary mode.
  assert.ok(before.every((n) => !hasFastProperties(n.children)));
});

test.run();
