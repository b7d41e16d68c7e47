// bench/startup: how much slower each command starts than bare `node -e 0`, paired run by run
// (A B A B ..., one ratio per pair; the median ratio and its range), in wall time (the target)
// and in CPU time (steadier on a shared machine). Every command as a hook or a person runs it on
// one small spec: fmt --check and lint --no-live (pre-commit hooks: target <= 1.3x), and
// compile, plan, rules, parse, --help (target <= 1.5x). First, the floor: `--version` (Node's
// start, the CLI's bundle read with its code cache and run, one line printed) is what any command
// costs before it does its own work; each target is also shown as the milliseconds it leaves.
//   node bench/startup.mjs [PAIRS]     (after npm run bundle)
import { cli, paired, report, requireBuild, runCpu } from './lib.mjs';

requireBuild('startup');
const PAIRS = Number(process.argv[2] ?? 21);
const spec = 'examples/incident-2026-11-20.restore';
const cases = [
  ['--version (the floor: loading the CLI)', ['--version'], undefined],
  ['fmt --check', ['fmt', '--check', spec], 1.3],
  ['lint --no-live', ['lint', '--no-live', spec], 1.3],
  ['compile (snapshot beside it)', ['compile', spec], 1.5],
  ['plan (snapshot beside it)', ['plan', spec], 1.5],
  ['parse', ['parse', spec], 1.5],
  ['rules', ['rules'], 1.5],
  ['--help', ['--help'], 1.5],
];
let all = true;
let floor;
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
  if (target === undefined) floor = r;
  else if (floor) {
    // What the target leaves the command once the CLI is loaded (`--version`), and what it takes (a
    // command with a bundle of its own counts that bundle's larger cache in its work): in ms of
    // this run's `node -e 0`, so that the two read on one scale.
    const left = (target - floor.ratio) * r.baseline;
    const takes = (r.ratio - floor.ratio) * r.baseline;
    console.log(`${''.padEnd(44)} past loading: ${takes.toFixed(1)} ms of work; the target leaves ${left.toFixed(1)} ms`);
  }
}
console.log(all ? 'startup: every target met' : 'startup: some targets not met');
