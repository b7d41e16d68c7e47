#!/usr/bin/env node
'use strict';
// Entry point. Loads the bundled CLI (dist/cli.cjs) through vm.Script with the V8 code cache that
// the build wrote (dist/cli.cjs.cache), so start-up skips parsing and compiling. A cache from
// another Node version is rejected by V8 and the bundle is simply compiled as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
let source;
try {
  source = fs.readFileSync(file, 'utf8');
} catch {
  process.stderr.write('restorec: the CLI is not built yet; run `npm run build` (or `npm ci`, which builds it)\n');
  process.exit(2);
}
const cacheFile = file + '.cache';
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
  if (cachedData.length === 0) cachedData = undefined;
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
if (process.env.RESTOREC_WRITE_CODE_CACHE === '1') {
  // Written at exit, so the functions the run compiled are in the cache too; renamed into
  // place so a concurrent reader never sees half a cache.
  process.on('exit', () => {
    const tmp = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
  });
}
mod.exports.runCli(process.argv.slice(2));
