#!/usr/bin/env node
'use strict';
// Entry point. Loads the bundled CLI (dist/cli.cjs, and the split bundles in dist/cold/ when a
// command needs one) through vm.Script with the V8 code cache the build wrote beside each bundle
// (`*.cjs.cache`), so start-up skips parsing and compiling. A cache from another Node version
// is rejected by V8 and the bundle is simply compiled as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const dist = path.join(__dirname, '..', 'dist');
/** Which bundle's cache to write at exit (relative to dist/), during the build's warm-up. */
const writeCache = process.env.RESTOREC_WRITE_CODE_CACHE;

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
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
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

const main = path.join(dist, 'cli.cjs');
if (!fs.existsSync(main)) {
  process.stderr.write('restorec: the CLI is not built yet; run `npm run build` (or `npm ci`, which builds it)\n');
  process.exit(2);
}
// The bundle's stubs for split commands load them through this, with their own code cache.
globalThis.__restorecLoad = load;
load(main).runCli(process.argv.slice(2));
