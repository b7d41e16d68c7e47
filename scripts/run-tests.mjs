// Runs every test/**/*.test.ts file with uvu under tsx, each in its own process, and fails
// honestly: uvu can swallow an error thrown in a suite hook and still exit 0 (uvu #60, #191),
// so a file counts as passed only when it exits 0, prints uvu's summary, and every test it
// declared passed (none skipped). Ends with `N passed, N failed` alone on a line for CI.
//
//   node scripts/run-tests.mjs [PATTERN]   PATTERN filters test files by substring.
//
// First it installs the system packages the selected files declare when they are missing
// (scripts/provision.mjs: MariaDB, the pre-commit framework), so a fresh machine needs no step.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cpus } from 'node:os';
import { missingPackages, provision } from './provision.mjs';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ?? '';
const testDir = process.env.RESTOREC_TEST_DIR ?? join(root, 'test');
const files = readdirSync(testDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts') && f.includes(filter) && (process.env.RESTOREC_TEST_DIR !== undefined || !f.split(/[\\/]/).includes('fixtures')))
  .sort()
  .map((f) => join(testDir, f));

if (files.length === 0) {
  console.error(`no test files match "${filter}"`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// MariaDB, pre-commit, ...: installed here when a selected test file needs one that is missing.
provision(missingPackages(files));

const TIMEOUT_MS = Number(process.env.RESTOREC_TEST_TIMEOUT_MS ?? 600_000);
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // uvu has no per-test timeout (uvu #33): bound each file instead.
    const timer = setTimeout(() => {
      out += `\n[run-tests] timed out after ${TIMEOUT_MS} ms\n`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const text = strip(out);
      const total = Number(/Total:\s+(\d+)/.exec(text)?.[1] ?? NaN);
      const passed = Number(/Passed:\s+(\d+)/.exec(text)?.[1] ?? NaN);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(text)?.[1] ?? 0);
      const problems = [];
      if (code !== 0) problems.push(`exit code ${code ?? signal}`);
      if (Number.isNaN(total) || Number.isNaN(passed)) problems.push('no uvu summary (crashed before reporting?)');
      else {
        if (total === 0) problems.push('declares no tests');
        if (passed !== total) problems.push(`${passed} of ${total} passed (a failing test or hook)`);
        if (skipped > 0) problems.push(`${skipped} skipped: a skipped test is not a pass`);
      }
      const t = Number.isNaN(total) ? 0 : total;
      const p = Number.isNaN(passed) ? 0 : passed;
      const failed = problems.length === 0 ? 0 : Math.max(1, t - p);
      resolve({ file, text, problems, passed: problems.length === 0 ? p : Math.min(p, t), failed, ms: Date.now() - started });
    });
  });
}

const results = [];
const queue = [...files];
const workers = Math.max(1, Math.min(Number(process.env.RESTOREC_TEST_JOBS ?? cpus().length), 4));
await Promise.all(
  Array.from({ length: workers }, async () => {
    while (queue.length > 0) {
      const r = await runFile(queue.shift());
      results.push(r);
      const name = relative(root, r.file);
      if (r.problems.length === 0) console.log(`ok   ${name}  (${r.passed} tests, ${r.ms} ms)`);
      else {
        console.log(`FAIL ${name}: ${r.problems.join('; ')}`);
        console.log(r.text.split('\n').map((l) => '     ' + l).join('\n'));
      }
    }
  }),
);

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`\n${results.length} test files`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
