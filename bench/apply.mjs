// bench/apply: `restorec apply --yes --wait` of a split series (5 requests) against the sandbox
// with 50 ms of latency per call, as CI runs it (no SQL connection), paired run by run with
// `restorec plan` of the same spec (the same live reads, nothing applied): what applying costs
// on top, in time and in calls per request, and where the calls go. Each restore runs 1 s.
//   node bench/apply.mjs [PAIRS]     (after npm run bundle)
import { register } from 'tsx/esm/api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, median, paired, report, requireBuild, runAsync } from './lib.mjs';

register();
requireBuild('apply');
const PAIRS = Number(process.argv[2] ?? 3);
const { startSandbox } = await import('../src/sandbox/index.ts');
const ID = 'rm-apply000000000001';
const tables = Array.from({ length: 240 }, (_, i) => `t_${String(i).padStart(3, '0')}`);
const inventory = () => ({
  version: 1,
  instance: { DBInstanceId: ID, Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', ReadOnlyDBInstanceIds: [], lower_case_table_names: 1 },
  backupPolicy: { EnableBackupLog: '1', CompressType: '4' },
  recoveryWindow: null,
  backups: [{ BackupId: '7001', BackupStatus: 'Success', MetaStatus: 'OK' }],
  tasks: [],
  contents: [{ BackupId: '7001', Databases: [{ Database: 'shop', Size: 1, Tables: tables }] }],
  current: { Databases: [{ DBName: 'shop', Tables: tables }] },
});
const dir = mkdtempSync(join(tmpdir(), 'restorec-apply-'));
const spec = join(dir, 'shop.restore');
// 240 tables into the existing database: 5 requests of at most 50 entries.
writeFileSync(spec, `instance ${ID}\nfrom backup 7001\n\nrestore db shop < table * as {name}_r >\n`);

let sb;
let callsByAction;
const fresh = async () => {
  await sb?.close();
  sb = await startSandbox({ inventories: [inventory()], behaviour: { restoreDurationMs: 1000 }, faults: { rates: {}, latencyMs: 50, jitterMs: 0, timeoutHoldMs: 30000, actions: [], next: [] } });
  return { ...process.env, RESTOREC_ENDPOINT: sb.endpoint, ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret };
};
const counts = () => Object.fromEntries(Object.entries(sb.control.calls().counts).map(([a, c]) => [a, c.calls]));
const applies = [];
try {
  const r = await paired(
    PAIRS,
    async () => (await runAsync(['node', cli, 'plan', spec], { env: await fresh() })).ms,
    async () => {
      const env = await fresh();
      const t = await runAsync(['node', cli, 'apply', '--yes', '--wait', '--poll-ms', '250', spec], { env });
      callsByAction = counts();
      applies.push(t.ms);
      return t.ms;
    },
  );
  const total = Object.values(callsByAction).reduce((a, b) => a + b, 0);
  console.log(`bench/apply: 5 requests, restores of 1 s each, 50 ms latency, --poll-ms 250, no SQL connection; ${PAIRS} pairs`);
  report('apply --wait vs plan of the same spec', r);
  console.log(`apply: median ${(median(applies) / 1000).toFixed(2)} s, ${(median(applies) / 5000).toFixed(2)} s a request (of which 1 s is the restore itself)`);
  console.log(`apply: ${total} calls, ${(total / 5).toFixed(1)} a request: ${Object.entries(callsByAction).sort((a, b) => b[1] - a[1]).map(([a, n]) => `${a} ${n}`).join(', ')}`);
} finally {
  await sb?.close();
  rmSync(dir, { recursive: true, force: true });
}
