// The repository root that SARIF paths are relative to (GitHub code scanning resolves them from
// the repository's root, not from where restorec ran): `--repo-root`, else RESTOREC_REPO_ROOT,
// else the nearest folder upward holding `.git` (a folder, or a file in a worktree), else the
// working directory. No git process is started: a hook or CI job may not have git on its PATH.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function repoRoot(cwd: string, given?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== undefined && given !== '') return resolve(cwd, given);
  const fromEnv = env['RESTOREC_REPO_ROOT'];
  if (fromEnv) return resolve(cwd, fromEnv);
  for (let dir = resolve(cwd); ; ) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
