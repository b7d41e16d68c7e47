// bench/lsp: how fast `restorec lsp` republishes diagnostics after an edit, against re-running
// `restorec lint` on the same file. Generates (in a temp dir, never the repo) a snapshot of
// 100,000 tables (100 databases x 1,000 tables, and as many on the instance now) and a spec of
// 1,000 lines (41 restores of 20 exact tables, a pattern with a template and an except each).
// The built server is started as an editor starts it; each run sends one incremental edit (a
// table name swapped for another) and times didChange → publishDiagnostics of that version,
// then writes the same text to disk and times `node bin/restorec.cjs lint` on it. The two are
// paired run by run (the machine is shared): the ratio of each pair, its median and range.
// Target: the server's median under 100 ms. Reports; never fails on a target.
//   node bench/lsp.mjs            (after npm run build; LSP_RUNS=41 for a steadier figure)
import './env.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const RUNS = Math.max(3, Number(process.env.LSP_RUNS ?? 21));
const TARGET_MS = 100;
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/restorec.cjs');
if (!existsSync(join(root, 'dist/cold/lsp.cjs'))) {
  console.error('lsp: build first (npm run build)');
  process.exit(2);
}

// The workspace.
const DBS = 100;
const TABLES = 1000;
const pad = (n, w) => String(n).padStart(w, '0');
const KINDS = ['orders', 'order_items', 'events', 'sessions', 'audit'];
const tables = Array.from({ length: TABLES }, (_, t) => `${KINDS[t % KINDS.length]}_${pad(Math.floor(t / KINDS.length), 3)}`);
const dbs = Array.from({ length: DBS }, (_, d) => ({ Database: `app_${pad(d, 3)}`, Size: 1024, Tables: tables }));
const snapshot = {
  version: 1,
  capturedAt: '2026-11-20T04:00:00Z',
  instance: { DBInstanceId: 'rm-bench00000000001', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', DBInstanceStorage: 2000, DBInstanceDiskUsed: 1024 ** 3, lower_case_table_names: 1 },
  backupPolicy: { EnableBackupLog: '1', LogBackupRetentionPeriod: 7, BackupRetentionPeriod: 7 },
  recoveryWindow: { RecoveryBeginTime: '2026-11-13T00:00:00Z', RecoveryEndTime: '2026-11-20T03:59:00Z' },
  backups: [{ BackupId: '900000001', BackupStatus: 'Success', MetaStatus: 'OK' }],
  contents: [{ BackupId: '900000001', Databases: dbs }],
  current: { Databases: dbs.map((d) => ({ DBName: d.Database, Tables: d.Tables })) },
};
const lines = ['# bench/lsp: 1,000 lines against 100,000 tables', 'instance rm-bench00000000001', 'from backup 900000001', ''];
for (let d = 0; lines.length + 24 <= 1000; d++) {
  lines.push(`restore db app_${pad(d, 3)} as app_${pad(d, 3)}_r <`);
  for (let i = 0; i < 20; i++) lines.push(`  table ${tables[(d * 37 + i * 11) % TABLES]}`);
  lines.push('  table events_0{0,1}? as {name}_x', '  except table events_00[0-4]', '>');
}
while (lines.length < 1000) lines.push('# end');
const itemLines = lines.flatMap((l, i) => (/^ {2}table [a-z_0-9]+$/.test(l) ? [i] : []));

const dir = mkdtempSync(join(tmpdir(), 'restorec-lsp-bench-'));
const spec = join(dir, 'bench.restore');
writeFileSync(join(dir, 'bench.inventory.json'), JSON.stringify(snapshot));
writeFileSync(spec, lines.join('\n') + '\n');
const uri = pathToFileURL(spec).href;

// The server, started as an editor starts it.
const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.version)?.(p));
conn.listen();
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs, digits = 1) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

function lintOnce() {
  const t0 = now();
  const r = spawnSync(process.execPath, [cli, 'lint', 'bench.restore'], { cwd: dir, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`restorec lint exited ${r.status}`);
  return now() - t0;
}

let version = 1;
/** One edit: the table of item line `n` becomes another table; the time to its diagnostics. */
async function editOnce(n) {
  const line = itemLines[(n * 97) % itemLines.length];
  const name = tables[(n * 31 + 7) % TABLES];
  const old = lines[line];
  lines[line] = `  table ${name}`;
  version++;
  const done = published(version);
  const t0 = now();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 8 }, end: { line, character: old.length } }, text: name }],
  });
  const p = await done;
  const ms = now() - t0;
  writeFileSync(spec, lines.join('\n') + '\n'); // the same text for `restorec lint`
  return { ms, count: p.diagnostics.length };
}

try {
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const opened = published(1);
  const t0 = now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restore', version: 1, text: lines.join('\n') + '\n' } });
  await opened;
  const first = now() - t0;
  for (let i = 0; i < 5; i++) await editOnce(1000 + i); // warm-up (JIT), discarded
  lintOnce();
  const lsp = [];
  const lint = [];
  const ratios = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const e = await editOnce(i);
    const l = lintOnce();
    lsp.push(e.ms);
    lint.push(l);
    ratios.push(e.ms / l);
    count = e.count;
  }
  // Same findings as lint on the final text: both did the same work.
  const json = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'bench.restore'], { cwd: dir, encoding: 'utf8' });
  const cliCount = JSON.parse(json.stdout)[0].messages.length;
  const m = median(lsp);
  console.log(`lsp: ${lines.length}-line spec, ${DBS * TABLES} tables in the snapshot; first diagnostics after open ${first.toFixed(0)} ms (snapshot read once)`);
  console.log(`lsp: edit → diagnostics median ${m.toFixed(1)} ms (${range(lsp)}); restorec lint median ${median(lint).toFixed(1)} ms (${range(lint)}); ${RUNS} paired runs`);
  console.log(`lsp: ratio server/lint median ${median(ratios).toFixed(3)}x (${range(ratios, 3)}); ${count} diagnostics each (lint: ${cliCount})`);
  console.log(`lsp: target median <= ${TARGET_MS} ms ${m <= TARGET_MS ? 'MET' : 'NOT MET'}${count === cliCount ? '' : '; DIAGNOSTICS DIFFER FROM LINT'}`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
} finally {
  conn.dispose();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
