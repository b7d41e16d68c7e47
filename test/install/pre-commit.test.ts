// The pre-commit framework (https://pre-commit.com), for real: a throwaway repository of specs
// whose .pre-commit-config.yaml names this repository (the working tree, committed into a bare
// repository) at that commit, `pre-commit install`, then `git commit` as a user would. The
// framework installs the hooks with its own node support (npm install, npm pack, npm install -g).
// needs-debian-package: pre-commit pre-commit
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, snapshotRepo } from '../helpers/git-snapshot.ts';
import { run, specs } from '../helpers/install.ts';

let dir: string;
let work: string;
let env: Record<string, string>;

test.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'restorec-pre-commit-'));
  const snap = snapshotRepo(process.cwd(), dir);
  work = join(dir, 'specs');
  mkdirSync(work);
  git(['init', '--quiet', '--initial-branch=main'], { cwd: work });
  writeFileSync(join(work, '.pre-commit-config.yaml'), `repos:\n  - repo: ${snap.url}\n    rev: ${snap.rev}\n    hooks:\n      - id: restorec-fmt\n      - id: restorec-lint\n`);
  // The framework's cache of hook environments, private to this run.
  env = { PRE_COMMIT_HOME: join(dir, 'pre-commit-home'), GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.invalid', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.invalid' };
  git(['add', '.pre-commit-config.yaml'], { cwd: work });
  const hook = run('pre-commit', ['install'], { cwd: work, env });
  assert.is(hook.status, 0, hook.out);
  const install = run('pre-commit', ['install-hooks'], { cwd: work, env });
  assert.is(install.status, 0, install.out);
  console.log(`pre-commit install-hooks: ${install.ms} ms`);
});
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Stages the files, tries to commit, and leaves the index and tree as they were. */
function commit(files: string[]) {
  git(['add', ...files], { cwd: work });
  const r = run('git', ['commit', '-m', `add ${files[0]}`], { cwd: work, env });
  const head = run('git', ['log', '--format=%s', '-1', '--', files[0]!], { cwd: work });
  if (r.status !== 0) {
    git(['rm', '--quiet', '--cached', '--force', ...files], { cwd: work });
    for (const f of files) rmSync(join(work, f));
  }
  return { ...r, committed: head.out.trim() === `add ${files[0]}` };
}

test('a spec with a syntax error is blocked, with the diagnostic shown', () => {
  const r = commit(specs.broken(work));
  assert.is(r.status, 1, r.out);
  assert.not.ok(r.committed);
  assert.match(r.out, /restorec lint\.+Failed/);
  assert.match(r.out, /broken\.restore\n\s+3:32 +error +the new table name is missing after `as`; found `>` +syntax\/unexpected-token/);
  assert.match(r.out, /3 \| restore db shop < table orders as >\n\s+\| +\^/, 'with the code frame');
  assert.match(r.out, /restorec fmt\.+Failed[\s\S]*broken\.restore: not formatted: fix the errors above first/);
});

test('a spec whose targets collide (snapshot beside it) is blocked, with the diagnostic shown', () => {
  const r = commit(specs.collide(work));
  assert.is(r.status, 1, r.out);
  assert.not.ok(r.committed);
  assert.match(r.out, /restorec fmt\.+Passed/);
  assert.match(r.out, /restorec lint\.+Failed/);
  assert.match(r.out, /tables `shop`\.`orders` and `shop`\.`order_items_2026` would both be restored as `shop`\.`orders_restored` +target-collision/);
});

test('a spec with no snapshot is still blocked on what the spec alone shows, each problem at its line', () => {
  const r = commit(specs.offline(work));
  assert.is(r.status, 1, r.out);
  assert.not.ok(r.committed);
  assert.match(r.out, /restorec fmt\.+Passed/);
  assert.match(r.out, /restorec lint\.+Failed/);
  assert.match(r.out, /offline\.restore\n\s+5:3 +error +tables `shop`\.`orders` and `shop`\.`products` would both be restored as `shop`\.`x` +target-collision/);
  assert.match(r.out, /note: `orders` is restored as `x` here \(4:3\)/);
  assert.match(r.out, /\n\s+6:9 +error +the table name `averyvery\w+` is 73 characters long; MySQL names are at most 64 +invalid-name/);
  assert.match(r.out, /\n\s+7:22 +error +the target `\*_bak` has wildcards, but the source `customers` is an exact name .* +template-error/);
  assert.match(r.out, /rules? skipped on 1 file/);
});

test('an unformatted spec is reported by restorec-fmt', () => {
  const r = commit(specs.unformatted(work));
  assert.is(r.status, 1, r.out);
  assert.not.ok(r.committed);
  assert.match(r.out, /restorec fmt\.+Failed/);
  assert.match(r.out, /^unformatted\.restore$/m);
  assert.match(r.out, /1 file not formatted; run restorec fmt on it/);
  assert.match(r.out, /restorec lint\.+Passed/);
});

test('a good spec commits, both hooks passing', () => {
  const r = commit(specs.good(work));
  assert.is(r.status, 0, r.out);
  assert.ok(r.committed, r.out);
  assert.match(r.out, /restorec fmt\.+Passed/);
  assert.match(r.out, /restorec lint\.+Passed/);
  console.log(`git commit with both hooks: ${r.ms} ms`);
});

test.run();
