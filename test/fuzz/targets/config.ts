// restorec.config.json text → parseConfig: a config, or a ConfigError with problems, never
// another throw; a config that loads resolves its rules (for files its overrides choose too)
// and compiles a spec with its compile options (`maxEntries: 1` once passed the schema and
// crashed the compiler).
import fc from 'fast-check';
import { compile, type Inventory } from '../../../src/compiler/index.ts';
import { parse } from '../../../src/grammar/index.ts';
import { ConfigError, configFor, parseConfig, resolveRules } from '../../../src/lint/config.ts';
import { rules } from '../../../src/lint/registry.ts';
import { exampleSnapshots, mutate } from '../arbitraries.ts';
import { defineTarget, fail } from '../target.ts';

const ruleIds = rules.map((r) => r.id);
const key = fc.oneof(fc.constantFrom(...ruleIds, '__proto__', 'constructor', 'no-such-rule', 'Target-Exists'), fc.string({ maxLength: 8 }));
const option = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'headroom', 'max', 'x', 'hasOwnProperty'), fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null), fc.constant({})), { maxKeys: 3 });
const severity = fc.constantFrom('off', 'warn', 'error', 'fatal', 2, null);
const setting = fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, option), fc.array(severity, { maxLength: 4 }));
const glob = fc.oneof(fc.constantFrom('**', '*.restore', 'specs/**/*.restore', '{a,b}/*', '[a-', '{', '**/**/x', ''), fc.string({ maxLength: 12 }));
const configDoc = fc.record(
  {
    extends: fc.constantFrom('recommended', 'none', 'all', 1),
    rules: fc.dictionary(key, setting, { maxKeys: 5 }),
    reportUnusedSuppressions: severity,
    compile: fc.record({ maxEntries: fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.constantFrom(0, 1, 2, 2.5, 1e400, -1)), wholeDatabase: fc.constantFrom('tables', 'db-entry', 'all') }, { requiredKeys: [] }),
    __proto__: fc.constant({ polluted: true }),
    extra: fc.string(),
    overrides: fc.array(fc.record({ files: fc.oneof(glob, fc.array(glob, { maxLength: 3 })), excludedFiles: glob, rules: fc.dictionary(key, setting, { maxKeys: 2 }), lowerCaseTableNames: fc.constantFrom(0, 1, 2, 3) }, { requiredKeys: ['files'] }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const text = fc.oneof(
  { weight: 4, arbitrary: configDoc.map((c) => JSON.stringify(c)) },
  { weight: 2, arbitrary: mutate(configDoc.map((c) => JSON.stringify(c, null, 2))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
);

const spec = parse('instance rm-uf6wjk5xxxxxxxxxx\nfrom backup 9026262\nrestore db * as {name}_r\n', 'fuzz.restore');
const inventory = exampleSnapshots.find((s) => JSON.stringify(s).includes('9026262')) as Inventory;

export default defineTarget({
  name: 'config',
  kind: 'config file',
  arbitrary: text,
  boundMs: 5_000,
  testRuns: 200,
  check(t) {
    let config;
    try {
      config = parseConfig(t, 'restorec.config.json', rules);
    } catch (e) {
      if (!(e instanceof ConfigError)) fail(`parseConfig threw ${(e as Error).name}: ${(e as Error).message}`);
      if (!e.message.startsWith('restorec.config.json')) fail(`a config error that does not name the file: ${e.message}`);
      if ([e.message, ...e.problems].some((p) => /snapshot/.test(p))) fail(`a config error speaking of the snapshot: ${e.message}`);
      return;
    }
    if (({} as Record<string, unknown>)['polluted'] !== undefined) fail('the config polluted Object.prototype');
    for (const r of resolveRules(config, rules)) if (!['off', 'warn', 'error'].includes(r.severity)) fail(`rule ${r.rule.id} resolved to severity ${String(r.severity)}`);
    compile(spec, inventory, config.compile ?? {});
    // Overrides choose files by glob: every path gets a config whose rules resolve.
    for (const path of ['specs/a.restore', 'specs/prod/eu/b.restore', 'x.restore', '/elsewhere/c.restore']) {
      for (const r of resolveRules(configFor(config, path), rules)) if (!['off', 'warn', 'error'].includes(r.severity)) fail(`rule ${r.rule.id} resolved to severity ${String(r.severity)} for ${path}`);
    }
  },
});
