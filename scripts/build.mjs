// Builds the CLI for fast start-up (pre-commit hooks run it on every commit; see bench/startup):
// 1. esbuild bundles everything into one CommonJS file. Commands are still imported lazily:
//    esbuild turns each `import()` into a deferred module initialiser, so a command's code only
//    runs when that command does.
// 2. A warm-up run writes V8's code cache for the bundle (dist/cli.cjs.cache); bin/restorec.cjs
//    hands it to vm.Script, so V8 skips parsing and compiling what the hot path uses. Node 20
//    has no module compile cache of its own (module.enableCompileCache arrived in Node 22).
await import('./gen-validators.mjs'); // ajv standalone validators into src/compiler/generated/
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';

// Build beside the old CLI and rename into place, so an interrupted or concurrent build never
// leaves a half-written dist/cli.cjs for a running restorec to load.
const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
const tmp = `dist/.build-${process.pid}`;
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: `${tmp}/cli.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: !process.env.RESTOREC_NO_MINIFY,
  legalComments: 'linked',
  // ESM-only dependencies (yargs) read import.meta.url: give them the bundle's own URL.
  define: { 'import.meta.url': '__restorecImportMetaUrl' },
  banner: { js: "const __restorecImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The cloud and SQL clients are CommonJS packages only `apply`, `inventory` and live reads use:
  // left to Node's require at run time from node_modules (they are dependencies), they cost the
  // hot commands nothing. Bundled, their 1.3 MB made every start read and check them.
  external: ['mysql2', '@alicloud/pop-core', '@alicloud/credentials'],
  logLevel: 'warning',
});
for (const f of ['cli.cjs.map', 'cli.cjs.LEGAL.txt', 'cli.cjs']) {
  try {
    renameSync(`${tmp}/${f}`, `dist/${f}`);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
rmSync(tmp, { recursive: true, force: true });

// Warm-up: run the hot command once with the cache writer on.
const warm = spawnSync(process.execPath, ['bin/restorec.cjs', 'fmt', '--check', 'examples/incident-2026-11-20.restore'], {
  env: { ...process.env, RESTOREC_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
if (warm.status !== 0) {
  process.stderr.write(`build: warm-up run failed (exit ${warm.status}); no code cache written\n${warm.stderr}`);
  rmSync(new URL('cli.cjs.cache', dist), { force: true });
}
