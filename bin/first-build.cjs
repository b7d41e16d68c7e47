'use strict';
// The first run of an install with no dist/ (npm runs no build for a package installed from git:
// see docs/install.md) builds the CLI once with scripts/build.mjs, into the package's dist/
// when the package directory is writable, else into a per-user cache keyed by the install.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');

function writable(dir) {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A read-only install (e.g. `sudo npm install -g`, run as another user) builds here instead. */
function cacheDist(root) {
  const pkg = path.join(root, 'package.json');
  const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8'));
  const st = fs.statSync(pkg);
  // A reinstall writes a new package.json: a new key, so a stale build is never picked up.
  const key = createHash('sha256').update(`${fs.realpathSync(root)}\0${st.ino}\0${st.mtimeMs}`).digest('hex').slice(0, 16);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'restorec', `${version}-${key}`, 'dist');
}

exports.firstBuild = function firstBuild(root) {
  const target = writable(root) ? path.join(root, 'dist') : cacheDist(root);
  if (fs.existsSync(path.join(target, 'cli.cjs'))) return target;
  process.stderr.write(`restorec: first run of this install: building the CLI into ${target} (once, a few seconds)\n`);
  // The build's output goes to stderr: restorec's stdout is the command's own.
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, RESTOREC_BUILD_OUT: target, RESTOREC_BUILD_ONCE: '1' },
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0 || !fs.existsSync(path.join(target, 'cli.cjs'))) {
    process.stderr.write(
      `restorec: building the CLI failed (exit ${r.status ?? r.signal}).\n` +
        '  help: in a clone, run `npm ci` and then `npm run bundle`; an install needs its dependencies (esbuild among them)\n',
    );
    process.exit(2);
  }
  return target;
};
