// SHA-256 in hex (ClientTokens, SARIF fingerprints, saved plans). node:crypto costs ~4 ms to
// load (it pulls in the stream and cipher machinery): more than compile or plan of one spec
// spends on everything after parsing (bench/startup). So the first hashes are computed by
// @noble/hashes (audited, dependency-free, pure JS), and node:crypto takes over once the pure-JS
// hashes would pass PURE_JS_BUDGET bytes. In a fresh process the pure-JS hash runs cold: about
// 1 ms for 200 bytes, 2-3 ms for 1 KB and 4 ms for 4 KB here, against ~4.5 ms for loading
// node:crypto and hashing, so past a few KB native is quicker (a 1M-table compile hashes ~12 MB:
// a 256 KiB budget cost it ~10 ms of cold pure-JS hashing). Both compute the same digest
// (test/compiler/hash.test.ts checks that on random inputs).
import { createRequire } from 'node:module';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/** Bytes the pure-JS hash may take before node:crypto is loaded instead. */
export const PURE_JS_BUDGET = 4 * 1024;
let pureBytes = 0;

const pure = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
const nativeWith = (c: Crypto, data: Hashable): string => {
  const h = c.createHash('sha256');
  if (typeof data === 'string' || data instanceof Uint8Array) h.update(data);
  // Piece by piece: no copy of megabytes into one string first.
  else for (const piece of data) h.update(piece);
  return h.digest('hex');
};
const loadCrypto = (): Crypto => createRequire(import.meta.url)('node:crypto') as Crypto;

/** What is hashed: a string (as UTF-8), bytes, or strings hashed as if joined into one. */
export type Hashable = string | Uint8Array | readonly string[];

export function sha256Hex(data: Hashable): string {
  if (!crypto) {
    const bytes = typeof data === 'string' ? utf8ToBytes(data) : data instanceof Uint8Array ? data : utf8ToBytes(data.join(''));
    if (pureBytes + bytes.length <= PURE_JS_BUDGET) {
      pureBytes += bytes.length;
      return pure(bytes);
    }
  }
  return nativeWith((crypto ??= loadCrypto()), data);
}

/** The two implementations, for the test that they agree. */
export const implementations = {
  pure: (data: string | Uint8Array): string => pure(typeof data === 'string' ? utf8ToBytes(data) : data),
  // Without switching sha256Hex to node:crypto: the test checks both before and after the switch.
  native: (data: Hashable): string => nativeWith(loadCrypto(), data),
};
