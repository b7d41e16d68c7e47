// Shared by the benchmarks: run the CLI as a user does (its defaults, its own process start) and
// compare it with a baseline **paired run by run**: the two alternate (A B A B ...), each pair
// gives one ratio, and the figure is the median of the ratios with their min-max. Two separate
// medians drift apart on a shared machine; a ratio per pair sees the same load on both sides.
import './env.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const cli = join(root, 'bin/restorec.cjs');

export function requireBuild(name) {
  if (!existsSync(join(root, 'dist/cli.cjs'))) {
    console.error(`${name}: build first (npm run bundle)`);
    process.exit(2);
  }
}

/**
 * Runs a command (argv[0] is the program; `node` means this Node) and returns its wall time in
 * ms. stdout goes to `out` (a file) or is ignored, never piped into this process.
 */
export function run(argv, { out, cwd = root, env, input, allowFail = false } = {}) {
  const [cmd, ...args] = argv;
  const fd = out ? openSync(out, 'w') : 'ignore';
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd === 'node' ? process.execPath : cmd, args, { cwd, env: env ?? process.env, stdio: [input === undefined ? 'ignore' : 'pipe', fd, 'pipe'], input, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (out) closeSync(fd);
  if (!allowFail && r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ').slice(0, 200)} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return ms;
}

/**
 * As `run`, also returning the CPU time (user + system) of the child, read by GNU time: on a
 * shared machine CPU time moves far less with the load than wall time, so both are reported.
 */
export function runCpu(argv, opts = {}) {
  if (!existsSync('/usr/bin/time')) return { wall: run(argv, opts), cpu: NaN };
  const file = join(tmpdir(), `restorec-bench-time-${process.pid}`);
  const [cmd, ...args] = argv;
  const wall = run(['/usr/bin/time', '-q', '-f', '%U %S', '-o', file, cmd === 'node' ? process.execPath : cmd, ...args], opts);
  const [user, sys] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  return { wall, cpu: (user + sys) * 1000 };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Paired measurement: one warm-up of each, then `runs` pairs, alternating which goes first.
 * Returns the ratio subject/baseline per pair, their median and range, and the medians of each.
 */
export async function paired(runs, baseline, subject) {
  await baseline();
  await subject();
  const ratios = [];
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = await baseline();
      y = await subject();
    } else {
      y = await subject();
      x = await baseline();
    }
    a.push(x);
    b.push(y);
    ratios.push(y / x);
  }
  return { ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), baseline: median(a), subject: median(b), runs };
}

/** Prints a paired result; with a target, whether it holds (and returns that). */
export function report(label, r, target, better = 'lower') {
  const ok = target === undefined || (better === 'lower' ? r.ratio <= target : r.ratio >= target);
  const spread = `range ${r.min.toFixed(2)}-${r.max.toFixed(2)}`;
  const verdict = target === undefined ? '' : `  target ${better === 'lower' ? '<=' : '>='} ${target}x ${ok ? 'MET' : 'NOT MET'}`;
  console.log(`${label.padEnd(44)} ${r.ratio.toFixed(2)}x (${spread}; ${r.runs} pairs; medians ${r.subject.toFixed(0)} vs ${r.baseline.toFixed(0)} ms)${verdict}`);
  return ok;
}

/** As `run`, without blocking this process (an in-process sandbox must keep answering). */
export function runAsync(argv, { cwd = root, env } = {}) {
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = argv;
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd === 'node' ? process.execPath : cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (status !== 0 && status !== 1) reject(new Error(`${argv.join(' ').slice(0, 200)} exited ${status}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, stderr });
    });
  });
}
