// `restorec lint --no-live` with no snapshot, as the pre-commit hook runs it: what the spec alone
// decides is reported at the right lines, patterns are named as unresolved, and every output
// format says the run skipped rules (never a bare "No problems found").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restorec, tempDir } from '../helpers/cli.ts';
import { OFFLINE_SPEC } from '../helpers/install.ts';
import { baseInventory } from '../helpers/rule-tester.ts';

function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PATTERNS = 'instance rm-1\nfrom backup 1\nrestore db shop <\n  table order_items_* as {name}_bak\n  table orders as orders_bak\n>\nrestore db crm* as {name}_r\n';

test("the issue's spec: each problem at its line, from the spec alone", () => {
  const dir = workspace({ 'spec.restore': OFFLINE_SPEC });
  const r = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1, r.stdout + r.stderr);
  const json = restorec(['lint', '--no-live', '--format', 'json', 'spec.restore'], { cwd: dir });
  const messages = (JSON.parse(json.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[])[0]!.messages;
  assert.equal(
    messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
    ['5:3 target-collision', '6:9 invalid-name', '7:22 template-error'],
  );
  // The collision's first source is its secondary span, with its own line.
  assert.match(r.stdout, /5:3 {2}error {2}tables `shop`\.`orders` and `shop`\.`products` would both be restored as `shop`\.`x`/);
  assert.match(r.stdout, /note: `orders` is restored as `x` here \(4:3\)/);
  assert.match(r.stdout, /✖ 3 problems \(3 errors, 0 warnings\)/);
  assert.match(r.stderr, /rules skipped on 1 file without an inventory/);
});

test('the strictest case rule offline, unless the config says the instance is case-sensitive', () => {
  const spec = 'instance rm-1\nfrom backup 1\nrestore db shop <\n  table orders as Archive\n  table customers as archive\n>\n';
  const dir = workspace({ 'spec.restore': spec });
  const strict = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(strict.status, 1, strict.stdout + strict.stderr);
  assert.match(strict.stdout, /5:3 {2}error {2}tables `shop`\.`orders` and `shop`\.`customers` would both be restored as `shop`\.`archive`/);
  writeFileSync(join(dir, 'restorec.config.json'), '{ "lowerCaseTableNames": 0 }');
  const sensitive = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(sensitive.status, 0, sensitive.stdout + sensitive.stderr);
});

test('the capture trap is a warning offline, with the example and the {name} suggestion', () => {
  const dir = workspace({ 'spec.restore': 'instance rm-1\nfrom backup 1\nrestore db shop < table order_items_* as *_bak >\n' });
  const r = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /3:42 {2}warning {2}the target `\*_bak` keeps only what the wildcards of `order_items_\*` matched, dropping `order_items_`: e\.g\. `order_items_2026` is restored as `2026_bak` {2}capture-trap/);
  assert.match(r.stdout, /help: write `\{name\}_bak` to keep the whole name/);
  assert.is(restorec(['lint', '--no-live', '--max-warnings', '0', 'spec.restore'], { cwd: dir }).status, 1);
});

test('duplicates across files: exact targets of two specs on one instance', () => {
  const dir = workspace({
    'a.restore': 'instance rm-1\nfrom backup 1\nrestore db shop < table orders as orders_bak >\n',
    'b.restore': 'instance rm-1\nfrom backup 2\n\nrestore db shop < table orders as orders_bak >\n',
  });
  const r = restorec(['lint', '--no-live', 'a.restore', 'b.restore'], { cwd: dir });
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /b\.restore\n {2}4:19 {2}error {2}target table shop\.orders_bak is also restored into rm-1 by a\.restore:3 {2}duplicate-target-across-files/);
});

test('patterns are named as unresolved: stderr, json, sarif, github and the step summary', () => {
  const dir = workspace({ 'spec.restore': PATTERNS });
  const stylish = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(stylish.status, 0, stylish.stdout + stylish.stderr);
  assert.is(stylish.stdout, '');
  assert.match(stylish.stderr, /2 patterns left unresolved without an inventory \(the spec-only checks covered exact names only\): spec\.restore:4:9 `order_items_\*`, spec\.restore:7:12 `crm\*`/);

  const json = JSON.parse(restorec(['lint', '--no-live', '-f', 'json', 'spec.restore'], { cwd: dir }).stdout)[0];
  assert.ok(json.skipped.some((s: { ruleId: string; missing: string[] }) => s.ruleId === 'pattern-no-match' && s.missing.includes('plan')), JSON.stringify(json.skipped));
  assert.equal(json.unresolved, [
    { what: 'table', pattern: 'order_items_*', database: 'shop', line: 4, column: 9, endLine: 4, endColumn: 22 },
    { what: 'database', pattern: 'crm*', line: 7, column: 12, endLine: 7, endColumn: 16 },
  ]);

  const sarif = JSON.parse(restorec(['lint', '--no-live', '-f', 'sarif', 'spec.restore'], { cwd: dir }).stdout).runs[0];
  const notice = sarif.invocations[0].toolExecutionNotifications[0];
  assert.is(notice.level, 'note');
  assert.match(notice.message.text, /rules skipped on 1 file, so this is not a full check: .*pattern-no-match/);
  assert.match(notice.message.text, /2 patterns left unresolved/);
  assert.ok(sarif.properties.skippedRules.includes('target-exists'));
  assert.equal(sarif.properties.unresolvedPatterns.map((u: { pattern: string }) => u.pattern), ['order_items_*', 'crm*']);

  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const github = restorec(['lint', '--no-live', '-f', 'github', 'spec.restore'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.match(github.stdout, /^::notice title=restorec%3A not a full check::\d+ rules skipped on 1 file, so this is not a full check: .*2 patterns left unresolved/m);
  const md = readFileSync(summary, 'utf8');
  assert.match(md, /No problems found by the rules that ran\./);
  assert.not.match(md, /^No problems found\.$/m);
  assert.match(md, /2 patterns left unresolved without an inventory .*spec\.restore:4:9 `order_items_\*`/);
});

test('with a snapshot, nothing is skipped or unresolved and no notice is given', () => {
  const dir = workspace({ 'spec.restore': 'instance rm-test\nfrom backup 1001\nrestore db shop < table orders as orders_bak >\n' });
  writeFileSync(join(dir, 'spec.inventory.json'), JSON.stringify(baseInventory()));
  const sarif = JSON.parse(restorec(['lint', '--no-live', '-f', 'sarif', 'spec.restore'], { cwd: dir }).stdout).runs[0];
  assert.equal(sarif.invocations, [{ executionSuccessful: true }]);
  assert.equal(sarif.properties, { skippedRules: [], unresolvedPatterns: [] });
  const github = restorec(['lint', '--no-live', '-f', 'github', 'spec.restore'], { cwd: dir });
  assert.not.match(github.stdout, /::notice/);
});

test.run();
