// Builds the CLI for fast start-up (pre-commit hooks run it on every commit; see bench/startup):
// 1. esbuild bundles the hot commands into one CommonJS file, dist/cli.cjs (their modules still
//    initialise lazily: esbuild turns each `import()` into a deferred initialiser), and the cold
//    ones (yargs, apply, sandbox, ...) into dist/cold/*.cjs, required only when used.
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

// Split bundles: every command but fmt and parse, and the full yargs CLI (help, usage errors),
// is a bundle of its own in dist/cold/, loaded only when used, so the main bundle that `fmt`
// loads stays small (the linter and compiler are more than half the code).
const COLD = {
  './commands/lint.ts': 'lint',
  './commands/compile.ts': 'compile',
  './commands/plan.ts': 'plan',
  './commands/rules.ts': 'rules',
  './yargs-cli.ts': 'yargs-cli',
  './commands/grammar.ts': 'grammar',
  './commands/sandbox.ts': 'sandbox',
  './commands/inventory.ts': 'inventory',
  './commands/apply.ts': 'apply',
};
// A split module becomes a stub that loads its bundle at run time through bin/restorec.cjs's
// loader (vm.Script with that bundle's own code cache), or a plain require without it.
const coldModules = (prefix) => ({
  name: 'cold-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/(yargs-cli|commands\/(lint|compile|plan|rules|grammar|sandbox|inventory|apply))\.ts$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/](main|commands)\.ts$/.test(args.importer) ? { path: COLD[args.path], namespace: 'cold' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'cold' }, (args) => {
      const file = JSON.stringify(`${prefix}${args.path}.cjs`);
      return { contents: `const load = globalThis.__restorecLoad; module.exports = load ? load(require.resolve(${file})) : require(${file});`, loader: 'js' };
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'cold' }, (args) => ({ path: args.path, external: true }));
  },
});
const common = {
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
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${tmp}/cli.cjs`, plugins: [coldModules('./cold/')] });
await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(COLD).map(([src, name]) => [name, `src/cli/${src.slice(2)}`])),
  outdir: `${tmp}/cold`,
  outExtension: { '.js': '.cjs' },
  plugins: [coldModules('./')],
});
rmSync('dist/cold', { recursive: true, force: true });
renameSync(`${tmp}/cold`, 'dist/cold');
for (const f of ['cli.cjs.map', 'cli.cjs.LEGAL.txt', 'cli.cjs']) {
  try {
    renameSync(`${tmp}/${f}`, `dist/${f}`);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
rmSync(tmp, { recursive: true, force: true });

// Warm-up: run the hook commands once each with the cache writer on for their bundle. The old
// cache goes first: V8 checks a cache against its source's length only, so a rebuilt bundle of
// the same length (a `1e3` that became `300`) would run, and be re-cached with, the old code.
rmSync(new URL('cli.cjs.cache', dist), { force: true });
const warmups = [
  ['cli.cjs', ['fmt', '--check', 'examples/incident-2026-11-20.restore']],
  ['cold/lint.cjs', ['lint', 'examples/incident-2026-11-20.restore']],
];
for (const [bundle, args] of warmups) {
  const warm = spawnSync(process.execPath, ['bin/restorec.cjs', ...args], {
    env: { ...process.env, RESTOREC_WRITE_CODE_CACHE: bundle },
    encoding: 'utf8',
  });
  if (warm.status !== 0) {
    process.stderr.write(`build: warm-up \`restorec ${args.join(' ')}\` failed (exit ${warm.status}); no code cache for ${bundle}\n${warm.stderr}`);
    rmSync(new URL(`${bundle}.cache`, dist), { force: true });
  }
}
