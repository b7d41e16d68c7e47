// Command-line conventions, through the built CLI: --version, unknown options named (never the
// file after them reported missing), "did you mean" for commands and options, fmt --diff, and
// the sandbox's lines working with eval.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';
import { shellQuote } from '../../src/cli/commands/sandbox.ts';

const SPEC = 'examples/incident-2026-11-20.restore';

test('--version prints the version from package.json, and exits 0', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const args of [['--version'], ['lint', '--version']]) {
    const r = restorec(args);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, `${version}\n`);
  }
});

// [argv, the message]: the option is named as given, with the closest option when one is close.
const unknown: [string[], RegExp][] = [
  [['fmt', '--bogus', SPEC], /^restorec: unknown option --bogus for restorec fmt\n/],
  [['lint', '--bogus', SPEC], /^restorec: unknown option --bogus for restorec lint\n/],
  [['lint', '--formt', 'json', SPEC], /unknown option --formt for restorec lint; did you mean --format\?/],
  [['lint', '--max-warning', '0', SPEC], /unknown option --max-warning for restorec lint; did you mean --max-warnings\?/],
  [['lint', '--no-lve', SPEC], /unknown option --no-lve for restorec lint/],
  [['plan', '--inventroy=x.json', SPEC], /unknown option --inventroy for restorec plan; did you mean --inventory\?/],
  [['compile', '-x', SPEC], /unknown option -x for restorec compile/],
  [['fmt', '--chek', SPEC], /unknown option --chek for restorec fmt; did you mean --check\?/],
  [['sandbox', '--sed', 'x.json'], /unknown option --sed for restorec sandbox; did you mean --seed\?/],
  [['apply', '--yse', SPEC], /unknown option --yse for restorec apply; did you mean --yes\?/],
  [['--bogus'], /unknown option --bogus: name a command first/],
];
for (const [argv, message] of unknown) {
  test(`unknown option: restorec ${argv.join(' ')}`, () => {
    const r = restorec(argv);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /not enough|non-option|missing/i, 'the file after the option is not taken as its value');
    assert.match(r.stderr, /help: restorec .*--help lists/);
    assert.not.ok(hasStackTrace(r.stderr), r.stderr);
    assert.is(r.stdout, '');
  });
}

test('unknown commands: did you mean the closest, or the list', () => {
  const close = restorec(['lnt', SPEC]);
  assert.is(close.status, 2);
  assert.match(close.stderr, /^restorec: unknown command lnt; did you mean lint\?\n/);
  assert.match(restorec(['frmat', SPEC]).stderr, /did you mean fmt\?/);
  const far = restorec(['deploy', SPEC]);
  assert.is(far.status, 2);
  assert.match(far.stderr, /^restorec: unknown command deploy\n\s+help: restorec --help lists the commands/);
});

test('known options in every spelling the parsers accept still work', () => {
  for (const argv of [
    ['lint', '--max-warnings', '-1', '--no-live', '-f', 'json', SPEC],
    ['lint', '--max-warnings=0', '--format=json', SPEC],
    ['lint', '--maxWarnings', '0', '--format', 'json', SPEC],
    ['fmt', '--check', '--', SPEC],
  ]) {
    const r = restorec(argv);
    assert.is(r.status, 0, `${argv.join(' ')}: ${r.stderr}`);
  }
});

const UGLY = 'instance   rm-x\nfrom backup 1\nrestore db shop <   table a as b >\n';

test('fmt --diff prints a unified diff that git apply takes, writes nothing, exits 1', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.restore'), UGLY);
  writeFileSync(join(dir, 'b.restore'), 'instance rm-x\nfrom backup 1\nrestore db shop\n');
  const r = restorec(['fmt', '--diff', 'a.restore', 'b.restore'], { cwd: dir });
  assert.is(r.status, 1, r.stderr);
  assert.is(
    r.stdout,
    [
      '--- a/a.restore',
      '+++ b/a.restore',
      '@@ -1,3 +1,3 @@',
      '-instance   rm-x',
      '+instance rm-x',
      ' from backup 1',
      '-restore db shop <   table a as b >',
      '+restore db shop < table a as b >',
      '',
    ].join('\n'),
  );
  assert.is(readFileSync(join(dir, 'a.restore'), 'utf8'), UGLY, 'writes nothing');
  assert.match(r.stderr, /1 file not formatted/);
  // The diff applies, and the result is what fmt writes.
  spawnSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(join(dir, 'change.diff'), r.stdout);
  const apply = spawnSync('git', ['apply', 'change.diff'], { cwd: dir, encoding: 'utf8' });
  assert.is(apply.status, 0, apply.stderr);
  const applied = readFileSync(join(dir, 'a.restore'), 'utf8');
  writeFileSync(join(dir, 'a.restore'), UGLY);
  assert.is(restorec(['fmt', 'a.restore'], { cwd: dir }).status, 0);
  assert.is(applied, readFileSync(join(dir, 'a.restore'), 'utf8'));
  // Nothing to change: no output, exit 0.
  const clean = restorec(['fmt', '--diff', 'a.restore', 'b.restore'], { cwd: dir });
  assert.is(clean.status, 0, clean.stderr);
  assert.is(clean.stdout, '');
});

test('fmt --diff on stdin names it <stdin>', () => {
  const r = restorec(['fmt', '--diff', '-'], { input: UGLY });
  assert.is(r.status, 1);
  assert.match(r.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@/);
});

test('restorec sandbox --detach: eval of its output points restorec at it; the lines read as comments and exports', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'live.restore'), readFileSync(SPEC, 'utf8')); // no snapshot beside it: lint reads the sandbox
  const script = [
    'set -e',
    `eval "$(node ${JSON.stringify(join(process.cwd(), 'bin/restorec.cjs'))} sandbox --seed ${JSON.stringify(join(process.cwd(), 'examples/incident-2026-11-20.inventory.json'))} --detach)"`,
    'trap \'kill "$RESTOREC_SANDBOX_PID"\' EXIT',
    'echo "endpoint=$RESTOREC_ENDPOINT pid=$RESTOREC_SANDBOX_PID"',
    `node ${JSON.stringify(join(process.cwd(), 'bin/restorec.cjs'))} lint --format json live.restore`,
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1' }, timeout: 60_000 });
  assert.is(r.status, 0, r.stderr);
  const m = /^endpoint=(http:\/\/127\.0\.0\.1:\d+) pid=(\d+)$/m.exec(r.stdout);
  assert.ok(m, r.stdout);
  const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  assert.is(report[0].errorCount, 0, JSON.stringify(report));
  assert.is(report[0].messages.some((x: { ruleId: string }) => x.ruleId === 'current-unknown'), true, 'linted against the live sandbox, which has no SQL connection');
  // The trap stopped it.
  const pid = Number(m![2]);
  let alive = true;
  for (let i = 0; i < 50 && alive; i++) {
    try {
      process.kill(pid, 0);
      spawnSync('sleep', ['0.1']);
    } catch {
      alive = false;
    }
  }
  assert.not.ok(alive, 'the detached sandbox stops on kill');
});

test('restorec sandbox: every line is a shell comment or an export', () => {
  const r = restorec(['sandbox', '--seed', 'examples/seed-backup-set.inventory.json', '--detach']);
  assert.is(r.status, 0, r.stderr);
  const pid = Number(/^export RESTOREC_SANDBOX_PID=(\d+)$/m.exec(r.stdout)?.[1]);
  try {
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^(# .*|export [A-Z_]+=\S+)$/, line);
    assert.match(r.stdout, /^# The credentials are FAKE/m);
    assert.match(r.stdout, /^# stop with: kill \$RESTOREC_SANDBOX_PID$/m);
  } finally {
    if (pid > 0) process.kill(pid, 'SIGTERM');
  }
  const bad = restorec(['sandbox', '--seed', 'examples/seed-backup-set.restore', '--detach']);
  assert.is(bad.status, 2, 'a sandbox that cannot start fails the command');
  assert.match(bad.stderr, /not a usable seed/);
});

test('shellQuote: bash reads back any value unchanged', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\0')), (v) => {
      const r = spawnSync('bash', ['-c', `x=${shellQuote(v)}; printf %s "$x"`], { encoding: 'utf8' });
      return r.stdout === v;
    }),
    { numRuns: 60 },
  );
});

test.run();
