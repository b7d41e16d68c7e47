// npm run bench: runs every benchmark in bench/ one after another. Each prints its figures as
// ratios against a baseline measured in the same run; none fails on a target (they report).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { removedCaCerts } from './env.mjs';
import { paired } from './lib.mjs';

const only = process.argv[2];
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'lib.mjs', 'env.mjs'].includes(f) && (!only || f.includes(only)))
  .sort();
if (removedCaCerts !== undefined) {
  // What the variable this process was started with costs `node -e 0`, paired run by run.
  const time = (env) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const withIt = { ...process.env, NODE_EXTRA_CA_CERTS: removedCaCerts };
  const c = await paired(9, () => time(process.env), () => time(withIt));
  console.log(`NODE_EXTRA_CA_CERTS is set here; every bench runs without it (bench/env.mjs). It costs \`node -e 0\` ${c.ratio.toFixed(2)}x (range ${c.min.toFixed(2)}-${c.max.toFixed(2)}; ${c.runs} pairs; ${c.subject.toFixed(0)} vs ${c.baseline.toFixed(0)} ms)`);
}
let failed = 0;
for (const b of benches) {
  console.log(`== bench/${b}`);
  const r = spawnSync(process.execPath, [`bench/${b}`], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${b} exited ${r.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
