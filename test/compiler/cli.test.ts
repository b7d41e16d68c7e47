// The compile and plan commands, run as users run them (the built CLI, spawned): stdout holds
// only JSON (or the plan), diagnostics go to stderr, exit codes are 0 / 1 / 2.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/compiler/fixtures');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/restorec.cjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('compile prints only a JSON array on stdout and exits 0', () => {
  const r = cli('compile', 'examples/seed-backup-set.restore', 'examples/seed-point-in-time.restore');
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, string>[];
  assert.is(out.length, 2);
  assert.is(out[0]!['TableMeta'], '[{"type":"db","name":"testdb1","newname":"testdb1_new","tables":[{"type":"table","name":"testdb1table1","newname":"testdb1table1_new"}]}]');
  assert.is(out[1]!['RestoreTime'], '2019-08-20T16:00:00Z');
});

test('every example compiles clean with its neighbouring snapshot', () => {
  const r = cli('compile', 'examples/');
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.ok(Array.isArray(JSON.parse(r.stdout)));
});

test('compile errors: exit 1, diagnostics on stderr, nothing on stdout', () => {
  const r = cli('compile', join(fixtures, 'collision/spec.restore'), '--inventory', join(fixtures, 'collision/inventory.json'));
  assert.is(r.status, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /target-collision/);
});

test('a split is said on stderr while stdout stays JSON', () => {
  const r = cli('compile', join(fixtures, 'split-over-limit/spec.restore'), '--inventory', join(fixtures, 'split-over-limit/inventory.json'), '--max-entries', '4');
  assert.is(r.status, 0, r.stderr);
  assert.is((JSON.parse(r.stdout) as unknown[]).length, 3);
  assert.match(r.stderr, /warning .* max-entries/);
});

test('invalid or missing inventory: exit 2 with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-cli-'));
  try {
    copyFileSync(join(root, 'examples/seed-backup-set.restore'), join(dir, 'a.restore'));
    const none = cli('compile', join(dir, 'a.restore'));
    assert.is(none.status, 2);
    assert.is(none.stdout, '');
    assert.match(none.stderr, /live inventory is not available yet/);
    assert.match(none.stderr, /--inventory/);
    writeFileSync(join(dir, 'a.inventory.json'), '{\n  "version": 2\n}\n');
    const bad = cli('compile', join(dir, 'a.restore'));
    assert.is(bad.status, 2);
    assert.is(bad.stdout, '');
    assert.match(bad.stderr, /a\.inventory\.json:2:14: version: must be 1/);
    assert.not.match(bad.stderr, /\n\s+at /, 'no stack trace');
    const syntax = cli('compile', join(fixtures, 'seed-backup-set/inventory.json'), '--inventory', join(fixtures, 'seed-backup-set/inventory.json'));
    assert.is(syntax.status, 2);
    assert.is(syntax.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plan: text and markdown', () => {
  const t = cli('plan', 'examples/seed-point-in-time.restore');
  assert.is(t.status, 0, t.stderr);
  assert.match(t.stdout, /table order -> order123 +examples\/seed-point-in-time\.restore:9:3/);
  const m = cli('plan', '--format', 'markdown', 'examples/seed-point-in-time.restore');
  assert.is(m.status, 0, m.stderr);
  assert.match(m.stdout, /^### restorec plan: `examples\/seed-point-in-time\.restore`/);
  assert.match(m.stdout, /\| `order` \| `order123` \| `examples\/seed-point-in-time\.restore:9:3` \|/);
});

test.run();
