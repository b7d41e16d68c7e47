// npm run bench: runs every benchmark in bench/ one after another. Each prints its figures as
// ratios against a baseline measured in the same run; none fails on a target (they report).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { caCertsCost, removedCaCerts } from './env.mjs';

const only = process.argv[2];
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'lib.mjs', 'env.mjs'].includes(f) && (!only || f.includes(only)))
  .sort();
if (removedCaCerts !== undefined) {
  const c = caCertsCost(removedCaCerts);
  console.log(`NODE_EXTRA_CA_CERTS is set here; every bench runs without it (bench/env.mjs). It costs \`node -e 0\` ${c.ratio.toFixed(2)}x (range ${c.min.toFixed(2)}-${c.max.toFixed(2)}; ${c.pairs} pairs; ${c.with.toFixed(0)} vs ${c.without.toFixed(0)} ms)`);
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
