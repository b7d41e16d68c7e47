// `restorec plan` with no inventory, through the built CLI: what the spec alone decides (exact
// entries, patterns marked unresolved, no requests) in text, Markdown and JSON, against goldens;
// its problems still stop it; --out refuses; compile still refuses to print any request.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restorec, tempDir } from '../helpers/cli.ts';
import { OFFLINE_SPEC } from '../helpers/install.ts';

const fixture = 'test/cli/fixtures/plan-offline';
const update = process.env['UPDATE_GOLDENS'] === '1';

function golden(name: string, actual: string): void {
  const file = join(fixture, name);
  if (update) writeFileSync(file, actual);
  assert.fixture(actual, readFileSync(file, 'utf8'));
}

function workspace(spec: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'spec.restore'), spec);
  return dir;
}

test('text and markdown: exact entries, unresolved patterns, no requests (goldens)', () => {
  const dir = tempDir();
  copyFileSync(join(fixture, 'spec.restore'), join(dir, 'spec.restore'));
  const text = restorec(['plan', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(text.status, 0, text.stderr);
  golden('expected.plan.txt', text.stdout);
  assert.match(text.stderr, /1 spec planned without an inventory: exact names as written, patterns unresolved, no requests/);
  const md = restorec(['plan', '--no-live', '--format', 'markdown', 'spec.restore'], { cwd: dir });
  assert.is(md.status, 0, md.stderr);
  golden('expected.plan.md', md.stdout);
});

test('json: resolved false, entries with their lines, the unresolved patterns, no requests', () => {
  const dir = tempDir();
  copyFileSync(join(fixture, 'spec.restore'), join(dir, 'spec.restore'));
  const r = restorec(['plan', '--no-live', '--format', 'json', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stderr);
  const [doc] = JSON.parse(r.stdout);
  assert.is(doc.resolved, false);
  assert.equal(doc.requests, []);
  assert.equal(doc.source, { restoreTime: '2026-11-20T03:15:00Z' });
  assert.equal(doc.databases.map((d: { source: string; target: string; whole: boolean; line: number }) => [d.source, d.target, d.whole, d.line]), [['shop', 'shop', false, 4], ['crm', 'crm_20261120', true, 9]]);
  assert.equal(doc.unresolved.map((u: { what: string; pattern: string; line: number }) => `${u.what} ${u.pattern} ${u.line}`), ['table order_items_* 6', 'database log_* 10']);
});

test('--detailed-exitcode: 2 (nothing can be shown to be applied already); --out refuses', () => {
  const dir = workspace('instance rm-1\nfrom backup 1\nrestore db shop < table orders as o >\n');
  assert.is(restorec(['plan', '--no-live', '--detailed-exitcode', 'spec.restore'], { cwd: dir }).status, 2);
  const out = restorec(['plan', '--no-live', '--out', 'plan.json', 'spec.restore'], { cwd: dir });
  assert.is(out.status, 2);
  assert.match(out.stderr, /--out saves requests, and spec\.restore has no inventory to resolve them against/);
});

test("the issue's spec: plan reports its problems and prints no plan (exit 1)", () => {
  const dir = workspace(OFFLINE_SPEC);
  const r = restorec(['plan', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /spec\.restore:5:3 error tables `shop`\.`orders` and `shop`\.`products` would both be restored as `shop`\.`x` {2}target-collision/);
  assert.match(r.stderr, /spec\.restore:6:9 error .* invalid-name/);
  assert.match(r.stderr, /spec\.restore:7:22 error .* template-error/);
});

test('the config decides how names compare without an inventory', () => {
  const dir = workspace('instance rm-1\nfrom backup 1\nrestore db shop < table orders as x, table customers as X >\n');
  assert.is(restorec(['plan', '--no-live', 'spec.restore'], { cwd: dir }).status, 1);
  writeFileSync(join(dir, 'restorec.config.json'), '{"lowerCaseTableNames": 0}');
  const r = restorec(['plan', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /names {5}case-sensitive/);
});

test('compile still prints no request without an inventory (exit 2), and points at plan', () => {
  const dir = workspace('instance rm-1\nfrom backup 1\nrestore db shop < table orders as o >\n');
  const r = restorec(['compile', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 2);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /without one, `restorec plan` shows what the spec alone decides/);
});

test.run();
