// Imported first by every bench: the environment every measured process runs in.
//
// NODE_EXTRA_CA_CERTS is removed. With it set, Node builds its TLS root store at start-up, before
// any code runs: +25 ms to every process on the build machine with a file that does not exist,
// +55 ms with Debian's CA bundle (paired, 15 pairs each, `node -e 0` at 26 ms without it). Both
// sides of every ratio would pay it, which hides what restorec itself costs: `lint --no-live` read
// 1.34x `node -e 0` with it and 2.03x without it in the same hour. The figures are those of a
// user without it, the stricter case; `npm run bench` prints what the variable cost here.
import { spawnSync } from 'node:child_process';

/** The value removed from this process's environment (children inherit the removal), if any. */
export const removedCaCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;

/**
 * What NODE_EXTRA_CA_CERTS (the value this process was started with) costs `node -e 0`, paired
 * run by run: the median ratio with and without it, its range, and the two medians in ms.
 */
export function caCertsCost(value, pairs = 9) {
  const time = (env) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const without = { ...process.env };
  const withIt = { ...process.env, NODE_EXTRA_CA_CERTS: value };
  time(without);
  time(withIt);
  const ratios = [];
  const a = [];
  const b = [];
  for (let i = 0; i < pairs; i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = time(without);
      y = time(withIt);
    } else {
      y = time(withIt);
      x = time(without);
    }
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  const med = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
  return { ratio: med(ratios), min: Math.min(...ratios), max: Math.max(...ratios), without: med(a), with: med(b), pairs };
}
