// bench/scale: compile at scale. Generates (in a temp dir, never the repo) a snapshot of about
// 1,000,000 tables (2,000 databases x 500 tables, each database's list distinct: a sharded schema
// plus tables of its own) and a spec of 20 pattern rules, then times `restorec compile` against
// reading + JSON-parsing the same snapshot, both as spawned children. Paired run by run: after a
// warm-up of each, they alternate SCALE_RUNS times and each pair gives one ratio; the figure is
// the median ratio with its range (target <= 2x; peak RSS < 1 GiB). Reports; never fails.
// A third command runs in each round: bench/scale-floor.cjs, the least any program does to write
// requests of the same size from the same snapshot (one regular expression, no checks); its ratio
// to the parse is the floor under the target, and compile's ratio to it what restorec adds.
//   node bench/scale.mjs            (after npm run bundle; 11 pairs: with 5 the median moved from
//                                    3.1x to 3.9x between runs of one build; SCALE_RUNS=N to change)
import './env.mjs';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DBS = 2000;
const TABLES = 500;
const RUNS = Math.max(1, Number(process.env.SCALE_RUNS ?? 11));
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/restorec.cjs');
if (!existsSync(join(root, 'dist'))) {
  console.error('scale: build first (npm run bundle)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'restorec-scale-'));
const outFile = join(dir, 'stdout.json');
const pad = (n, w) => String(n).padStart(w, '0');
const KINDS = ['orders', 'order_items', 'events', 'sessions', 'audit'];
const tableName = (t) => `${KINDS[t % KINDS.length]}_${pad(Math.floor(t / KINDS.length), 3)}`;
const tables = Array.from({ length: TABLES - 2 }, (_, t) => tableName(t));
// Each database's own list: the shared tables plus two of its own, so no two lists are equal and
// nothing is worked out once for many databases.
const dbs = Array.from({ length: DBS }, (_, d) => ({ Database: `app_${pad(d, 4)}`, Size: 1024 * (d + 1), Tables: [...tables, `orders_own_${pad(d, 4)}`, `tmp_${pad(d, 4)}`] }));
const snapshot = {
  version: 1,
  instance: { DBInstanceId: 'rm-scale000000000001', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', lower_case_table_names: 1 },
  contents: [{ BackupId: '900000001', Databases: dbs }],
};
const inventory = join(dir, 'scale.inventory.json');
writeFileSync(inventory, JSON.stringify(snapshot));

// 20 rules: database patterns that together cover every database, table patterns with
// templates and excepts, exact names, and a few whole databases.
const rules = [];
for (let i = 0; i < 17; i++) {
  const prefix = pad(i, 2);
  const item = [
    `  table orders_0{0,1}? as {name}_r`,
    `  table events_0[0-4]* as {name}_r`,
    `  except table events_04?`,
    `  table audit_042`,
  ];
  rules.push(`restore db app_${prefix}* as *_r${i} <\n${item.join('\n')}\n>`);
}
rules.push('restore db app_17?? as r_17?? < table *_00? as *_x_00? >');
rules.push('restore db app_18[0-4]* < table * as {name}_old >');
rules.push('restore db app_19* as {name}_x except db app_1999 < table sessions_0[0-4]? >');
const spec = join(dir, 'scale.restore');
writeFileSync(spec, `instance rm-scale000000000001\nfrom backup 900000001\n\n${rules.join('\n')}\n`);

/**
 * Runs one command; its stdout goes to a file (as `restorec compile ... > requests.json` does in
 * CI), not into this process through a pipe, whose back-pressure would be timed too.
 */
function timed(args) {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', '%M', process.execPath, ...args] : args;
  const out = openSync(outFile, 'w');
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  const rssKiB = useTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) : NaN;
  return { seconds, rssKiB, status: r.status, stderr: r.stderr };
}
/** Median seconds, the range, the largest peak RSS, and the last run (for its output). */
function summary(runs) {
  const s = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], rssKiB: Math.max(...runs.map((r) => r.rssKiB)), failed: runs.find((r) => r.status !== 0), last: runs[runs.length - 1] };
}
const range = (x) => `${x.median.toFixed(2)} s (${x.min.toFixed(2)}-${x.max.toFixed(2)})`;

try {
  const mb = (statSync(inventory).size / 1048576).toFixed(1);
  console.log(`scale: snapshot ${DBS} databases x ${TABLES} tables = ${DBS * TABLES} tables (distinct lists), ${mb} MiB; spec of ${rules.length} rules; ${RUNS} pairs`);
  const commands = {
    parse: ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(inventory)}, 'utf8'))`],
    compile: [cli, 'compile', spec, '--inventory', inventory],
    floor: [join(root, 'bench/scale-floor.cjs'), inventory],
  };
  for (const args of Object.values(commands)) timed(args);
  const ratios = [];
  const floorRatios = [];
  const overFloor = [];
  const runs = { parse: [], compile: [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ['parse', 'floor', 'compile'] : ['compile', 'floor', 'parse'];
    const got = {};
    for (const k of order) runs[k].push((got[k] = timed(commands[k])));
    ratios.push(got.compile.seconds / got.parse.seconds);
    floorRatios.push(got.floor.seconds / got.parse.seconds);
    overFloor.push(got.compile.seconds / got.floor.seconds);
  }
  const parse = summary(runs.parse);
  const compile = summary(runs.compile);
  if (compile.failed) {
    console.log(`scale: compile exited ${compile.failed.status}:\n${compile.failed.stderr.slice(0, 2000)}`);
  } else {
    timed(commands.compile);
    const out = readFileSync(outFile, 'utf8');
    const requests = JSON.parse(out.slice(0, out.lastIndexOf(']') + 1));
    const entries = requests.reduce((n, r) => n + JSON.parse(r.TableMeta).reduce((m, d) => m + 1 + (d.tables?.length ?? 0), 0), 0);
    console.log(`scale: output ${requests.length} requests, ${entries} entries, ${(out.length / 1048576).toFixed(1)} MiB of JSON`);
  }
  const medianOf = (xs) => {
    xs.sort((a, b) => a - b);
    return { median: xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2, min: xs[0], max: xs[xs.length - 1] };
  };
  const ratioText = (r) => `${r.median.toFixed(2)}x (range ${r.min.toFixed(2)}-${r.max.toFixed(2)}; ${RUNS} pairs)`;
  const r = medianOf(ratios);
  console.log(`scale: compile ${range(compile)}, parse-only ${range(parse)}, floor ${range(summary(runs.floor))}`);
  console.log(`scale: compile vs parse-only ${ratioText(r)}  target <= 2x ${r.median <= 2 ? 'MET' : 'NOT MET'}`);
  console.log(`scale: the floor (bench/scale-floor.cjs: same snapshot, output of the same size, one regular expression, no checks) vs parse-only ${ratioText(medianOf(floorRatios))}; compile vs the floor ${ratioText(medianOf(overFloor))}`);
  const rss = Number.isNaN(compile.rssKiB) ? 'unknown (no /usr/bin/time)' : `${Math.round(compile.rssKiB / 1024)} MiB`;
  console.log(`scale: peak RSS ${rss} (target < 1024 MiB); parse-only peak RSS ${Math.round(parse.rssKiB / 1024)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
