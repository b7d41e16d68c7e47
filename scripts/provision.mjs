// System packages some test files need (MariaDB's server, the pre-commit framework), installed
// from Debian's packages when missing, so the README's `npm test` goes green on a fresh machine
// with no manual step, as .ci/run does. A test file declares what it needs in a comment line:
//
//   // needs-debian-package: PACKAGE COMMAND     e.g. mariadb-server mariadbd
//
// COMMAND (looked up in PATH and the sbin directories) says whether PACKAGE is installed.
// Installing needs root and apt-get; without them this prints the command to run instead.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const MARKER = /^\/\/ needs-debian-package: (\S+) (\S+)\s*$/gm;

function installed(command) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return dirs.some((d) => {
    try {
      accessSync(join(d, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The packages the files declare that are not installed: package → the files needing it. */
export function missingPackages(files) {
  const missing = new Map();
  for (const file of files) {
    for (const [, pkg, command] of readFileSync(file, 'utf8').matchAll(MARKER)) {
      if (!installed(command)) (missing.get(pkg) ?? missing.set(pkg, []).get(pkg)).push(file);
    }
  }
  return missing;
}

/** Installs them; returns false (having said what to run) when it cannot. */
export function provision(missing, log = (s) => process.stderr.write(`${s}\n`)) {
  if (missing.size === 0) return true;
  const pkgs = [...missing.keys()];
  const why = [...missing].map(([p, f]) => `${p} (for ${f.join(', ')})`).join('; ');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !installed('apt-get')) {
    log(`run-tests: missing system packages: ${why}\n  install them first: sudo apt-get install -y ${pkgs.join(' ')}`);
    return false;
  }
  log(`run-tests: installing ${why} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      log(`run-tests: apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
      return false;
    }
  }
  return true;
}
