// One-shot commands (fmt, parse, lint, compile, plan, rules) exit as soon as they return, not
// when Node's event loop has drained: their output went straight to the descriptors, so nothing
// is left unwritten; exit codes stay what the command found.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.ts';

const bin = join(process.cwd(), 'bin/restorec.cjs');
const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };

test('a timer left running does not keep a one-shot command alive; findings still exit 1', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'idle.cjs'), 'setTimeout(() => {}, 20000);\n');
  writeFileSync(join(dir, 'ok.restore'), 'instance rm-x\nfrom backup 1\n\nrestore db shop < table a as b >\n');
  writeFileSync(join(dir, 'same.restore'), 'instance rm-x\nfrom backup 1\n\nrestore db shop < table a as a >\n');
  for (const [args, status] of [
    [['fmt', '--check', 'ok.restore'], 0],
    [['lint', '--no-live', 'ok.restore'], 0],
    [['lint', '--no-live', 'same.restore'], 1],
    [['parse', 'ok.restore'], 0],
    [['rules'], 0],
  ] as const) {
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--require', join(dir, 'idle.cjs'), bin, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 15000 });
    assert.is(r.status, status, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.ok(Date.now() - started < 10000, `${args.join(' ')} waited for the timer`);
  }
});

test('compile into a pipe read slowly: every byte arrives, then the exit code', () => {
  const dir = tempDir();
  // 4,000 tables: a quarter of a megabyte of requests, several times what a pipe holds.
  const tables = Array.from({ length: 4000 }, (_, i) => `orders_${String(i).padStart(5, '0')}`);
  writeFileSync(join(dir, 'big.inventory.json'), JSON.stringify({ version: 1, instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', lower_case_table_names: 1 }, contents: [{ BackupId: '1', Databases: [{ Database: 'shop', Tables: tables }] }] }));
  writeFileSync(join(dir, 'big.restore'), 'instance rm-x\nfrom backup 1\n\nrestore db shop < table orders_* as {name}_r >\n');
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" compile big.restore 2>/dev/null | (sleep 0.5; cat) > out.json`], { cwd: dir, encoding: 'utf8', env });
  assert.is(r.status, 0, r.stderr);
  const requests = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { TableMeta: string }[];
  assert.ok(requests.length > 40, `${requests.length} requests`);
  assert.is(requests.reduce((n, q) => n + (JSON.parse(q.TableMeta) as { tables: unknown[] }[])[0]!.tables.length, 0), 4000);
});

test.run();
