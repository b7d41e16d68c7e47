// Builds the CLI for fast start-up (pre-commit hooks run it on every commit; see bench/startup):
// 1. esbuild bundles the hot commands into one CommonJS file, cli.cjs (their modules still
//    initialise lazily: esbuild turns each `import()` into a deferred initialiser), and the cold
//    ones (yargs, apply, sandbox, ...) into cold/*.cjs, required only when used.
// 2. A warm-up run writes V8's code cache for the bundle (cli.cjs.cache); bin/restorec.cjs
//    hands it to vm.Script, so V8 skips parsing and compiling what the hot path uses. Node 20
//    has no module compile cache of its own (module.enableCompileCache arrived in Node 22).
// Output: dist/, or RESTOREC_BUILD_OUT (bin/restorec.cjs builds on first run when an install
// from git left no dist/; see docs/install.md). Reads src/ and writes nothing else but the
// ajv validators into src/compiler/generated/ for tsc and the tests, when that is writable.
import { readValidatorsJs, runSource, validatorsJs, writeValidators } from './gen-validators.mjs';
import { bundlePatched, chevrotainPatches } from './chevrotain-patches.mjs';
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  writeValidators();
} catch (e) {
  if (!['EACCES', 'EROFS', 'EPERM'].includes(e.code)) throw e; // a read-only install: the bundle has them anyway
}
// Everything is built and warmed up beside the output and then moved into place, so an
// interrupted or concurrent build never leaves a half-written bundle for a running restorec.
const out = resolve(process.env.RESTOREC_BUILD_OUT ?? join(root, 'dist'));
const tmp = `${out}.build-${process.pid}`;
/** A first run's build (bin/first-build.cjs): a build another run already finished is kept. */
const once = process.env.RESTOREC_BUILD_ONCE === '1';
if (once && existsSync(join(out, 'cli.cjs'))) process.exit(0);
mkdirSync(dirname(out), { recursive: true });
rmSync(tmp, { recursive: true, force: true });

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
  './commands/lsp.ts': 'lsp',
};
// The live reads of lint, compile and plan (cloud client, API contract, response checks: a third
// of those bundles) are a bundle of their own too: an offline run never reads them.
const LIVE = { importer: /[\\/]src[\\/]cli[\\/]live-prefetch\.ts$/, path: './cloud.ts', name: 'cloud' };
// A split module becomes a stub that loads its bundle at run time through bin/restorec.cjs's
// loader (vm.Script with that bundle's own code cache), or a plain require without it.
// `keep`: the one split command a per-command bundle (HOT below) has inline instead.
const coldModules = (prefix, keep) => ({
  name: 'cold-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/(yargs-cli|commands\/(lint|compile|plan|rules|grammar|sandbox|inventory|apply|lsp))\.ts$/ }, (args) =>
      args.path !== keep && /[\\/]src[\\/]cli[\\/](main|commands)\.ts$/.test(args.importer) ? { path: COLD[args.path], namespace: 'cold' } : undefined,
    );
    b.onResolve({ filter: /^\.\/cloud\.ts$/ }, (args) => (LIVE.importer.test(args.importer) ? { path: LIVE.name, namespace: 'cold' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'cold' }, (args) => {
      const file = JSON.stringify(`${prefix}${args.path}.cjs`);
      return { contents: `const load = globalThis.__restorecLoad; module.exports = load ? load(require.resolve(${file})) : require(${file});`, loader: 'js' };
    });
    b.onResolve({ filter: /\.cjs$/, namespace: 'cold' }, (args) => ({ path: args.path, external: true }));
  },
});
// The ajv validators, from memory: src/compiler/generated/ is git-ignored, so not in an install.
const validators = {
  name: 'validators',
  setup(b) {
    b.onResolve({ filter: /[\\/]generated[\\/]validators\.js$/ }, () => ({ path: 'validators.js', namespace: 'validators' }));
    b.onLoad({ filter: /^validators\.js$/, namespace: 'validators' }, () => ({ contents: validatorsJs, loader: 'js' }));
    b.onResolve({ filter: /[\\/]generated[\\/]read-validators\.js$/ }, () => ({ path: 'read-validators.js', namespace: 'validators' }));
    // Its one import (the number formats) resolves from where the file would be in src/.
    b.onLoad({ filter: /^read-validators\.js$/, namespace: 'validators' }, () => ({ contents: readValidatorsJs, loader: 'js', resolveDir: join(root, 'src', 'compiler', 'generated') }));
  },
};
// The grammar's productions, recorded once here instead of at every start (src/grammar/gast-cache.ts):
// the parser's module bundled and run by esbuild, its recording embedded in place of
// src/grammar/precomputed-gast.ts (as a JSON string: V8 reads JSON faster than an object literal).
// The lookahead paths are recorded from a bundle of the parser's module with chevrotain patched
// as every bundle is (chevrotain-patches.mjs; esbuild's plugins need its asynchronous API, so not runSource).
async function precomputedGast() {
  const { recordedGrammar } = runSource("export { recordedGrammar } from './src/grammar/parser.ts';");
  const { recordedLookahead } = await bundlePatched("export { recordedLookahead } from './src/grammar/parser.ts';");
  const lookahead = recordedLookahead();
  if (Object.keys(lookahead).length === 0) throw new Error('build: no lookahead paths were recorded: is chevrotain patched (LOOKAHEAD_HOOK)?');
  const json = (v) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
  return `export const PRECOMPUTED_GAST = ${json(recordedGrammar())};\nexport const PRECOMPUTED_LOOKAHEAD = ${json(lookahead)};\n`;
}
const gastJs = await precomputedGast();
const gast = {
  name: 'precomputed-gast',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]grammar[\\/]precomputed-gast\.ts$/ }, () => ({ contents: gastJs, loader: 'js' }));
  },
};
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // For `node --enable-source-maps bin/restorec.cjs` when debugging a stack: positions only, the
  // sources are in the package (src/, node_modules/); with their contents the maps were 32 MB.
  sourcemap: 'linked',
  sourcesContent: false,
  minify: !process.env.RESTOREC_NO_MINIFY,
  legalComments: 'linked',
  // ESM-only dependencies (yargs) read import.meta.url: give them the bundle's own URL.
  define: { 'import.meta.url': '__restorecImportMetaUrl' },
  banner: { js: "const __restorecImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The SQL client and the credentials chain are CommonJS packages loaded only when needed
  // (--mysql-url; credentials not in the environment): left to Node's require at run time from
  // node_modules (they are dependencies). `diff` is only for `fmt --diff`. pop-core: see LIVE_BUNDLED.
  external: ['mysql2', '@alicloud/pop-core', '@alicloud/credentials', 'diff'],
  // ... and through `require`: bin/restorec.cjs runs each bundle with vm.Script, where a dynamic
  // `import()` throws (no import callback; ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so an
  // external's `await import('mysql2/promise')` becomes a deferred require (test/install/bundle-imports.test.ts).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};
// The bundles are independent: built at once (esbuild spreads them over the cores).
const builds = [build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${tmp}/cli.cjs`, plugins: [gast, validators, chevrotainPatches, coldModules('./cold/')] })];
// pop-core is bundled into the bundles that make API calls (the cold ones, of which only the live
// commands and cloud.cjs reach it, and hot/inventory and hot/apply): from the bundle it comes
// with the V8 code cache; required from node_modules, Node compiled its 15 files (bignumber.js,
// httpx, debug, ...) at every start, 15-20 ms before a live command's first call.
const LIVE_BUNDLED = { ...common, external: common.external.filter((p) => p !== '@alicloud/pop-core') };
builds.push(build({
  ...LIVE_BUNDLED,
  entryPoints: Object.fromEntries([...Object.entries(COLD), [LIVE.path, LIVE.name]].map(([src, name]) => [name, `src/cli/${src.slice(2)}`])),
  outdir: `${tmp}/cold`,
  outExtension: { '.js': '.cjs' },
  plugins: [gast, validators, chevrotainPatches, coldModules('./')],
}));
// Per-command bundles for the commands hooks and CI run most after fmt, and the live ones: the whole CLI with that
// one command inline (hot/lint.cjs, ...), which bin/restorec.cjs loads instead of cli.cjs when
// the command line starts with its name. One bundle and one code cache per start: through
// cli.cjs and cold/lint.cjs, a lint read and deserialized the parser and chevrotain twice.
// The cold bundles stay for the other routes (yargs, for help and usage errors).
const HOT = ['lint', 'compile', 'plan', 'inventory', 'apply'];
for (const name of HOT) {
  builds.push(build({ ...(name === 'inventory' || name === 'apply' ? LIVE_BUNDLED : common), entryPoints: ['src/cli/main.ts'], outfile: `${tmp}/hot/${name}.cjs`, plugins: [gast, validators, chevrotainPatches, coldModules('../cold/', `./commands/${name}.ts`)] }));
}
await Promise.all(builds);

// Warm-up: run the hook commands once each with the cache writer on for their bundle, and the
// language server through one editor session (it starts each time an editor opens a spec).
const lsp = (messages) => messages.map((m) => JSON.stringify({ jsonrpc: '2.0', ...m })).map((s) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`).join('');
const example = new URL('../examples/incident-2026-11-20.restore', import.meta.url);
const session = lsp([
  { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } },
  { method: 'initialized', params: {} },
  { method: 'textDocument/didOpen', params: { textDocument: { uri: example.href, languageId: 'restore', version: 1, text: readFileSync(example, 'utf8') } } },
  { id: 2, method: 'textDocument/hover', params: { textDocument: { uri: example.href }, position: { line: 8, character: 10 } } },
  { id: 3, method: 'textDocument/completion', params: { textDocument: { uri: example.href }, position: { line: 8, character: 8 } } },
  { id: 4, method: 'shutdown' },
  { method: 'exit' },
]);
// Every bundle a person or a hook starts often gets a cache; two warm-ups of one bundle add up
// (the second starts from the first's cache and writes what both compiled).
const spec = 'examples/incident-2026-11-20.restore';
const warmups = [
  ['cli.cjs', ['fmt', '--check', spec]],
  ['cli.cjs', ['parse', spec]],
  ['hot/lint.cjs', ['lint', '--no-live', spec]],
  ['hot/lint.cjs', ['lint', spec]],
  ['hot/compile.cjs', ['compile', spec]],
  ['hot/plan.cjs', ['plan', spec]],
  ['cold/rules.cjs', ['rules']],
  ['cold/yargs-cli.cjs', ['--help']],
  ['cold/yargs-cli.cjs', ['lint', '--help']],
  ['cold/grammar.cjs', ['grammar']],
  ['cold/lsp.cjs', ['lsp', '--stdio'], session],
];
/** Runs one warm-up. The server's input stays open: it must end the session itself (`exit`),
 *  as it does in an editor, or it exits 1 on end of input before handling what it read. */
function warmUp(bundle, args, input, env = {}) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/restorec.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env, RESTOREC_DIST_DIR: tmp, RESTOREC_WRITE_CODE_CACHE: bundle },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stderr });
    });
    if (input) child.stdin.write(input);
    else child.stdin.end();
  });
}
/** Runs the warm-ups: those of one bundle in order (each starts from the cache the one before
 *  wrote), different bundles side by side, a few at a time (each is a process start). */
async function warmUpAll(list, env, parallel = 3) {
  const groups = new Map();
  for (const w of list) groups.set(w[0], [...(groups.get(w[0]) ?? []), w]);
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const [bundle, args, input] of group) {
        const warm = await warmUp(bundle, args, input, env);
        if (warm.status !== 0) {
          process.stderr.write(`build: warm-up \`restorec ${args.join(' ')}\` failed (exit ${warm.status}); no code cache for ${bundle}\n${warm.stderr}`);
          rmSync(join(tmp, `${bundle}.cache`), { force: true });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
await warmUpAll(warmups, {});

/** The live commands (inventory pull, apply) warm up against the sandbox on 127.0.0.1, seeded
 *  from the example: the environment it prints, or undefined when it does not start. */
function startSandbox() {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/restorec.cjs'), 'sandbox', '--seed', 'examples/incident-2026-11-20.inventory.json', '--restore-ms', '100'], {
      cwd: root,
      env: { ...process.env, RESTOREC_DIST_DIR: tmp },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let text = '';
    const timer = setTimeout(() => finish(undefined), 30_000);
    const finish = (env) => {
      clearTimeout(timer);
      if (!env) child.kill();
      done(env && { env, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.on('close', r), child.kill()))) });
    };
    child.stdout.on('data', (d) => {
      text += d;
      const vars = Object.fromEntries([...text.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (vars.ALIBABA_CLOUD_ACCESS_KEY_SECRET) finish(vars);
    });
    child.on('close', () => finish(undefined));
  });
}
const sandbox = await startSandbox();
if (sandbox) {
  const snapshot = join(tmp, 'warm-up.inventory.json');
  const liveSpec = join(tmp, 'warm-up-live.restore'); // no snapshot beside it
  writeFileSync(liveSpec, readFileSync(join(root, spec)));
  try {
    await warmUpAll(
      [
        ['hot/inventory.cjs', ['inventory', 'pull', '--instance', 'rm-uf6wjk5xxxxxxxxxx', '--at', '2026-11-20T03:15:00Z', '-o', snapshot]],
        // lint's live read (a spec with no snapshot beside it), which loads cold/cloud.cjs; before
        // apply, which creates the spec's targets (lint would then find them taken and exit 1).
        ['cold/cloud.cjs', ['lint', liveSpec]],
        ['hot/apply.cjs', ['apply', '--yes', '--wait', '--poll-ms', '50', spec]],
      ],
      sandbox.env,
      1, // in this order: apply changes what the sandbox holds
    );
  } finally {
    await sandbox.stop();
    rmSync(snapshot, { force: true });
    rmSync(liveSpec, { force: true });
  }
} else process.stderr.write('build: the sandbox did not start; no code cache for inventory pull and apply\n');

/** What `restorec ARGS` prints on stdout, run from the new build with `env` added. */
const printed = (args, env) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/restorec.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, RESTOREC_DIST_DIR: tmp, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.on('close', (status) => done({ status, stdout }));
  });
// Help as yargs prints it, for main.ts to print without loading yargs (see cachedHelp there):
// the top-level help first, then each command it lists.
const helpOf = (args) => printed([...args, '--help'], { RESTOREC_NO_HELP_CACHE: '1' });
const help = {};
const top = await helpOf([]);
if (top.status === 0) {
  help[''] = top.stdout;
  const names = [...top.stdout.matchAll(/^ {2}restorec (\S+)/gm)].map((m) => m[1]);
  // A few at a time, in the order yargs lists them.
  for (let i = 0; i < names.length; i += 4) {
    const batch = names.slice(i, i + 4);
    const got = await Promise.all(batch.map((name) => helpOf([name])));
    batch.forEach((name, k) => {
      if (got[k].status === 0) help[name] = got[k].stdout;
    });
  }
}
writeFileSync(join(tmp, 'help.json'), JSON.stringify(help));

// The rule list as `restorec rules` prints it, in each format, for the command to print without
// loading the rules (src/cli/commands.ts). Written only when every format printed.
const rulesOf = (format) => printed(['rules', '--format', format], { RESTOREC_NO_RULES_CACHE: '1' });
const ruleLists = Object.fromEntries(await Promise.all(['text', 'json'].map(async (f) => [f, await rulesOf(f)])));
if (Object.values(ruleLists).every((r) => r.status === 0)) {
  writeFileSync(join(tmp, 'rules.json'), JSON.stringify(Object.fromEntries(Object.entries(ruleLists).map(([f, r]) => [f, r.stdout]))));
} else process.stderr.write('build: restorec rules failed; no dist/rules.json (the command loads the rules instead)\n');

// Into place: a first build renames the whole directory (a concurrent first build that lost the
// race finds it there and drops its own); a rebuild replaces the entries one by one.
if (once && existsSync(out)) rmSync(tmp, { recursive: true, force: true });
else if (!existsSync(out)) {
  try {
    renameSync(tmp, out);
  } catch (e) {
    if (!['EEXIST', 'ENOTEMPTY'].includes(e.code)) throw e;
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  const built = new Set(readdirSync(tmp));
  for (const name of readdirSync(out)) if (!built.has(name)) rmSync(join(out, name), { recursive: true, force: true });
  for (const dir of ['cold', 'hot']) rmSync(join(out, dir), { recursive: true, force: true });
  for (const name of built) renameSync(join(tmp, name), join(out, name));
  rmSync(tmp, { recursive: true, force: true });
}
