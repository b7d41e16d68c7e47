// npm run vsix: builds the VS Code extension in editors/vscode into dist/restorec-vscode.vsix.
// esbuild bundles the client (vscode-languageclient included) into out/extension.js, so the
// package needs no node_modules; @vscode/vsce packages it. Offline: nothing is fetched, and
// nothing is published.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const ext = join(root, 'editors/vscode');
const out = join(root, 'dist/restorec-vscode.vsix');

rmSync(join(ext, 'out'), { recursive: true, force: true });
await build({
  entryPoints: [join(ext, 'src/extension.ts')],
  outfile: join(ext, 'out/extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

mkdirSync(dirname(out), { recursive: true });
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
// --no-dependencies: everything is bundled. --skip-license: the project has no LICENSE file
// (package.json says MIT), and vsce would otherwise stop to ask.
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out], { cwd: ext, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`vsix: vsce package failed (exit ${r.status})`);
  process.exit(1);
}
