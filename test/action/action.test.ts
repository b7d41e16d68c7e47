// The GitHub Action (action.yml), without GitHub: its steps run as the runner runs them
// (test/helpers/actions.ts), from a clone of this repository's working tree as the action's
// checkout, against a workspace repository with real commits, a pull-request and a push event,
// the REST stand-in for the plan comment and a detached `restorec sandbox` for apply.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluate, runAction, type ActionRun, type RunOptions } from '../helpers/actions.ts';
import { startGithubApi, type GithubStandIn } from '../helpers/github-api.ts';
import { git, snapshotRepo } from '../helpers/git-snapshot.ts';
import { npmEnv } from '../helpers/install.ts';

const REPO = 'acme/specs';
const TOKEN = 'ghs_test_token';
const PR = 7;
const MARKER = '<!-- restorec-plan -->';
const INVENTORY = readFileSync('examples/incident-2026-11-20.inventory.json', 'utf8');
const HEAD = 'instance rm-uf6wjk5xxxxxxxxxx\nat 2026-11-20T03:15:00Z\n\n';

let dir: string;
let actionDir: string;
let ws: string;
let api: GithubStandIn;
const commits: Record<string, string> = {};
let sandboxPid = 0;
let sandboxEnv: Record<string, string> = {};

function write(path: string, text: string) {
  mkdirSync(join(ws, path, '..'), { recursive: true });
  writeFileSync(join(ws, path), text);
}
function commit(name: string, files: Record<string, string>) {
  for (const [p, t] of Object.entries(files)) write(p, t);
  git(['add', '--all'], { cwd: ws });
  git(['commit', '--quiet', '-m', name], { cwd: ws });
  commits[name] = git(['rev-parse', 'HEAD'], { cwd: ws });
}
const lastStep = (run: ActionRun, id: string) => run.steps.find((s) => s.id === id)!;
const stepNamed = (run: ActionRun, name: RegExp) => run.steps.find((s) => name.test(s.name))!;
const logOf = (run: ActionRun) => run.steps.map((s) => `--- ${s.name} (${s.outcome})\n${s.log}`).join('\n');

function options(eventName: string, event: Record<string, unknown>, ref: string, sha: string, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    actionDir,
    workspace: ws,
    temp: mkdtempSync(join(dir, 'runner-temp-')),
    eventName,
    event: { repository: { full_name: REPO, default_branch: 'main' }, ...event },
    ref,
    sha,
    repository: REPO,
    apiUrl: api.url,
    token: TOKEN,
    env: { ...npmEnv, PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
    ...extra,
  };
}
const prEvent = (head: string) => ({ number: PR, pull_request: { number: PR, base: { sha: commits['base'] }, head: { sha: head } } });

test.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'restorec-action-'));
  const snap = snapshotRepo(process.cwd(), dir);
  actionDir = join(dir, 'action');
  execFileSync('git', ['clone', '--quiet', snap.url, actionDir]);
  api = await startGithubApi(REPO, TOKEN);
  for (let i = 0; i < 120; i++) api.add(PR, `an earlier review comment ${i}`); // the plan comment lands on page 2

  ws = join(dir, 'workspace');
  mkdirSync(ws);
  git(['init', '--quiet', '--initial-branch=main'], { cwd: ws });
  commit('base', { 'specs/old.restore': `${HEAD}restore db shop < table order_items_2026 as oi_old >\n`, 'specs/old.inventory.json': INVENTORY, 'README.md': 'specs\n' });
  git(['checkout', '--quiet', '-b', 'feature'], { cwd: ws });
  commit('pr1', { 'specs/a.restore': `${HEAD}restore db shop < table orders as orders_a >\n`, 'specs/a.inventory.json': INVENTORY });
  commit('pr2', { 'specs/b.restore': `${HEAD}restore db crm as crm_b\n` });
});

test.after(async () => {
  if (sandboxPid) {
    try {
      process.kill(sandboxPid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('pull request: format, lint and plan; the plan comment is created (found past page 1 next time); a spec with no inventory is planned from the spec alone and fails the job', async () => {
  const started = Date.now();
  const run = await runAction(options('pull_request', prEvent(commits['pr2']!), `refs/pull/${PR}/merge`, commits['pr2']!));
  console.log(`first run (install included): ${Date.now() - started} ms`);
  assert.is(lastStep(run, 'install').outcome, 'success', logOf(run));
  assert.is(run.outputs['mode'], 'check');
  assert.is(run.outputs['changed-specs'], 'specs/a.restore\nspecs/b.restore', logOf(run));
  assert.is(lastStep(run, 'check').outcome, 'success', logOf(run));

  // SARIF written, so uploaded.
  const sarif = run.outputs['sarif-file']!;
  assert.ok(sarif && existsSync(sarif), logOf(run));
  assert.is(JSON.parse(readFileSync(sarif, 'utf8')).version, '2.1.0');
  const upload = stepNamed(run, /SARIF/);
  assert.is(upload.outcome, 'recorded');
  assert.equal(upload.with, { sarif_file: sarif, category: 'restorec' });

  // One comment, created, with the plan of a and what stopped b's.
  const mine = api.comments(PR).filter((c) => c.body.startsWith(MARKER));
  assert.is(mine.length, 1);
  assert.is(api.calls.filter((c) => c.method === 'POST').length, 1);
  assert.is(run.outputs['comment-id'], String(mine[0]!.id));
  assert.ok(mine[0]!.body.includes('| `orders` | `orders_a` | `specs/a.restore:4:19` |'), mine[0]!.body);
  // b has no inventory: its plan shows what the spec alone decides, and says so.
  assert.match(mine[0]!.body, /### restorec plan: `specs\/b\.restore` \(no inventory\)[\s\S]*#### `crm` → `crm_b` \(whole database: its tables are known only from the backup\)/);
  assert.match(mine[0]!.body, /\*\*Lint:\*\* 0 errors, \d+ warnings, \*\*\d+ rules skipped\*\*/);

  // The job summary says which rules were skipped, and the job fails on the missing plan.
  assert.match(run.summary, /### restorec lint: 0 errors, \d+ warnings?, \d+ rules skipped/);
  assert.match(run.summary, /did not run\*\*, so this is not a full check[\s\S]*specs\/b\.restore/);
  assert.not.match(run.summary, /^No problems found\.$/m);
  assert.is(stepNamed(run, /Fail on findings/).outcome, 'failure');
  assert.match(stepNamed(run, /Fail on findings/).log, /::error title=restorec::no inventory for specs\/b\.restore/);
  assert.ok(run.failed);
  assert.is(stepNamed(run, /Apply/).outcome, 'skipped');
});

test('a second push to the pull request edits the same comment: not a second one', async () => {
  const before = api.comments(PR).find((c) => c.body.startsWith(MARKER))!;
  commit('pr3', { 'specs/b.inventory.json': INVENTORY });
  const run = await runAction(options('pull_request', prEvent(commits['pr3']!), `refs/pull/${PR}/merge`, commits['pr3']!));
  assert.is(lastStep(run, 'check').outcome, 'success', logOf(run));
  const mine = api.comments(PR).filter((c) => c.body.startsWith(MARKER));
  assert.is(mine.length, 1, 'still one plan comment');
  assert.is(mine[0]!.id, before.id);
  assert.is(api.calls.filter((c) => c.method === 'POST').length, 1, 'no second POST');
  assert.is(api.calls.filter((c) => c.method === 'PATCH').length, 1);
  assert.ok(api.calls.some((c) => c.method === 'GET' && c.path.includes('page=2')), 'looked past the first page');
  assert.match(mine[0]!.body, /`crm` → `crm_b`/);
  assert.not.match(mine[0]!.body, /no plan/);
  assert.match(mine[0]!.body, new RegExp(`Updated for ${commits['pr3']!.slice(0, 12)}`));
  assert.is(api.comments(PR).length, 121, 'the other comments are untouched');
  assert.is(stepNamed(run, /Fail on findings/).outcome, 'skipped', logOf(run));
  assert.not.ok(run.failed, logOf(run));
});

test('when lint writes no SARIF (it cannot run), nothing is uploaded, and the job fails saying so', async () => {
  commit('pr4', { 'restorec.config.json': '{"rules": {"no-such-rule": "error"}}\n' });
  const run = await runAction(options('pull_request', prEvent(commits['pr4']!), `refs/pull/${PR}/merge`, commits['pr4']!));
  assert.is(lastStep(run, 'check').outcome, 'success', logOf(run));
  assert.is(run.outputs['sarif-file'], '');
  assert.is(stepNamed(run, /SARIF/).outcome, 'skipped');
  assert.match(stepNamed(run, /Fail on findings/).log, /lint could not run/);
  assert.is(api.comments(PR).filter((c) => c.body.startsWith(MARKER)).length, 1);
  assert.match(api.comments(PR).find((c) => c.body.startsWith(MARKER))!.body, /\*\*Lint:\*\* lint could not run/);
});

async function sandboxState(): Promise<{ instances: { current?: { Databases: { DBName: string; Tables: string[] | string }[] } }[] }> {
  const res = await fetch(`${sandboxEnv['RESTOREC_ENDPOINT']}/_sandbox/state`);
  return (await res.json()) as never;
}
function tables(state: Awaited<ReturnType<typeof sandboxState>>): string[] {
  return state.instances.flatMap((i) => i.current?.Databases ?? []).flatMap((d) => (Array.isArray(d.Tables) ? d.Tables.map((t) => `${d.DBName}.${t}`) : [`${d.DBName}.*`]));
}

test('push of several commits to the default branch: every spec changed in the push is applied, no other', async () => {
  const out = execFileSync(process.execPath, ['bin/restorec.cjs', 'sandbox', '--seed', 'examples/incident-2026-11-20.inventory.json', '--restore-ms', '0', '--detach'], { encoding: 'utf8' });
  for (const [, k, v] of out.matchAll(/^export ([A-Z_]+)=(\S+)$/gm)) sandboxEnv[k!] = v!;
  sandboxPid = Number(sandboxEnv['RESTOREC_SANDBOX_PID']);
  assert.ok(sandboxEnv['RESTOREC_ENDPOINT'], out);

  git(['checkout', '--quiet', 'main'], { cwd: ws });
  commit('main1', { 'specs/a.restore': `${HEAD}restore db shop < table orders as orders_a >\n` });
  commit('main2', { 'specs/b.restore': `${HEAD}restore db crm as crm_b\n`, 'README.md': 'specs, and more\n' });
  const event = { before: commits['base'], after: commits['main2'], ref: 'refs/heads/main', commits: [{ id: commits['main1'] }, { id: commits['main2'] }] };
  const o = options('push', event, 'refs/heads/main', commits['main2']!);
  const run = await runAction({ ...o, env: { ...o.env!, ...sandboxEnv } });
  assert.is(run.outputs['mode'], 'apply', logOf(run));
  assert.is(run.outputs['changed-specs'], 'specs/a.restore\nspecs/b.restore');
  assert.is(stepNamed(run, /Apply/).outcome, 'success', logOf(run));
  assert.is(lastStep(run, 'check').outcome, 'skipped');
  assert.is(stepNamed(run, /comment/i).outcome, 'skipped');
  const now = tables(await sandboxState());
  assert.ok(now.includes('shop.orders_a'), now.join(', '));
  assert.ok(now.some((t) => t.startsWith('crm_b.')), now.join(', '));
  assert.not.ok(now.includes('shop.oi_old'), 'a spec the push did not change is not applied');
  assert.match(run.summary, /### restorec apply: done[\s\S]*`specs\/a\.restore`[\s\S]*`specs\/b\.restore`/);
  assert.match(run.summary, new RegExp(`every commit of the push, ${commits['base']!.slice(0, 12)}\\.\\.${commits['main2']!.slice(0, 12)}`));
});

test('a push that creates the default branch (before is all zeros): the specs its commits added', async () => {
  commit('main3', { 'specs/c.restore': `${HEAD}restore db shop < table order_items_legacy as oil_c >\n` });
  const event = { before: '0'.repeat(40), after: commits['main3'], created: true, ref: 'refs/heads/main', commits: [{ id: commits['main3'], added: ['specs/c.restore'], modified: [], removed: [] }] };
  const o = options('push', event, 'refs/heads/main', commits['main3']!);
  const run = await runAction({ ...o, env: { ...o.env!, ...sandboxEnv } });
  assert.is(run.outputs['changed-specs'], 'specs/c.restore', logOf(run));
  assert.is(stepNamed(run, /Apply/).outcome, 'success', logOf(run));
  assert.ok(tables(await sandboxState()).includes('shop.oil_c'));
  assert.match(run.summary, /the branch was created by this push/);
});

test('a push to another branch is checked, not applied', async () => {
  git(['checkout', '--quiet', '-b', 'other'], { cwd: ws });
  commit('other1', { 'specs/d.restore': `${HEAD}restore db shop < table orders as orders_d >\n`, 'specs/d.inventory.json': INVENTORY });
  const event = { before: commits['main3'], after: commits['other1'], ref: 'refs/heads/other' };
  const run = await runAction(options('push', event, 'refs/heads/other', commits['other1']!));
  assert.is(run.outputs['mode'], 'check');
  assert.is(run.outputs['changed-specs'], 'specs/d.restore');
  assert.is(stepNamed(run, /Apply/).outcome, 'skipped');
  assert.is(stepNamed(run, /comment/i).outcome, 'skipped', 'comments only on pull requests');
});

test('the example workflow uses the action, and its apply job is in a concurrency group that queues', () => {
  const wf = parseYaml(readFileSync('examples/ci/restorec.yml', 'utf8'));
  const uses = Object.values(wf.jobs as Record<string, { steps: { uses?: string }[] }>).map((j) => j.steps.find((s) => /restorec\/restorec@/.test(s.uses ?? '')));
  assert.ok(uses.every(Boolean), 'every job uses the action');
  const apply = wf.jobs.apply;
  assert.ok(apply.concurrency?.group, 'apply has a concurrency group');
  assert.is(apply.concurrency['cancel-in-progress'], false, 'a queued apply waits; it is never cancelled half-way');
  assert.ok(apply.steps.some((s: { uses?: string }) => s.uses?.startsWith('actions/checkout')));
});

test('the runner stand-in evaluates expressions as GitHub does (strings compare case-insensitively)', () => {
  const ctx = { steps: { c: { outputs: { f: '' } } }, inputs: { x: 'true' } };
  const st = { failed: false };
  assert.is(evaluate("steps.c.outputs.f != '' && inputs.x == 'TRUE'", ctx, st), false);
  assert.is(evaluate("steps.c.outputs.f == '' && inputs.x == 'TRUE'", ctx, st), true);
  assert.is(evaluate("!(inputs.x == 'false') || failure()", ctx, st), true);
  assert.is(evaluate('failure()', ctx, { failed: true }), true);
});

test.run();
