// bench/hostile: hostile inputs against ordinary inputs of the same size, each pair run
// alternately HOSTILE_RUNS times (the machine is shared): the median ratio of each pair, with its
// range, and peak RSS when GNU time is installed. Targets: every ratio <= 3x (a hostile input
// costs about what an ordinary one does: no backtracking, no quadratic recovery, no unbounded read).
//   - pattern: `*a*a*a*a*a*a*a*a*a*a*a*b` vs `a*b` over 10,000 64-character names (compile)
//   - parse:   1 MiB of unclosed blocks vs 1 MiB of well-formed blocks (fmt --check)
//   - stdin:   /dev/zero on stdin vs a 1 MiB spec on stdin (fmt --check -)
//   - stray:   1 MiB of characters no token starts with (`; `, `: `, `( `, `" `: each its own
//              lexer error, half a million of them), and one word of unclosed classes (`a[a[…`),
//              vs 1 MiB of well-formed blocks (fmt --check)
// Reports; never fails on a target.   node bench/hostile.mjs   (after npm run build)
import './env.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Math.max(1, Number(process.env.HOSTILE_RUNS ?? 5));
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/restorec.cjs');
if (!existsSync(join(root, 'dist'))) {
  console.error('hostile: build first (npm run build)');
  process.exit(2);
}
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'restorec-hostile-'));

/** One run: wall time in ms and peak RSS in MiB (when GNU time can say). */
function time(args, stdinFile) {
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const cmd = gnuTime ? ['/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd[1], { cwd: dir, stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (typeof stdin === 'number') closeSync(stdin);
  const rss = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) / 1024 : NaN;
  return { ms, rss };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function pair(name, hostile, baseline) {
  time(...hostile);
  time(...baseline);
  const ratios = [];
  const h = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    const x = time(...hostile);
    const y = time(...baseline);
    h.push(x);
    b.push(y);
    ratios.push(x.ms / y.ms);
  }
  const r = median(ratios);
  const rss = gnuTime ? `; peak RSS ${median(h.map((x) => x.rss)).toFixed(0)} MiB vs ${median(b.map((x) => x.rss)).toFixed(0)} MiB` : '';
  console.log(`hostile: ${name}: ${median(h.map((x) => x.ms)).toFixed(0)} ms vs ${median(b.map((x) => x.ms)).toFixed(0)} ms, ratio ${r.toFixed(2)}x (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}) (target <= 3x) ${r <= 3 ? 'MET' : 'NOT MET'}${rss}`);
}

try {
  const H = 'instance rm-x\nfrom backup 1\n';
  const names = Array.from({ length: 10_000 }, (_, i) => `${'a'.repeat(58)}${String(i).padStart(6, '0')}`);
  const snapshot = { version: 1, instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 }, contents: [{ BackupId: '1', Databases: [{ Database: 'shop', Tables: names }] }] };
  for (const [file, pattern] of [['pathological', '*a*a*a*a*a*a*a*a*a*a*a*b'], ['plain', 'a*b']]) {
    writeFileSync(join(dir, `${file}.restore`), `${H}restore db shop < table ${pattern} as {name}_r, table ${names[0]} as x >\n`);
    writeFileSync(join(dir, `${file}.inventory.json`), JSON.stringify(snapshot));
  }
  pair('pattern', [['compile', 'pathological.restore']], [['compile', 'plain.restore']]);

  const fill = (line) => H + line.repeat(Math.floor((1024 * 1024 - H.length) / line.length));
  writeFileSync(join(dir, 'unclosed.restore'), fill('restore db shop < table x\n'));
  writeFileSync(join(dir, 'closed.restore'), fill('restore db shop < table x >\n'));
  pair('parse', [['fmt', '--check', 'unclosed.restore']], [['fmt', '--check', 'closed.restore']]);
  pair('stdin', [['fmt', '--check', '-'], '/dev/zero'], [['fmt', '--check', '-'], join(dir, 'closed.restore')]);
  // Each described by looking around it (the block it is in, its line): 30 s and more for one
  // file while every error was described, each by a search of the text before it.
  // And a word of unclosed classes (`a[a[a[…`): each `[` made the lexer read the rest of the word.
  for (const [name, unit] of [['semicolons', '; '], ['colons', ': '], ['parentheses', '( '], ['quotes', '" '], ['classes', 'a[']]) {
    writeFileSync(join(dir, `${name}.restore`), fill(unit));
    pair(`stray ${name}`, [['fmt', '--check', `${name}.restore`]], [['fmt', '--check', 'closed.restore']]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
