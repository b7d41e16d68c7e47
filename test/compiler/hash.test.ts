// ClientTokens and saved-plan digests are SHA-256 from @noble/hashes for the first bytes of a
// run and from node:crypto after (src/compiler/hash.ts): both must give the same digest, for
// any text (surrogates, lone surrogates, the empty string) and any bytes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { implementations, sha256Hex, PURE_JS_BUDGET } from '../../src/compiler/hash.ts';

test('pure-JS and node:crypto SHA-256 agree on any text and bytes', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => implementations.pure(s) === implementations.native(s)), { numRuns: 500 });
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => implementations.pure(b) === implementations.native(b)), { numRuns: 300 });
  // Lengths around SHA-256's 64-byte blocks and its 55/56-byte padding edge.
  for (let n = 0; n < 200; n++) {
    const s = 'é'.repeat(n >> 1) + 'a'.repeat(n & 1);
    assert.is(implementations.pure(s), implementations.native(s), `length ${n}`);
  }
});

// A ClientToken hashes its canonical text in pieces (megabytes of TableMeta are not copied into one
// string): pieces cut between characters hash as their join does, on both routes.
test('strings hash as their join, by pure JS and by node:crypto', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.is(sha256Hex(['a', '', 'bc']), abc); // the first hash of the file: the pure-JS route
  const piece = fc.string({ unit: fc.constantFrom('a', '"', 'é', '表', '\ud83d\ude00', '\u0000'), maxLength: 12 });
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
      const whole = implementations.native(pieces.join(''));
      return implementations.native(pieces) === whole && sha256Hex(pieces) === whole;
    }),
    { numRuns: 300 },
  );
});

test('the known digest, before and after the switch to node:crypto', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.is(sha256Hex('abc'), abc);
  sha256Hex('x'.repeat(PURE_JS_BUDGET + 1)); // past the budget: native from here on
  assert.is(sha256Hex('abc'), abc);
  assert.is(sha256Hex(new TextEncoder().encode('abc')), abc);
});

test.run();
