#!/usr/bin/env node
'use strict';
// Entry point. Loads the bundled CLI (dist/cli.cjs or dist/hot/COMMAND.cjs, and the split bundles in dist/cold/ when a
// command needs one) through vm.Script with the V8 code cache the build wrote beside each bundle
// (`*.cjs.cache`), so start-up skips parsing and compiling. A cache from another Node version
// is rejected by V8 and the bundle is simply compiled as usual. With no dist/ (an install from
// git: npm runs no build for it, see docs/install.md) the first run builds it (first-build.cjs).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const root = path.join(__dirname, '..');
/** Which bundle's cache to write at exit (relative to dist/), during the build's warm-up. */
const writeCache = process.env.RESTOREC_WRITE_CODE_CACHE;
/** The build's warm-up runs the bundles it has just written, before they are moved into place. */
const dist = process.env.RESTOREC_DIST_DIR
  ? path.resolve(process.env.RESTOREC_DIST_DIR)
  : fs.existsSync(path.join(root, 'dist', 'cli.cjs'))
    ? path.join(root, 'dist')
    : require('./first-build.cjs').firstBuild(root);

// Relative ids (the split bundles) resolve beside the bundle; packages (the cloud and SQL
// clients are left out of the bundles) from the package, wherever the bundle was built.
const packageRequire = Module.createRequire(path.join(root, 'package.json'));
function requireFor(file) {
  const own = Module.createRequire(file);
  const pick = (id) => (id.startsWith('.') ? own : packageRequire);
  const req = (id) => pick(id)(id);
  req.resolve = (id, options) => pick(id).resolve(id, options);
  req.cache = own.cache;
  return req;
}

function load(file) {
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(file + '.cache');
    if (cachedData.length === 0) cachedData = undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, requireFor(file), mod, file, path.dirname(file));
  if (writeCache && path.resolve(dist, writeCache) === file) {
    // Written at exit, so the functions the run compiled are in the cache too; renamed into
    // place so a concurrent reader never sees half a cache.
    process.on('exit', () => {
      const tmp = `${file}.cache.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, `${file}.cache`);
    });
  }
  return mod.exports;
}

// The bundle's stubs for split commands load them through this, with their own code cache.
globalThis.__restorecLoad = load;
// Where the bundles are: the CLI reads files the build wrote beside them (help.json).
globalThis.__restorecDist = dist;
// And the installed package, for the few files read from its dependencies (chevrotain's diagrams).
globalThis.__restorecRoot = root;
// The commands the build gives a bundle of their own (the CLI with that command inline: HOT in
// scripts/build.mjs) start from dist/hot/COMMAND.cjs; every other command line, and any dist/
// built before there were such bundles, from cli.cjs.
const argv = process.argv.slice(2);
let cli;
if (/^[a-z]+$/.test(argv[0] ?? '')) {
  try {
    cli = load(path.join(dist, 'hot', `${argv[0]}.cjs`));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
}
(cli ?? load(path.join(dist, 'cli.cjs'))).runCli(argv);
