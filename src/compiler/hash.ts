// SHA-256 in hex, with node:crypto loaded on first use: loading it pulls in the stream and
// crypto machinery (~8 ms), which `lint --no-live` and `fmt` in a pre-commit hook never need.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

export function sha256Hex(data: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return crypto.createHash('sha256').update(data).digest('hex');
}
