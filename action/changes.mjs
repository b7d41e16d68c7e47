// Step "changes": what this run does and to which specs. Mode `auto` checks on pull requests (and
// any event but a push to the default branch) and applies on a push to the default branch. The
// specs changed are those of the whole push (`before`..`after`: every commit in it, not only
// the last) or of the pull request (its base..the merge commit). A push that creates the branch
// has no `before` (all zeros): then the files the push's commits added or modified are used.
import { event, git, selected, setOutput, words } from './lib.mjs';

const ZERO = /^0+$/;
const ev = event();
const eventName = process.env.GITHUB_EVENT_NAME ?? '';
const specs = words(process.env.RESTOREC_SPECS || '.');
const isPush = eventName === 'push';
const defaultBranch = ev.repository?.default_branch;
const onDefault = isPush && defaultBranch !== undefined && process.env.GITHUB_REF === `refs/heads/${defaultBranch}`;

const wanted = process.env.RESTOREC_MODE || 'auto';
if (!['auto', 'check', 'apply'].includes(wanted)) fail(`mode must be auto, check or apply, got ${wanted}`);
const mode = wanted === 'auto' ? (onDefault ? 'apply' : 'check') : wanted;
if (mode === 'apply' && !isPush) fail(`mode apply needs a push event (its before and after commits); this is ${eventName || 'no event'}`);

function fail(message) {
  process.stdout.write(`::error::restorec: ${message}\n`);
  process.exit(1);
}

/** The commit is here, or is fetched (a checkout is shallow by default): diffing needs only its tree. */
function have(sha) {
  if (git(['cat-file', '-e', `${sha}^{commit}`]).status === 0) return true;
  const f = git(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', sha]);
  return f.status === 0 && git(['cat-file', '-e', `${sha}^{commit}`]).status === 0;
}

function diff(base, head) {
  for (const sha of [base, head]) if (!have(sha)) fail(`cannot get commit ${sha} to compare (git fetch failed); check out with actions/checkout first`);
  const r = git(['diff', '--name-only', '--no-renames', '--diff-filter=AM', '-z', base, head, '--']);
  if (r.status !== 0) fail(`git diff ${base} ${head} failed: ${r.stderr.trim()}`);
  return r.stdout.split('\0').filter(Boolean);
}

const exists = (head, path) => git(['cat-file', '-e', `${head}:${path}`]).status === 0;
let base = '';
let head = process.env.GITHUB_SHA || git(['rev-parse', 'HEAD']).stdout.trim();
let how;
let files;
if (isPush) {
  head = ev.after ?? head;
  base = ev.before ?? '';
  if (!base || ZERO.test(base)) {
    const commits = ev.commits ?? [];
    if (commits.length >= 2048) fail('this push created the branch with 2048 or more commits, more than the event lists; apply the specs by hand');
    files = [...new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? [])]))].filter((p) => exists(head, p));
    how = `the branch was created by this push: the files its ${commits.length} new commit${commits.length === 1 ? '' : 's'} added or modified`;
    base = '';
  } else {
    files = diff(base, head);
    how = `every commit of the push, ${base.slice(0, 12)}..${head.slice(0, 12)}`;
  }
} else if (ev.pull_request) {
  base = ev.pull_request.base?.sha ?? '';
  files = diff(base, head);
  how = `the pull request, ${base.slice(0, 12)}..${head.slice(0, 12)}`;
} else {
  files = git(['ls-files', '-z', '--', '*.restore']).stdout.split('\0').filter(Boolean);
  how = `every spec (a ${eventName || 'manual'} run has no change to compare)`;
}

const changed = new Set(files.filter((p) => p.endsWith('.restore')));
// In a check, a spec whose snapshot changed has a new plan too; an apply reads the live instance.
if (mode === 'check') for (const p of files) if (p.endsWith('.inventory.json')) {
  const spec = p.replace(/\.inventory\.json$/, '.restore');
  if (exists(head, spec)) changed.add(spec);
}
const list = [...changed].filter((p) => selected(p, specs)).sort();

setOutput('mode', mode);
setOutput('base', base);
setOutput('head', head);
setOutput('changed', list.join('\n'));
setOutput('how', how);
process.stdout.write(`restorec: ${mode}; ${list.length} changed spec${list.length === 1 ? '' : 's'} (${how})${list.length ? `:\n  ${list.join('\n  ')}` : ''}\n`);
