// Shared by the install-route tests (npm from git, the pre-commit framework, the GitHub Action):
// npm settings that keep installs on the local cache and quiet, and the spec files users commit.
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** npm reads these from the environment; the cache is the user's own (~/.npm), already warm. */
export const npmEnv: Record<string, string> = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

export interface Run {
  status: number | null;
  out: string;
  ms: number;
}

/** Runs a command with stdout and stderr together, as a user sees them in a terminal or CI log. */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Run {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...npmEnv, NO_COLOR: '1', ...opts.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, ms: Date.now() - started };
}

const repo = process.cwd();

/**
 * Two sources onto one target (5:3, the first at 4:3), a name over 64 characters (6:9) and a
 * capture template whose source has no wildcard (7:22): formatted, with no snapshot beside it.
 */
export const OFFLINE_SPEC =
  'instance rm-1\nfrom backup 1\nrestore db shop <\n  table orders as x\n  table products as x\n  table averyveryveryveryveryveryveryveryveryveryveryverylongtablenameover64chars as y\n  table customers as *_bak\n>\n';

/** The specs of the scenarios, written into `dir`: each name is a file stem. */
export const specs = {
  /** The bundled example, with its snapshot: lints clean, formatted. */
  good(dir: string): string[] {
    copyFileSync(join(repo, 'examples/incident-2026-11-20.restore'), join(dir, 'good.restore'));
    copyFileSync(join(repo, 'examples/incident-2026-11-20.inventory.json'), join(dir, 'good.inventory.json'));
    return ['good.restore', 'good.inventory.json'];
  },
  /** A syntax error at 3:35 (`as` with no name). */
  broken(dir: string): string[] {
    writeFileSync(join(dir, 'broken.restore'), 'instance rm-uf6wjk5xxxxxxxxxx\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as >\n');
    return ['broken.restore'];
  },
  /** Two sources restored to one target: target-collision, found with the snapshot beside it. */
  collide(dir: string): string[] {
    writeFileSync(join(dir, 'collide.restore'), 'instance rm-uf6wjk5xxxxxxxxxx\nat 2026-11-20T03:15:00Z\n\nrestore db shop <\n  table orders as orders_restored\n  table order_items_2026 as orders_restored\n>\n');
    copyFileSync(join(repo, 'examples/incident-2026-11-20.inventory.json'), join(dir, 'collide.inventory.json'));
    return ['collide.restore', 'collide.inventory.json'];
  },
  /** Issue 12's spec, with no snapshot: its problems are all decided by the spec alone. */
  offline(dir: string): string[] {
    writeFileSync(join(dir, 'offline.restore'), OFFLINE_SPEC);
    return ['offline.restore'];
  },
  /** Valid, but not in canonical form. */
  unformatted(dir: string): string[] {
    writeFileSync(join(dir, 'unformatted.restore'), 'instance   rm-uf6wjk5xxxxxxxxxx\nfrom backup 9026262\nrestore db testdb1 as testdb1_new <   table testdb1table1 as testdb1table1_new >\n');
    return ['unformatted.restore'];
  },
};
