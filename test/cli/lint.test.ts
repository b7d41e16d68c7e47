// `restorec lint` and `restorec rules` through the built CLI: exit codes, formats, skipped-rule
// notes, config errors, the step summary.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';
import { baseInventory } from '../helpers/rule-tester.ts';

function workspace(spec: string, inventory: object | null = baseInventory(), config?: object): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'spec.restore'), spec);
  if (inventory) writeFileSync(join(dir, 'spec.inventory.json'), JSON.stringify(inventory));
  if (config) writeFileSync(join(dir, 'restorec.config.json'), JSON.stringify(config));
  return dir;
}

const H = 'instance rm-test\nfrom backup 1001\n';

test('config maxEntries: 1 is a config error with its position, not a stack trace', () => {
  const dir = workspace(H + 'restore db shop < table orders >\n', baseInventory(), { compile: { maxEntries: 1 } });
  const r = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, /restorec\.config\.json:1:\d+: compile\.maxEntries: must be >= 2/);
  assert.not.ok(hasStackTrace(r.stderr), r.stderr);
  assert.not.match(r.stderr, /internal error/);
});

test('one problem past the 100 shown is counted in the singular', () => {
  const body = H + 'restore db shop < table orders as orders_r >\n';
  const dir = workspace(body + '# restorec-disable-next-line no-such-rule-x\n'.repeat(101));
  const r = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1);
  assert.match(r.stdout, /1 more problem in this file is not shown \(1 error, 0 warnings\)  lint\/too-many-problems/);
  assert.match(r.stdout, /✖ 101 problems \(101 errors, 0 warnings\)/);
});

test('a file of 1 MiB of suppressions naming unknown rules: 100 problems shown, all counted', () => {
  const line = '# restorec-disable-next-line no-such-rule-x\n';
  const body = H + 'restore db shop < table orders as orders_r >\n';
  const n = Math.floor((1024 * 1024 - body.length) / line.length);
  const dir = workspace(body + line.repeat(n));
  const stylish = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(stylish.status, 1);
  assert.ok(stylish.stdout.length < 100_000, `${stylish.stdout.length} bytes of output`);
  assert.match(stylish.stdout, new RegExp(`${n - 100} more problems in this file are not shown \\(${n - 100} errors, 0 warnings\\)  lint/too-many-problems`));
  assert.match(stylish.stdout, new RegExp(`✖ ${n} problems \\(${n} errors, 0 warnings\\)`));
  const json = JSON.parse(restorec(['lint', '-f', 'json', 'spec.restore'], { cwd: dir }).stdout) as { messages: unknown[]; errorCount: number }[];
  assert.is(json[0]!.messages.length, 101);
  assert.is(json[0]!.errorCount, n);
});

test('the examples lint clean with their snapshots', () => {
  const r = restorec(['lint', 'examples/']);
  assert.is(r.status, 0, r.stdout + r.stderr);
});

test('a collision: exit 1, stylish on stdout', () => {
  const dir = workspace(H + 'restore db shop < table orders as customers >\n');
  const r = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1);
  assert.match(r.stdout, /3:19 {2}error {2}target table shop\.customers already exists on the instance {2}target-exists/);
  assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
});

test('json and sarif formats put only JSON on stdout', () => {
  const dir = workspace(H + 'restore db shop < table orders as customers >\n');
  const json = restorec(['lint', '--format', 'json', 'spec.restore'], { cwd: dir });
  assert.is(json.status, 1);
  assert.is(JSON.parse(json.stdout)[0].messages[0].ruleId, 'target-exists');
  const sarif = restorec(['lint', '-f', 'sarif', 'spec.restore'], { cwd: dir });
  assert.is(JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'spec.restore');
});

test('github format writes annotations and appends the step summary', () => {
  const dir = workspace(H + 'restore db shop < table orders as customers >\n');
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const r = restorec(['lint', '--format', 'github', 'spec.restore'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.is(r.status, 1);
  assert.match(r.stdout, /^::error file=spec\.restore,line=3,endLine=3,col=19,endColumn=44,title=restorec target-exists::/m);
  assert.match(readFileSync(summary, 'utf8'), /### restorec lint: 1 error, 0 warnings/);
});

test('warnings pass unless --max-warnings is exceeded', () => {
  const inv = baseInventory();
  const dir = workspace(H + 'restore db shop < table orders as customers >\n', inv, { rules: { 'target-exists': 'warn' } });
  assert.is(restorec(['lint', 'spec.restore'], { cwd: dir }).status, 0);
  assert.is(restorec(['lint', '--max-warnings', '0', 'spec.restore'], { cwd: dir }).status, 1);
  assert.is(restorec(['lint', '--max-warnings', '1', 'spec.restore'], { cwd: dir }).status, 0);
});

test('without an inventory, rules that need one are skipped and named', () => {
  const dir = workspace(H + 'restore db shop < table orders as customers >\n', null);
  const r = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stdout);
  assert.match(r.stderr, /rules? skipped on 1 file without an inventory: .*target-exists/);
  const offline = restorec(['lint', '--offline', join(process.cwd(), 'examples/seed-backup-set.restore')]);
  assert.is(offline.status, 0);
  assert.match(offline.stderr, /skipped/);
});

test('--no-live never reaches for the network, even with cloud access configured', () => {
  const dir = workspace(H + 'restore db shop < table orders as customers >\n', null);
  // Port 9 (discard) on loopback is closed: a live read would fail.
  const env = { RESTOREC_ENDPOINT: 'http://127.0.0.1:9', ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKIDtest', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-a-secret-used-here' };
  const offline = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir, env });
  assert.is(offline.status, 0, offline.stdout + offline.stderr);
  assert.match(offline.stderr, /skipped on 1 file without an inventory/);
  const live = restorec(['lint', 'spec.restore'], { cwd: dir, env });
  assert.is.not(live.status, 0, 'a live read against a closed port must not pass silently');
  assert.match(live.stderr, /Describe\w+ failed: the endpoint refused the connection/);
  assert.not.ok(hasStackTrace(live.stderr), live.stderr);
});

test('syntax errors are findings (exit 1) reported with their code', () => {
  const dir = workspace(H + 'restor db shop\n');
  const r = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1);
  assert.match(r.stdout, /syntax\/unexpected-token/);
});

test('input errors exit 2 without a stack trace: bad config, bad snapshot, missing file, bad format', () => {
  const badConfig = workspace(H + 'restore db shop\n', baseInventory(), { rules: { 'target-exists': 'fatal' } });
  const badSnapshot = workspace(H + 'restore db shop\n', { version: 2 });
  const cases: [string[], string][] = [
    [['lint', 'spec.restore'], badConfig],
    [['lint', 'spec.restore'], badSnapshot],
    [['lint', 'missing.restore'], badConfig],
    [['lint', '--format', 'xml', 'spec.restore'], badSnapshot],
    [['lint', '--config', 'nope.json', 'spec.restore'], badSnapshot],
  ];
  for (const [args, cwd] of cases) {
    const r = restorec(args, { cwd });
    assert.is(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.not.ok(hasStackTrace(r.stderr), r.stderr);
  }
  assert.match(restorec(['lint', 'spec.restore'], { cwd: badConfig }).stderr, /restorec\.config\.json:\d+:\d+: rules/);
  assert.match(restorec(['lint', 'spec.restore'], { cwd: badSnapshot }).stderr, /spec\.inventory\.json/);
});

test('rules lists every rule with its default severity', () => {
  const r = restorec(['rules']);
  assert.is(r.status, 0);
  assert.match(r.stdout, /^target-exists +error /m);
  const json = JSON.parse(restorec(['rules', '--format', 'json']).stdout);
  assert.ok(json.length >= 3);
  assert.ok(json.every((x: { id: string; defaultSeverity: string }) => x.id && x.defaultSeverity));
});

test('rules prints the list the build kept (dist/rules.json) exactly as the rules print it, and falls back without it', () => {
  assert.ok(existsSync('dist/rules.json'), 'the build writes dist/rules.json');
  for (const format of ['text', 'json']) {
    const kept = restorec(['rules', '--format', format]);
    const made = restorec(['rules', '--format', format], { env: { RESTOREC_NO_RULES_CACHE: '1' } });
    assert.is(kept.status, 0);
    assert.is(kept.stdout, made.stdout, format);
  }
  // A dist/ whose rules.json is unreadable: the command loads the rules.
  const dist = join(tempDir(), 'dist');
  cpSync('dist', dist, { recursive: true });
  writeFileSync(join(dist, 'rules.json'), '{ not json');
  const r = restorec(['rules'], { env: { RESTOREC_DIST_DIR: dist } });
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, restorec(['rules']).stdout);
});

test('the pre-commit hook definition runs lint on .restore files', () => {
  const hooks = readFileSync('.pre-commit-hooks.yaml', 'utf8');
  assert.match(hooks, /- id: restorec-lint/);
  assert.match(hooks, /entry: restorec lint --no-live/);
  assert.match(hooks, /files: \\\.restore\$/);
  assert.match(hooks, /- id: restorec-fmt/);
  copyFileSync('.pre-commit-hooks.yaml', join(tempDir(), 'x.yaml'));
});

test.run();
