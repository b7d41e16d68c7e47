// SHA-256 in hex (ClientTokens, SARIF fingerprints, saved plans). node:crypto costs ~3.5 ms to
// load (it pulls in the stream and cipher machinery): more than compile or plan of one spec
// spends on everything after parsing (bench/startup). So the first hashes are computed by
// @noble/hashes (audited, dependency-free, pure JS, about 100 MB/s here against node:crypto's
// 600), and node:crypto takes over once the pure-JS hashes have seen PURE_JS_BUDGET bytes: at
// most ~2.5 ms spent before a large compile (a million tables hash ~20 MiB) switches to native.
// Both compute the same digest (test/compiler/hash.test.ts checks that on random inputs).
import { createRequire } from 'node:module';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/** Bytes the pure-JS hash may take before node:crypto is loaded instead. */
export const PURE_JS_BUDGET = 256 * 1024;
let pureBytes = 0;

const pure = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
const nativeWith = (c: Crypto, data: string | Uint8Array): string => c.createHash('sha256').update(data).digest('hex');
const loadCrypto = (): Crypto => createRequire(import.meta.url)('node:crypto') as Crypto;

export function sha256Hex(data: string | Uint8Array): string {
  if (!crypto) {
    const bytes = typeof data === 'string' ? utf8ToBytes(data) : data;
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
  native: (data: string | Uint8Array): string => nativeWith(loadCrypto(), data),
};
