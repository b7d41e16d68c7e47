// The inventory reader checks answers with validators the build compiled ahead of time
// (scripts/gen-validators.mjs → read-validators.js). They must be what ajv compiles at run time
// from the same lists: generated for exactly the current lists, and giving the same problems
// for any answer (random values at every path the reader reads, of every JSON type).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { READ_PATHS, READ_VALIDATORS } from '../../src/compiler/generated/read-validators.js';
import { READS } from '../../src/inventory/read-paths.ts';
import { checkerFrom, responseChecker } from '../../src/contract/response.ts';

test('one build-time validator per operation the reader calls, for its current list of fields', () => {
  assert.equal(Object.keys(READ_VALIDATORS).sort(), Object.keys(READS).sort());
  for (const [action, reads] of Object.entries(READS)) assert.is(READ_PATHS[action], reads.join(','), action);
});

/** An answer with `leaf` values at the read paths (`A.B[].C`: arrays of 0-2 items on the way). */
function answerAt(paths: readonly string[], leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const tree: Record<string, string[]> = {};
  for (const p of paths) {
    const m = /^([^.[\]]+)((?:\[\])*)(?:\.(.*))?$/.exec(p)!;
    (tree[m[1]! + (m[2] ?? '')] ??= []).push(m[3] ?? '');
  }
  const fields = Object.entries(tree).map(([key, rests]) => {
    const arrays = (key.match(/\[\]/g) ?? []).length;
    const name = key.replace(/\[\]/g, '');
    let value = rests.every((r) => r === '') ? leaf : answerAt(rests.filter((r) => r !== ''), leaf);
    for (let i = 0; i < arrays; i++) value = fc.array(value, { maxLength: 2 });
    return fc.option(value.map((v) => [name, v] as const), { nil: undefined, freq: 5 });
  });
  return fc.tuple(...fields).map((kv) => Object.fromEntries(kv.filter((x) => x !== undefined)));
}

const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.constantFrom('Success', '1', 3.5, 2 ** 40));

for (const [action, reads] of Object.entries(READS)) {
  test(`${action}: the build's validator and ajv at run time find the same problems`, () => {
    const built = checkerFrom(READ_VALIDATORS[action]!);
    const runtime = responseChecker(action, 'reads', reads);
    fc.assert(fc.property(fc.oneof(answerAt(reads, leaf), fc.jsonValue()), (body) => assert.equal(built(body), runtime(body))), { numRuns: 300 });
  });
}

test.run();
