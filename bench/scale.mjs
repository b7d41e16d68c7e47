// bench/scale: compile at scale. Generates (in a temp dir, never the repo) a snapshot of
// 1,000,000 tables (2,000 databases x 500 tables) and a spec of 20 pattern rules, then times
// `node bin/restorec.cjs compile` against reading + JSON-parsing the same snapshot, both as
// spawned children measured in this run. Reports; never fails on a target.
// The machine is shared, so one timing says little: after a discarded warm-up of each (file
// cache, code cache), the two are run alternately SCALE_RUNS times, so that both see the same
// load, and the medians are compared; the range is printed beside each median.
//   node bench/scale.mjs            (after npm run bundle; SCALE_RUNS=9 for a steadier figure)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DBS = 2000;
const TABLES = 500;
const RUNS = Math.max(1, Number(process.env.SCALE_RUNS ?? 5));
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
const tables = Array.from({ length: TABLES }, (_, t) => tableName(t));
const dbs = Array.from({ length: DBS }, (_, d) => ({ Database: `app_${pad(d, 4)}`, Size: 1024 * (d + 1), Tables: tables }));
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
    `  table events_* as events_r_*`,
    `  except table events_09?`,
    `  table audit_042`,
  ];
  rules.push(`restore db app_${prefix}* as *_r${i} <\n${item.join('\n')}\n>`);
}
rules.push('restore db app_17?? as r_17?? < table *_0?? as *_x_0?? >');
rules.push('restore db app_18[0-4]* as {name}_old');
rules.push('restore db app_19* as {name}_x except db app_1999 < table sessions_* >');
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
/** Runs each command once to warm up, then RUNS times alternately; per command, every run. */
function alternate(commands) {
  for (const args of Object.values(commands)) timed(args);
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, args] of Object.entries(commands)) runs[k].push(timed(args));
  return runs;
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
  console.log(`scale: snapshot ${DBS} databases x ${TABLES} tables = ${DBS * TABLES} tables, ${mb} MiB; spec of ${rules.length} rules; median of ${RUNS} alternating runs`);
  const runs = alternate({
    parse: ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(inventory)}, 'utf8'))`],
    compile: [cli, 'compile', spec, '--inventory', inventory],
  });
  const parse = summary(runs.parse);
  const compile = summary(runs.compile);
  if (compile.failed) {
    console.log(`scale: compile exited ${compile.failed.status}:\n${compile.failed.stderr.slice(0, 2000)}`);
  } else {
    // The last run was compile's (runs alternate parse, compile): its output is in the file.
    const out = readFileSync(outFile, 'utf8');
    const requests = JSON.parse(out.slice(0, out.lastIndexOf(']') + 1));
    const entries = requests.reduce((n, r) => n + JSON.parse(r.TableMeta).reduce((m, d) => m + 1 + (d.tables?.length ?? 0), 0), 0);
    console.log(`scale: output ${requests.length} requests, ${entries} entries, ${(out.length / 1048576).toFixed(1)} MiB of JSON`);
  }
  const ratio = compile.median / parse.median;
  console.log(`scale: compile ${range(compile)}, parse-only ${range(parse)}, ratio ${ratio.toFixed(1)}x (target <= 3x)`);
  const rss = Number.isNaN(compile.rssKiB) ? 'unknown (no /usr/bin/time)' : `${Math.round(compile.rssKiB / 1024)} MiB`;
  console.log(`scale: peak RSS ${rss} (target < 1024 MiB); parse-only peak RSS ${Math.round(parse.rssKiB / 1024)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
