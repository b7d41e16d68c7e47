// npm run fuzz: every fuzz target (test/fuzz/registry.ts) for a configurable time, each in its own
// process, watched for hangs; then a report of inputs per kind, crashes, hangs and secrets
// printed. Exits 1 unless all three are zero. `npm test` runs the same targets briefly.
//
//   npm run fuzz -- [--seconds N] [--target NAME]... [--seed S] [--jobs J]
//     --seconds N   total time, shared among the targets (default: FUZZ_SECONDS, else 120)
//     --target NAME only this target (repeatable); --seed S replays a run (with one --target)
//     --jobs J      targets run at once (default 1: the machine may be shared)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]] : []));
const total = Number(values('seconds')[0] ?? process.env.FUZZ_SECONDS ?? 120);
const jobs = Math.max(1, Number(values('jobs')[0] ?? 1));
const seed = values('seed')[0];
if (!(total > 0)) {
  console.error('fuzz: --seconds must be a number of seconds above 0');
  process.exit(2);
}

/** Runs the worker; resolves with its JSON lines and all it printed, killing it on a hang. */
function worker(workerArgs, watchMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fuzz/worker.ts', ...workerArgs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const lines = [];
    let out = '';
    let err = '';
    let killed = false;
    let timer;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, watchMs);
    };
    watch();
    child.stdout.on('data', (d) => {
      out += d;
      let nl;
      while ((nl = out.indexOf('\n')) !== -1) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        try {
          lines.push(JSON.parse(line));
          watch(); // progress: not hung
        } catch {
          err += line + '\n'; // printed by the code under test
        }
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ lines, printed: err + out, killed, code });
    });
  });
}

const listed = await worker(['--list'], 60_000);
const all = listed.lines.find((l) => l.targets)?.targets;
if (!all) {
  console.error(`fuzz: cannot list the targets:\n${listed.printed}`);
  process.exit(2);
}
const chosen = values('target');
const unknown = chosen.filter((n) => !all.some((t) => t.name === n));
if (unknown.length > 0) {
  console.error(`fuzz: unknown target ${unknown.join(', ')}; targets: ${all.map((t) => t.name).join(', ')}`);
  process.exit(2);
}
const run = chosen.length > 0 ? all.filter((t) => chosen.includes(t.name)) : all;
const each = Math.max(1, Math.floor(total / Math.ceil(run.length / jobs)));
console.log(`fuzz: ${run.length} target(s), ${each} s each, ${jobs} at a time`);

const reports = [];
async function fuzz(t) {
  // A hang: no input finished within the target's bound (plus start-up and slack).
  const w = await worker(['--target', t.name, '--seconds', String(each), ...(seed ? ['--seed', seed] : [])], t.boundMs * 2 + 30_000);
  const result = w.lines.find((l) => l.result)?.result;
  const leaked = t.secrets.filter((s) => w.printed.includes(s)).length + (result?.leaks ?? 0);
  const runs = result?.runs ?? w.lines.filter((l) => l.progress !== undefined).pop()?.progress ?? 0;
  const report = { ...t, runs, crashes: result?.failed ? 1 : 0, hangs: (result?.overBound ?? 0) + (w.killed ? 1 : 0), leaked, result, w };
  if (!result && !w.killed) report.crashes = 1; // the worker itself died
  reports.push(report);
  const status = report.crashes + report.hangs + report.leaked === 0 ? 'ok' : 'FAILED';
  console.log(`  ${status.padEnd(6)} ${t.name.padEnd(12)} ${String(runs).padStart(8)} inputs (${t.kind}), slowest ${result?.slowestMs ?? '?'} ms`);
}
const queue = [...run];
await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
  while (queue.length > 0) await fuzz(queue.shift());
}));

reports.sort((a, b) => run.indexOf(run.find((t) => t.name === a.name)) - run.indexOf(run.find((t) => t.name === b.name)));
console.log('\ninput kind                      inputs  crashes  hangs  secrets printed');
for (const r of reports) console.log(`${r.kind.padEnd(30)} ${String(r.runs).padStart(7)} ${String(r.crashes).padStart(8)} ${String(r.hangs).padStart(6)} ${String(r.leaked).padStart(16)}`);
const sum = (k) => reports.reduce((n, r) => n + r[k], 0);
console.log(`${'total'.padEnd(30)} ${String(sum('runs')).padStart(7)} ${String(sum('crashes')).padStart(8)} ${String(sum('hangs')).padStart(6)} ${String(sum('leaked')).padStart(16)}`);

for (const r of reports.filter((x) => x.crashes + x.hangs + x.leaked > 0)) {
  console.log(`\n${r.name} (${r.kind}):`);
  if (r.w.killed) console.log(`  hang: no input finished within ${Math.round((r.boundMs * 2 + 30_000) / 1000)} s after ${r.runs} inputs; the worker was killed`);
  if (r.result?.failed) console.log(`  crash: ${r.result.error}\n  input: ${r.result.counterexample}`);
  if (r.result?.overBoundExample) console.log(`  ${r.result.overBound} input(s) over the ${r.boundMs} ms bound; the first took ${r.result.overBoundExample}`);
  if (r.leaked > 0) console.log(`  a planted secret was printed ${r.leaked} time(s)`);
  if (!r.result && !r.w.killed) console.log(`  the worker died (exit ${r.w.code}):\n${r.w.printed.slice(-2000)}`);
  const started = r.w.lines.find((l) => l.start)?.start;
  console.log(`  replay: npm run fuzz -- --target ${r.name} --seed ${r.result?.seed ?? started?.seed ?? '?'} --seconds ${each}`);
}
const bad = sum('crashes') + sum('hangs') + sum('leaked');
console.log(bad === 0 ? '\nfuzz: 0 crashes, 0 hangs past their bound, 0 secrets printed' : `\nfuzz: ${sum('crashes')} crashes, ${sum('hangs')} hangs, ${sum('leaked')} secrets printed`);
process.exit(bad === 0 ? 0 : 1);
