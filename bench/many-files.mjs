// bench/many-files: `restorec lint` and `restorec fmt --check` over 1,000, 5,000 and 10,000 specs
// (one shared snapshot, so every spec is compiled and the cross-file rule runs), as a user runs
// them on a repository. Reports the per-file cost, the growth exponent of lint from 1k to 10k
// (1.0 is linear; target <= 1.1), and lint of 10k specs paired against fmt --check of the same
// files (target <= 3x).
//   node bench/many-files.mjs [PAIRS]     (after npm run bundle)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, median, paired, report, requireBuild, run } from './lib.mjs';

requireBuild('many-files');
const PAIRS = Number(process.argv[2] ?? 3);
const SIZES = [1000, 5000, 10000];
const tmp = mkdtempSync(join(tmpdir(), 'restorec-many-'));
const snapshot = join(tmp, 'shared.inventory.json');
const tables = Array.from({ length: 200 }, (_, i) => `orders_${String(i).padStart(3, '0')}`);
writeFileSync(snapshot, JSON.stringify({
  version: 1,
  instance: { DBInstanceId: 'rm-many00000000000001', Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary', ReadOnlyDBInstanceIds: [], lower_case_table_names: 1 },
  backupPolicy: { EnableBackupLog: '1', CompressType: '4' },
  recoveryWindow: null,
  backups: [{ BackupId: '5001', BackupStatus: 'Success', MetaStatus: 'OK' }],
  tasks: [],
  contents: [{ BackupId: '5001', Databases: [{ Database: 'shop', Size: 1, Tables: tables }] }],
  current: { Databases: [{ DBName: 'shop', Tables: tables }] },
}));
/** N specs, each restoring a few tables under names of its own (so no finding but the cross-file check runs in full). */
function specs(n) {
  const dir = join(tmp, `n${n}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const t = tables[i % tables.length];
    writeFileSync(join(dir, `s${i}.restore`), `instance rm-many00000000000001\nfrom backup 5001\n\nrestore db shop <\n  table ${t} as ${t}_f${i}\n  table orders_00? as {name}_f${i}\n>\n`);
  }
  return dir;
}
const lint = (dir) => () => run(['node', cli, 'lint', '--no-live', '--inventory', snapshot, dir]);
const fmt = (dir) => () => run(['node', cli, 'fmt', '--check', dir]);

try {
  const dirs = Object.fromEntries(SIZES.map((n) => [n, specs(n)]));
  const lintMs = {};
  for (const n of SIZES) {
    lint(dirs[n])();
    lintMs[n] = median(Array.from({ length: PAIRS }, () => lint(dirs[n])()));
    const fmtMs = median(Array.from({ length: PAIRS }, () => fmt(dirs[n])()));
    console.log(`${String(n).padStart(6)} specs: lint ${(lintMs[n] / 1000).toFixed(2)} s (${(lintMs[n] / n).toFixed(3)} ms a file), fmt --check ${(fmtMs / 1000).toFixed(2)} s (${(fmtMs / n).toFixed(3)} ms a file)`);
  }
  const exponent = Math.log(lintMs[10000] / lintMs[1000]) / Math.log(10);
  console.log(`lint growth exponent from 1k to 10k specs: ${exponent.toFixed(2)} (1.0 is linear)  target <= 1.1 ${exponent <= 1.1 ? 'MET' : 'NOT MET'}`);
  const big = dirs[10000];
  report('lint 10k specs vs fmt --check of them', await paired(PAIRS, fmt(big), lint(big)), 3);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
