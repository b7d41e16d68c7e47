// Chevrotain as restorec's bundles carry it: three patches applied by an esbuild plugin as the
// package is bundled (scripts/build.mjs uses it for every bundle; the tests, to check the
// patched parser against chevrotain's own). A chevrotain whose source no longer reads as
// expected fails the build rather than go unpatched.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Chevrotain's lexer fills a 65,536-entry table on every start (initCharCodeToOptimizedIndexMap:
// about 3 ms of a 20 ms parse, run before any code is warm), though each entry is a function of
// its index. The bundle computes the entry where it is read instead: the same values, no table
// (chevrotain reads it only in its optimized mode, which restorec does not use: safeMode, lexer.ts).
const LEXER_TABLE = [
  ['        : charCodeToOptimizedIdxMap[charCode];', '        : 255 + ~~(charCode / 255);'],
  ['function initCharCodeToOptimizedIndexMap() {\n', 'function initCharCodeToOptimizedIndexMap() {\n    return;\n'],
];
// Chevrotain works out the lookahead paths of the whole grammar at every start (about 2 ms); the
// build records them and the bundle carries them (src/grammar/lookahead-cache.ts). Its two path
// functions ask restorec's hook first, handing it their own computation.
const HOOK = 'globalThis[Symbol.for("restorec.chevrotainLookahead")]';
const LOOKAHEAD_HOOK = [
  [
    'export function getLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd) {\n',
    `export function getLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd) {\n    const hook = ${HOOK};\n    return hook ? hook("or", occurrence, ruleGrammar, k, orProd, computeLookaheadPathsForOr) : computeLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd);\n}\nfunction computeLookaheadPathsForOr(occurrence, ruleGrammar, k, orProd) {\n`,
  ],
  [
    'export function getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k) {\n',
    `export function getLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k) {\n    const hook = ${HOOK};\n    return hook ? hook("optional", occurrence, ruleGrammar, prodType, k, computeLookaheadPathsForOptionalProd) : computeLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k);\n}\nfunction computeLookaheadPathsForOptionalProd(occurrence, ruleGrammar, prodType, k) {\n`,
  ],
];
// Each CST node's children are an object made by Object.create(null), which V8 keeps in
// dictionary mode: every lookup a hash, every key listing a sort, and each node a large object
// (a valid 1 MiB spec has 220,000 nodes). The bundle makes them with a constructor whose
// prototype is such an object: the same null-prototype lookups, with fast properties.
const CST_CHILDREN = [
  ['            children: Object.create(null),\n', '            children: new CstChildren(),\n'],
  ['export class TreeBuilder {\n', 'function CstChildren() {}\nCstChildren.prototype = Object.create(null);\nexport class TreeBuilder {\n'],
];
const CHEVROTAIN_PATCHES = [
  [/[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/, 'lexer.js', 'LEXER_TABLE', LEXER_TABLE],
  [/[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]grammar[\\/]lookahead\.js$/, 'lookahead.js', 'LOOKAHEAD_HOOK', LOOKAHEAD_HOOK],
  [/[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser[\\/]traits[\\/]tree_builder\.js$/, 'tree_builder.js', 'CST_CHILDREN', CST_CHILDREN],
];
export const chevrotainPatches = {
  name: 'chevrotain-patches',
  setup(b) {
    for (const [filter, file, list, edits] of CHEVROTAIN_PATCHES) {
      b.onLoad({ filter }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (contents.split(from).length !== 2) throw new Error(`build: chevrotain's ${file} no longer has \`${from.trim()}\` once; update ${list} in scripts/chevrotain-patches.mjs`);
          contents = contents.replace(from, to);
        }
        return { contents, loader: 'js' };
      });
    }
  },
};

/** Bundles `entry` (TypeScript, resolved from the repository root) with chevrotain patched, runs it, and returns its exports. */
export async function bundlePatched(entry) {
  const bundled = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'error', plugins: [chevrotainPatches] });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}
