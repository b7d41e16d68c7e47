// Seeded randomness for the sandbox: fault draws and RequestIds repeat exactly for one seed, so a
// test (or a user) can replay a fault sequence. No Math.random anywhere in the sandbox.
import { createHash, randomUUID } from 'node:crypto';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: tiny, fast and good enough for fault draws; not for anything secret. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** RequestIds in the service's shape (uppercase UUID); deterministic per seed and call number. */
export function requestIdSource(seed: number | undefined): () => string {
  let n = 0;
  return () => {
    if (seed === undefined) return randomUUID().toUpperCase();
    const h = createHash('sha256').update(`${seed}:${n++}`).digest('hex').toUpperCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
}
