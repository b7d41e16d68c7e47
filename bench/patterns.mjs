// bench/patterns: `restorec compile` of specs with 1, 10, 100 and 1,000 table patterns over a
// database of 1,000,000 tables, each paired run by run with JSON-parsing the same snapshot (the
// floor any command that reads it pays). Target: 1,000 patterns in at most 3 s. Then the
// worst-case pattern family (`*a*a*...*b`, `*?*?...`: exponential for a backtracking regex)
// against ordinary patterns of the same number, paired (target <= 3x).
//   node bench/patterns.mjs [PAIRS]     (after npm run bundle)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, paired, report, requireBuild, run } from './lib.mjs';

requireBuild('patterns');
const PAIRS = Number(process.argv[2] ?? 3);
const NAMES = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'restorec-patterns-'));
const pad = (n, w) => String(n).padStart(w, '0');
const tables = Array.from({ length: NAMES }, (_, i) => `t_${pad(i, 7)}`);
const inventory = join(dir, 'big.inventory.json');
writeFileSync(inventory, JSON.stringify({
  version: 1,
  instance: { DBInstanceId: 'rm-patterns0000000001', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 1 },
  contents: [{ BackupId: '1', Databases: [{ Database: 'big', Size: 1, Tables: tables }] }],
}));
function spec(name, items) {
  const file = join(dir, `${name}.restore`);
  writeFileSync(file, `instance rm-patterns0000000001\nfrom backup 1\n\nrestore db big <\n${items.map((i) => `  ${i}`).join('\n')}\n>\n`);
  return file;
}
const out = join(dir, 'out.json');
const parse = () => run(['node', '-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(inventory)}, 'utf8'))`]);
const compile = (file) => () => run(['node', cli, 'compile', file, '--inventory', inventory], { out });

try {
  console.log(`bench/patterns: one database of ${NAMES} tables; ${PAIRS} pairs each`);
  for (const n of [1, 10, 100, 1000]) {
    // Pattern i restores the 100 tables t_{i:5}xx: 100 to 100,000 tables in all.
    const items = Array.from({ length: n }, (_, i) => `table t_${pad(i * Math.floor(1000 / n), 5)}* as {name}_r`);
    const r = await paired(PAIRS, parse, compile(spec(`n${n}`, items)));
    const ok = n < 1000 || r.subject <= 3000;
    report(`${String(n).padStart(4)} patterns vs parsing the snapshot`, r);
    if (n === 1000) console.log(`${''.padEnd(44)} 1,000 patterns: median ${(r.subject / 1000).toFixed(2)} s  target <= 3 s ${ok ? 'MET' : 'NOT MET'}`);
  }
  // 50 hostile patterns against 50 ordinary ones, each matching nothing but scanning every name.
  const hostile = Array.from({ length: 50 }, (_, i) => (i % 2 ? `table *0*0*0*0*0*0*0*0*0*9${i % 10}x as {name}_r` : `table *?*?*?*?*?*?*?x${i} as {name}_r`));
  const ordinary = Array.from({ length: 50 }, (_, i) => `table *${i}x as {name}_r`);
  const h = spec('hostile', [...hostile, 'table t_0000000 as t_keep']);
  const o = spec('ordinary', [...ordinary, 'table t_0000000 as t_keep']);
  report('worst-case patterns vs ordinary ones (50 each)', await paired(PAIRS, compile(o), compile(h)), 3);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
