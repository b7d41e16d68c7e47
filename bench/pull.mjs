// bench/pull: `restorec inventory pull` as users run it, with the CLI's defaults (32 calls in
// flight, 50 calls a second, a named backup's first contents page asked beside DescribeBackups, its database count sizing the DescribeDatabases pages asked after page 1), paired run by run against
// the same command with `--concurrency 1`, against the sandbox with 50 ms of latency per call:
// 2,000 databases and 100,000 tables. Target: the defaults at least 5x faster. Reports the calls
// made (the limiter lets at most 50 start in any one second).
//   node bench/pull.mjs [PAIRS=7] [--latency 50]     (after npm run bundle)
import { register } from 'tsx/esm/api';
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, paired, report, requireBuild, runAsync } from './lib.mjs';

register();
requireBuild('pull');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { latency: { type: 'string', default: '50' }, dbs: { type: 'string', default: '2000' }, tables: { type: 'string', default: '100000' } } });
const PAIRS = Number(positionals[0] ?? 7);
const { startSandbox } = await import('../src/sandbox/index.ts');

const DBS = Number(values.dbs), TABLES = Number(values.tables), PER = Math.ceil(TABLES / DBS);
const ID = 'rm-bench000000000001';
const databases = Array.from({ length: DBS }, (_, i) => ({ Database: `db_${String(i).padStart(4, '0')}`, Size: 1024, Tables: Array.from({ length: PER }, (_, j) => `t_${j}`) }));
const inventory = {
  version: 1,
  instance: { DBInstanceId: ID, Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', lower_case_table_names: 1 },
  backupPolicy: { EnableBackupLog: '1' },
  recoveryWindow: { RecoveryBeginTime: '2026-11-19T00:00:00Z', RecoveryEndTime: '2026-11-20T00:00:00Z' },
  backups: [{ BackupId: '1', BackupStatus: 'Success', MetaStatus: 'OK' }],
  contents: [{ BackupId: '1', Databases: databases }],
  current: { Databases: databases.map((d) => ({ DBName: d.Database, Tables: d.Tables })) },
};

const sb = await startSandbox({ inventories: [inventory], behaviour: { maxInstanceTables: 1e9 }, faults: { rates: {}, latencyMs: Number(values.latency), jitterMs: 0, timeoutHoldMs: 30000, actions: [], next: [] } });
const dir = mkdtempSync(join(tmpdir(), 'restorec-pull-'));
const env = { ...process.env, RESTOREC_ENDPOINT: sb.endpoint, ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret };
let last;
const pull = (extra) => async () => {
  const before = Object.values(sb.control.calls().counts).reduce((n, c) => n + c.calls, 0);
  const r = await runAsync(['node', cli, 'inventory', 'pull', '--instance', ID, '--backup', '1', '-o', join(dir, 'snap.json'), ...extra], { env });
  const calls = Object.values(sb.control.calls().counts).reduce((n, c) => n + c.calls, 0) - before;
  last = { calls, ms: r.ms };
  return r.ms;
};
try {
  console.log(`bench/pull: ${DBS} databases, ${TABLES} tables, ${values.latency} ms latency per call`);
  const defaults = pull([]);
  let seen;
  const r = await paired(PAIRS, pull(['--concurrency', '1']), async () => {
    const ms = await defaults();
    seen = last;
    return ms;
  });
  // The ratio is subject/baseline: defaults over sequential; the speed-up is its inverse.
  const speedUp = { ratio: 1 / r.ratio, min: 1 / r.max, max: 1 / r.min, baseline: r.subject, subject: r.baseline, runs: r.runs };
  report('pull with the CLI defaults vs --concurrency 1 (speed-up)', speedUp, 5, 'higher');
  // The limiter allows 50 starts in any one second (a sliding window), so a run of fewer calls
  // may start them all at once; an average over a sub-second run says nothing about the limit.
  console.log(`defaults: ${seen.calls} calls in ${(seen.ms / 1000).toFixed(2)} s (the limiter lets at most 50 start in any one second)`);
} finally {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
}
