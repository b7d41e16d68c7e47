// bench/pull: pulling a large instance's live inventory against the sandbox with 50 ms of
// injected latency per call: 2,000 databases, 100,000 tables. Concurrent (bounded, rate-limited)
// versus one request at a time, in the same run. Reports; never fails.
//   node bench/pull.mjs [--concurrency 16] [--rate 200] [--latency 50] [--meta-page-size 100]
import { register } from 'tsx/esm/api';
import { parseArgs } from 'node:util';

register();
const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '16' }, rate: { type: 'string', default: '200' }, latency: { type: 'string', default: '50' }, 'meta-page-size': { type: 'string', default: '100' }, dbs: { type: 'string', default: '2000' }, tables: { type: 'string', default: '100000' } } });
const { startSandbox } = await import('../src/sandbox/index.ts');
const { RdsClient, staticCredentials } = await import('../src/cloud/index.ts');
const { LiveProvider } = await import('../src/inventory/index.ts');

const DBS = Number(values.dbs), TABLES = Number(values.tables), PER = Math.ceil(TABLES / DBS);
const ID = 'rm-bench000000000001';
const databases = Array.from({ length: DBS }, (_, i) => ({ Database: `db_${String(i).padStart(4, '0')}`, Size: 1024, Tables: Array.from({ length: PER }, (_, j) => `t_${j}`) }));
const inventory = {
  version: 1,
  instance: { DBInstanceId: ID, Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 1 },
  backupPolicy: { EnableBackupLog: '1' },
  recoveryWindow: { RecoveryBeginTime: '2026-11-19T00:00:00Z', RecoveryEndTime: '2026-11-20T00:00:00Z' },
  backups: [{ BackupId: '1', BackupStatus: 'Success', MetaStatus: 'OK' }],
  contents: [{ BackupId: '1', Databases: databases }],
  current: { Databases: databases.map((d) => ({ DBName: d.Database, Tables: d.Tables })) },
};

const sb = await startSandbox({ inventories: [inventory], behaviour: { maxInstanceTables: 1e9 }, faults: { rates: {}, latencyMs: Number(values.latency), jitterMs: 0, timeoutHoldMs: 30000, actions: [], next: [] } });
async function pull(concurrency, rate, window) {
  const client = new RdsClient({ endpoint: sb.endpoint, credentials: staticCredentials({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret }), limit: { concurrency, ratePerSecond: rate }, timeoutMs: 30000 });
  const started = performance.now();
  const { inventory: inv } = await new LiveProvider({ api: client, metaPageSize: Number(values['meta-page-size']), pageWindow: window }).load({ instanceId: ID, sources: [{ backupId: '1' }] });
  const ms = performance.now() - started;
  client.close();
  const tables = inv.contents[0].Databases.reduce((n, d) => n + d.Tables.length, 0);
  return { ms, calls: client.callCount, dbs: inv.current.Databases.length, tables, rate: client.callCount / (ms / 1000) };
}
try {
  const seq = await pull(1, Infinity, 1);
  const par = await pull(Number(values.concurrency), Number(values.rate), Number(values.concurrency));
  const row = (name, r) => console.log(`${name.padEnd(28)} ${r.ms.toFixed(0).padStart(7)} ms  ${String(r.calls).padStart(4)} calls  ${r.rate.toFixed(1).padStart(6)} calls/s  ${r.dbs} databases, ${r.tables} tables`);
  console.log(`bench/pull: ${DBS} databases, ${TABLES} tables, ${values.latency} ms latency per call, DescribeMetaList PageSize ${values['meta-page-size']}`);
  row('one request at a time', seq);
  row(`concurrency ${values.concurrency}, rate ${values.rate}/s`, par);
  console.log(`speed-up: ${(seq.ms / par.ms).toFixed(1)}x (target >= 5x); rate limit ${values.rate}/s, observed ${par.rate.toFixed(1)}/s`);
} finally {
  await sb.close();
}
