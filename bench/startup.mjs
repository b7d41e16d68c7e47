// bench/startup: how much slower `restorec fmt --check` starts than bare `node -e 0`, measured
// in the same run (interleaved, median of several runs). Target: 1.5x or less.
//   node bench/startup.mjs [RUNS]     (after npm run bundle)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const runs = Number(process.argv[2] ?? 21);
const example = 'examples/incident-2026-11-20.restore';
if (!existsSync('dist/cli.cjs')) {
  console.error('bench/startup: build first (npm run bundle)');
  process.exit(2);
}

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = [];
const cli = [];
// Warm the file cache, then alternate so both see the same machine load.
time(['-e', '0']);
time(['bin/restorec.cjs', 'fmt', '--check', example]);
for (let i = 0; i < runs; i++) {
  baseline.push(time(['-e', '0']));
  cli.push(time(['bin/restorec.cjs', 'fmt', '--check', example]));
}
const b = median(baseline);
const c = median(cli);
const ratio = c / b;
console.log(`startup: node -e 0 median ${b.toFixed(1)} ms; restorec fmt --check median ${c.toFixed(1)} ms (${runs} runs each)`);
console.log(`startup: ratio ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'MET' : 'NOT MET'}`);
