// Step "install" of the action: restorec from the action's own checkout (the commit the
// workflow's `uses: OWNER/restorec@REF` names), with its runtime dependencies from the lock
// file, built once now (docs/install.md), and a `restorec` command on PATH for the later steps.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setOutput } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stdout.write(`::error::restorec needs Node.js 20.19 or newer; this runner has ${process.version} (the action's node-version input sets it up)\n`);
  process.exit(1);
}
function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stdout.write(`::error::restorec install: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}
if (!existsSync(join(root, 'node_modules', 'esbuild'))) step('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund']);

const bin = join(process.env.RUNNER_TEMP ?? root, 'restorec-bin');
mkdirSync(bin, { recursive: true });
writeFileSync(join(bin, 'restorec'), `#!/bin/sh\nexec node ${JSON.stringify(join(root, 'bin', 'restorec.cjs'))} "$@"\n`);
chmodSync(join(bin, 'restorec'), 0o755);
if (process.env.GITHUB_PATH) appendFileSync(process.env.GITHUB_PATH, `${bin}\n`);

// The first run builds dist/ (a second or two); do it here, not in the first check.
const version = spawnSync(process.execPath, [join(root, 'bin', 'restorec.cjs'), '--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (version.status !== 0) {
  process.stdout.write('::error::restorec install: the first run (which builds the CLI) failed; see above\n');
  process.exit(1);
}
setOutput('version', version.stdout.trim());
process.stdout.write(`restorec ${version.stdout.trim()} from ${root}\n`);
