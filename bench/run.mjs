// npm run bench: runs every benchmark in bench/ one after another. Each prints its figures as
// ratios against a baseline measured in the same run; none fails on a target (they report).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && (!only || f.includes(only)))
  .sort();
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
