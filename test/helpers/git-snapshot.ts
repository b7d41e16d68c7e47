// This repository as an install source, the way users reach it: a bare git repository holding
// one commit of the working tree as it is now (uncommitted edits and new files included, ignored
// files such as node_modules/ and dist/ not), so the install tests check the code under test,
// not the last commit. The commit is made with a temporary index: the real index, HEAD and refs
// are left alone (the commit object itself is unreferenced and git's gc drops it).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Snapshot {
  /** file:// URL of the bare repository (its HEAD is branch main, at `rev`). */
  url: string;
  /** The commit's full sha. */
  rev: string;
}

const identity = { GIT_AUTHOR_NAME: 'restorec tests', GIT_AUTHOR_EMAIL: 'tests@restorec.invalid', GIT_COMMITTER_NAME: 'restorec tests', GIT_COMMITTER_EMAIL: 'tests@restorec.invalid' };

export function git(args: string[], opts: { cwd: string; env?: Record<string, string> }): string {
  return execFileSync('git', args, { cwd: opts.cwd, env: { ...process.env, ...identity, ...opts.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Commits the working tree of `repo` into a new bare repository under `dir`. */
export function snapshotRepo(repo: string, dir: string): Snapshot {
  const bare = join(dir, 'restorec.git');
  git(['init', '--quiet', '--bare', '--initial-branch=main', bare], { cwd: dir });
  const env = { GIT_INDEX_FILE: join(dir, 'snapshot.index') };
  git(['read-tree', '--empty'], { cwd: repo, env });
  git(['add', '--all', '.'], { cwd: repo, env });
  const tree = git(['write-tree'], { cwd: repo, env });
  const rev = git(['commit-tree', tree, '-m', 'restorec: snapshot of the working tree for the install tests'], { cwd: repo });
  git(['push', '--quiet', bare, `${rev}:refs/heads/main`], { cwd: repo });
  return { url: pathToFileURL(bare).href, rev };
}
