// bench/startup: how much slower each command starts than bare `node -e 0`, paired run by run
// (A B A B ..., one ratio per pair; the median ratio and its range), in wall time (the target)
// and in CPU time (steadier on a shared machine). Every command as a hook or a person runs it on
// one small spec: fmt --check and lint --no-live (pre-commit hooks: target <= 1.3x), and
// compile, plan, rules, parse, --help (target <= 1.5x).
//   node bench/startup.mjs [PAIRS]     (after npm run bundle)
import { cli, paired, report, requireBuild, runCpu } from './lib.mjs';

requireBuild('startup');
const PAIRS = Number(process.argv[2] ?? 21);
const spec = 'examples/incident-2026-11-20.restore';
const cases = [
  ['fmt --check', ['fmt', '--check', spec], 1.3],
  ['lint --no-live', ['lint', '--no-live', spec], 1.3],
  ['compile (snapshot beside it)', ['compile', spec], 1.5],
  ['plan (snapshot beside it)', ['plan', spec], 1.5],
  ['parse', ['parse', spec], 1.5],
  ['rules', ['rules'], 1.5],
  ['--help', ['--help'], 1.5],
];
let all = true;
for (const [label, args, target] of cases) {
  const cpu = { base: [], cmd: [] };
  const r = await paired(
    PAIRS,
    () => {
      const t = runCpu(['node', '-e', '0']);
      cpu.base.push(t.cpu);
      return t.wall;
    },
    () => {
      const t = runCpu(['node', cli, ...args]);
      cpu.cmd.push(t.cpu);
      return t.wall;
    },
  );
  all = report(`${label} vs node -e 0`, r, target) && all;
  const ratios = cpu.cmd.map((c, i) => c / cpu.base[i]).filter(Number.isFinite).sort((a, b) => a - b);
  if (ratios.length) console.log(`${''.padEnd(44)} CPU time ${ratios[ratios.length >> 1].toFixed(2)}x (range ${ratios[0].toFixed(2)}-${ratios[ratios.length - 1].toFixed(2)})`);
}
console.log(all ? 'startup: every target met' : 'startup: some targets not met');
