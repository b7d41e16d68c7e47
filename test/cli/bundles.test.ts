// bin/restorec.cjs starts lint, compile, plan, inventory and apply from their own bundle
// (dist/hot/COMMAND.cjs) and everything else from dist/cli.cjs; a dist/ without hot/ (built by
// an older restorec) still serves every command from cli.cjs. Both routes give the same output.
// And a start parses a valid spec without building Chevrotain's error recovery.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/restorec.cjs');
const spec = join(root, 'examples/incident-2026-11-20.restore');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

test('the per-command bundles exist, each with a code cache', () => {
  for (const name of ['lint', 'compile', 'plan', 'inventory', 'apply']) {
    assert.ok(existsSync(join(root, 'dist/hot', `${name}.cjs`)), `dist/hot/${name}.cjs`);
    assert.ok(existsSync(join(root, 'dist/hot', `${name}.cjs.cache`)), `dist/hot/${name}.cjs.cache`);
  }
});

test('without dist/hot/ every command runs from cli.cjs, with the same output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-dist-'));
  try {
    cpSync(join(root, 'dist'), dir, { recursive: true, filter: (src) => !src.includes(`${join(root, 'dist', 'hot')}`) && !src.endsWith('.vsix') });
    assert.not.ok(existsSync(join(dir, 'hot')));
    for (const args of [['lint', '--no-live', '--format', 'json', spec], ['compile', spec], ['plan', spec], ['fmt', '--check', spec]]) {
      const hot = run(args);
      const old = run(args, { RESTOREC_DIST_DIR: dir });
      assert.is(old.status, hot.status, args.join(' '));
      assert.is(old.stdout, hot.stdout, args.join(' '));
      assert.is(old.stderr, hot.stderr, args.join(' '));
    }
    const compiled = JSON.parse(run(['compile', spec], { RESTOREC_DIST_DIR: dir }).stdout) as unknown[];
    assert.ok(compiled.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a valid spec is parsed without building error recovery; a broken one gets it, with every error', () => {
  // RESTOREC_TRACE_INIT prints Chevrotain's set-up phases; the follow sets exist for recovery only.
  for (const args of [['fmt', '--check', spec], ['lint', '--no-live', spec], ['compile', spec]]) {
    const r = run(args, { RESTOREC_TRACE_INIT: '1' });
    assert.is(r.status, 0, `${args[0]}: ${r.stderr}`);
    assert.not.match(r.stdout + r.stderr, 'computeAllProdsFollows', args[0]);
    // Nor are its lookahead paths worked out: the build recorded them (lookahead-cache.ts).
    assert.match(r.stderr, /lookahead paths: [1-9]\d* recorded by the build, 0 computed/, args[0]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'restorec-broken-'));
  try {
    const broken = join(dir, 'broken.restore');
    writeFileSync(broken, 'instance rm-x\nfrom backup\nrestore db a <\n');
    const r = run(['fmt', '--check', broken], { RESTOREC_TRACE_INIT: '1' });
    assert.is(r.status, 2);
    assert.match(r.stdout + r.stderr, 'computeAllProdsFollows');
    assert.not.match(r.stderr, /lookahead paths: \d+ recorded by the build, [1-9]/, 'the recovering parser computes none either');
    assert.is(r.stderr.match(/lookahead paths: [1-9]\d* recorded by the build, 0 computed/g)?.length, 2, 'both parsers');
    assert.match(r.stderr, '2:6 error the backup set id is missing');
    assert.match(r.stderr, '3:15 error expected `>` to close the table block');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
