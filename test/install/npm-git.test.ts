// Installing restorec from git with npm, as the README tells users to: `npm install -g git+...`
// (into a temporary prefix) and `npm install -D git+...#REF` in a project, from a bare repository
// holding the working tree as it is now. npm runs no build for a package from git (see
// docs/install.md), so the first run builds dist/ once; later runs load it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotRepo, type Snapshot } from '../helpers/git-snapshot.ts';
import { run, specs } from '../helpers/install.ts';

const SPEC = 'examples/incident-2026-11-20.restore';
let dir: string;
let snap: Snapshot;

test.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'restorec-npm-git-'));
  snap = snapshotRepo(process.cwd(), dir);
});
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('npm install -g git+file://...#REF: the restorec command works, builds once, checks specs', () => {
  const prefix = join(dir, 'prefix');
  const install = run('npm', ['install', '--global', '--prefix', prefix, `git+${snap.url}#${snap.rev}`], { cwd: dir });
  assert.is(install.status, 0, install.out);
  console.log(`npm install -g from git: ${install.ms} ms`);
  const bin = join(prefix, 'bin', 'restorec');
  assert.ok(existsSync(bin), `no ${bin}`);

  const work = join(dir, 'global-work');
  mkdirSync(work);
  specs.good(work);
  specs.broken(work);
  specs.unformatted(work);
  const first = run(bin, ['fmt', '--check', 'good.restore'], { cwd: work });
  assert.is(first.status, 0, first.out);
  assert.match(first.out, /first run of this install: building the CLI/);
  assert.ok(existsSync(join(prefix, 'lib/node_modules/restorec/dist/cli.cjs.cache')), 'the first run built dist/ with its code cache');

  const again = run(bin, ['fmt', '--check', 'good.restore'], { cwd: work });
  assert.is(again.status, 0, again.out);
  assert.not.match(again.out, /building/, 'built once, not on every run');
  console.log(`fmt --check, first run (builds): ${first.ms} ms; then: ${again.ms} ms`);

  const unformatted = run(bin, ['fmt', '--check', 'unformatted.restore'], { cwd: work });
  assert.is(unformatted.status, 1, unformatted.out);
  assert.match(unformatted.out, /^unformatted\.restore$/m);
  const broken = run(bin, ['lint', '--no-live', 'broken.restore'], { cwd: work });
  assert.is(broken.status, 1, broken.out);
  assert.match(broken.out, /3:32 +error +the new table name is missing after `as`; found `>` +syntax\/unexpected-token/);
  const lint = run(bin, ['lint', '--no-live', 'good.restore'], { cwd: work });
  assert.is(lint.status, 0, lint.out);
  // The first build wrote the rule list `rules` prints without loading the rules: the same text.
  assert.ok(existsSync(join(prefix, 'lib/node_modules/restorec/dist/rules.json')), 'the first run wrote dist/rules.json');
  const rules = run(bin, ['rules'], { cwd: work });
  assert.is(rules.status, 0, rules.out);
  assert.match(rules.out, /^target-exists +error /m);
  assert.is(rules.out, run(bin, ['rules'], { cwd: work, env: { RESTOREC_NO_RULES_CACHE: '1' } }).out);
  // apply's cloud client is required from the install's node_modules, not bundled.
  const apply = run(bin, ['apply', '--sandbox', '--yes', 'good.restore'], { cwd: work });
  assert.is(apply.status, 0, apply.out);
  assert.match(apply.out, /RestoreTable/);
});

test('concurrent first runs (pre-commit splits files across processes) all work; one build is kept', async () => {
  const pkg = join(dir, 'prefix/lib/node_modules/restorec');
  rmSync(join(pkg, 'dist'), { recursive: true, force: true });
  const bin = join(dir, 'prefix/bin/restorec');
  const runs = await Promise.all(
    [1, 2, 3].map(
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(bin, ['fmt', '--check', join(process.cwd(), SPEC)], { stdio: 'ignore' });
          child.on('close', resolve);
        }),
    ),
  );
  assert.equal(runs, [0, 0, 0]);
  assert.ok(existsSync(join(pkg, 'dist/cli.cjs')));
  assert.equal(readdirSync(join(pkg)).filter((f) => f.startsWith('dist.build-')), [], 'no build left half-way');
});

test('an install the user cannot write to builds once into the user cache instead', () => {
  // The global install of the first test, as installed: without the dist/ its first run built.
  const prefix = join(dir, 'prefix');
  const pkg = join(prefix, 'lib/node_modules/restorec');
  rmSync(join(pkg, 'dist'), { recursive: true, force: true });
  const cache = join(dir, 'user-cache');
  mkdirSync(cache);
  // As root (which may write anywhere) run as nobody, as a user would run root's install.
  const root = process.getuid?.() === 0;
  if (root) {
    chmodSync(dir, 0o755); // mkdtemp made it private
    chownSync(cache, 65534, 65534);
  } else chmodSync(pkg, 0o555);
  const as = (args: string[]) => (root ? run('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', join(prefix, 'bin/restorec'), ...args], { cwd: dir, env: { XDG_CACHE_HOME: cache, HOME: cache } }) : run(join(prefix, 'bin/restorec'), args, { cwd: dir, env: { XDG_CACHE_HOME: cache } }));
  const first = as(['--version']);
  assert.is(first.status, 0, first.out);
  assert.match(first.out, new RegExp(`building the CLI into ${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/restorec/[^/]+-[0-9a-f]{16}/dist`));
  assert.not.ok(existsSync(join(pkg, 'dist')), 'nothing written into the install');
  const again = as(['--version']);
  assert.is(again.status, 0, again.out);
  assert.is(again.out, first.out.split('\n').filter((l) => !l.includes('building')).join('\n'), 'the cached build is used');
  if (!root) chmodSync(pkg, 0o755);
});

test('npm install -D git+file://...#REF in a project: recorded at the commit, npx restorec works', () => {
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'specs', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--save-dev', `git+${snap.url}#${snap.rev}`], { cwd: project });
  assert.is(install.status, 0, install.out);
  console.log(`npm install -D from git: ${install.ms} ms`);
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  assert.is(pkg.devDependencies?.restorec, `git+${snap.url}#${snap.rev}`);
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'));
  assert.match(lock.packages['node_modules/restorec'].resolved, snap.rev);

  specs.good(project);
  specs.collide(project);
  const good = run('npx', ['--no-install', 'restorec', 'lint', '--no-live', 'good.restore'], { cwd: project });
  assert.is(good.status, 0, good.out);
  const collide = run('npx', ['--no-install', 'restorec', 'lint', '--no-live', 'collide.restore'], { cwd: project });
  assert.is(collide.status, 1, collide.out);
  assert.match(collide.out, /would both be restored as `shop`\.`orders_restored` +target-collision/);
});

test.run();
