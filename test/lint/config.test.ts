// restorec.config.json: JSON with comments, every problem one `file:line:col: message` line with
// "did you mean", presets and `extends` files in order, per-path overrides, and per-rule
// severities and options resolved.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configFor, parseConfig, resolveRules, type Config } from '../../src/lint/config.ts';
import { checkConfigText } from '../../src/lint/config-check.ts';
import { compilePathGlob, matchPathGlob } from '../../src/lint/path-glob.ts';
import { rules } from '../../src/lint/registry.ts';
import { tempDir } from '../helpers/cli.ts';

function problemsOf(text: string, file = 'restorec.config.json'): string[] {
  try {
    parseConfig(text, file, rules);
  } catch (e) {
    assert.instance(e, ConfigError);
    return [(e as ConfigError).message, ...(e as ConfigError).problems];
  }
  return [];
}

const severityOf = (c: Config, id: string) => resolveRules(c, rules).find((r) => r.rule.id === id)!.severity;

test('a valid config parses', () => {
  assert.equal(problemsOf('{"extends":"recommended","rules":{"target-exists":"warn","instance-status":["error",{}]},"reportUnusedSuppressions":"error","compile":{"maxEntries":20}}'), []);
});

test('comments and trailing commas are allowed', () => {
  const text = '// the team config\n{\n  /* rules */\n  "rules": { "target-exists": "warn", },\n  "lowerCaseTableNames": 0, // case-sensitive instance\n}\n';
  assert.equal(problemsOf(text), []);
  const c = parseConfig(text, 'restorec.config.json', rules);
  assert.is(severityOf(c, 'target-exists'), 'warn');
  assert.is(c.lowerCaseTableNames, 0);
});

test('broken JSON: each syntax error at its line and column, in words', () => {
  const p = problemsOf('{\n  "rules": {\n    "target-exists": "warn"\n    "in-place-restore": "off"\n  }\n}');
  assert.match(p[0]!, /restorec\.config\.json is not valid JSON \(comments and trailing commas are allowed\)/);
  assert.equal(p.slice(1), ['restorec.config.json:4:5: a `,` was expected here']);
  assert.equal(problemsOf('{"rules": ').slice(1), ['restorec.config.json:1:11: a value was expected here', 'restorec.config.json:1:11: a `}` was expected here']);
  assert.equal(problemsOf('{"a": "b" /* open').slice(1), ['restorec.config.json:1:11: the file ends inside a comment', 'restorec.config.json:1:18: a `}` was expected here']);
  assert.equal(problemsOf('').slice(1), ['restorec.config.json:1:1: the file is empty; a config is a JSON object, `{}` at least']);
  assert.equal(problemsOf('[]').slice(1), ['restorec.config.json:1:1: the config must be a JSON object, not an array']);
});

test('a wrong severity is one clear line, with what was probably meant', () => {
  const p = problemsOf('{\n  "rules": {\n    "target-exists": "fatal",\n    "in-place-restore": ["warning"],\n    "system-schema": 2\n  },\n  "reportUnusedSuppressions": "err"\n}');
  assert.equal(p.slice(1), [
    'restorec.config.json:3:22: rules["target-exists"]: "fatal" is not a severity; use "off", "warn" or "error"',
    'restorec.config.json:4:26: rules["in-place-restore"]: "warning" is not a severity; use "off", "warn" or "error" (did you mean "warn"?)',
    'restorec.config.json:5:22: rules["system-schema"]: 2 is not a severity; use "off", "warn" or "error" (did you mean "error"?); restorec does not take ESLint\'s 0, 1 and 2',
    'restorec.config.json:7:31: reportUnusedSuppressions: "err" is not a severity; use "off", "warn" or "error" (did you mean "error"?)',
  ]);
  assert.match(p[0]!, /has 4 problems \(docs\/config\.md describes the config\)/);
});

test('did you mean: keys, rule ids, options, values, presets', () => {
  const p = problemsOf('{\n  "rule": {},\n  "rules": { "target-exist": "warn", "disk-space": ["warn", {"headrom": 0.2}], "no-such-rule-at-all": "off" },\n  "compile": { "maxEntrys": 3, "wholeDatabase": "db_entry" },\n  "extends": ["recomended"]\n}');
  assert.equal(p.slice(1), [
    'restorec.config.json:2:3: unknown key "rule"; did you mean "rules"?',
    'restorec.config.json:3:14: unknown rule "target-exist"; did you mean "target-exists"?',
    'restorec.config.json:3:62: rules["disk-space"] has no option "headrom"; did you mean "headroom"?',
    'restorec.config.json:3:80: unknown rule "no-such-rule-at-all" (`restorec rules` lists the rule ids)',
    'restorec.config.json:4:16: compile: unknown key "maxEntrys"; did you mean "maxEntries"?',
    'restorec.config.json:4:49: compile.wholeDatabase: "db_entry" is not one of "tables", "db-entry"; did you mean "db-entry"?',
    'restorec.config.json:5:15: extends: unknown preset "recomended"; did you mean "recommended"? (the presets: recommended, all, none; another config file is written as a path, e.g. "./team.json")',
  ]);
});

test('rule options: unknown, wrong type, not an object, too many; __proto__ is an option like any other', () => {
  const p = problemsOf('{"rules":{"disk-space":["warn",{"headroom":"lots","__proto__":{}}],"target-exists":["error",{"constructor":{}}],"instance-table-limit":["error",{"maximum":10}],"in-place-restore":["error",3],"system-schema":["error",{},{}]}}');
  assert.ok(p.includes('restorec.config.json:1:44: rules["disk-space"] option "headroom" must be a number, not a string'), p.join('\n'));
  assert.ok(p.some((x) => /rules\["disk-space"\] has no option "__proto__" \(its options: headroom, diskUsedUnit\)/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /rules\["target-exists"\] has no option "constructor" \(it takes no options\)/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /rules\["instance-table-limit"\] has no option "maximum" \(its options: max\)/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /rules\["in-place-restore"\]: the options must be an object, not a number/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /rules\["system-schema"\]: takes at most \[severity, options\]/.test(x)), p.join('\n'));
});

test('a key given twice is reported (JSON would keep the last silently)', () => {
  assert.equal(problemsOf('{\n  "rules": {},\n  "rules": {"target-exists": "off"}\n}').slice(1), ['restorec.config.json:3:3: "rules" is given twice in one object (also at 2:3); only this one would count']);
});

test('schema problems of other keys, with positions', () => {
  assert.equal(problemsOf('{"compile": {"maxEntries": 1}, "lowerCaseTableNames": 3}').slice(1), [
    'restorec.config.json:1:28: compile.maxEntries: must be >= 2',
    'restorec.config.json:1:55: lowerCaseTableNames: 3 is not one of 0, 1, 2',
  ]);
  assert.equal(problemsOf('{"overrides": [{"rules": {}}, {"files": [], "compile": {"maxEntrys": 2}}]}').slice(1), [
    'restorec.config.json:1:16: overrides[0]: needs "files"',
    'restorec.config.json:1:41: overrides[1].files: must NOT have fewer than 1 items',
    'restorec.config.json:1:57: overrides[1].compile: unknown key "maxEntrys"; did you mean "maxEntries"?',
  ]);
});

test('a value of neither allowed shape: one line saying what it may be', () => {
  assert.equal(problemsOf('{"extends": 3, "overrides": [{"files": 4}]}').slice(1), [
    'restorec.config.json:1:13: extends: must be a preset or a path, or a list of them',
    'restorec.config.json:1:40: overrides[0].files: must be a glob or a list of globs',
  ]);
});

test('presets: recommended by default; all; none; the last one given wins over what came before', () => {
  assert.is(severityOf({}, 'target-exists'), 'error');
  assert.is(severityOf(parseConfig('{"extends":"none"}', 'c.json', rules), 'target-exists'), 'off');
  assert.is(severityOf(parseConfig('{"extends":"none","rules":{"target-exists":"warn"}}', 'c.json', rules), 'target-exists'), 'warn');
  const notRecommended = rules.find((r) => !r.recommended);
  if (notRecommended) {
    assert.is(severityOf(parseConfig('{}', 'c.json', rules), notRecommended.id), 'off');
    assert.is(severityOf(parseConfig('{"extends":"all"}', 'c.json', rules), notRecommended.id), notRecommended.defaultSeverity);
  }
  assert.is(severityOf(parseConfig('{"extends":["none","recommended"]}', 'c.json', rules), 'target-exists'), 'error');
  const resolved = resolveRules({ rules: { 'instance-status': ['warn', { x: 1 }] } }, rules).find((r) => r.rule.id === 'instance-status')!;
  assert.equal([resolved.severity, resolved.options['x']], ['warn', 1]);
});

test('extends files: relative to the config, in order, own settings last; a severity alone keeps earlier options', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'shared', 'team.json'), '{ "extends": "none", "rules": { "target-exists": "error", "disk-space": ["error", { "headroom": 0.3 }] }, "lowerCaseTableNames": 0 }');
  writeFileSync(join(dir, 'shared', 'strict.json'), '{ "rules": { "capture-trap": "error" } }');
  const file = join(dir, 'restorec.config.json');
  const c = parseConfig('{ "extends": ["./shared/team.json", "./shared/strict.json"], "rules": { "disk-space": "warn" } }', file, rules);
  assert.is(severityOf(c, 'target-exists'), 'error');
  assert.is(severityOf(c, 'in-place-restore'), 'off', 'team.json extends none');
  assert.is(severityOf(c, 'capture-trap'), 'error');
  const disk = resolveRules(c, rules).find((r) => r.rule.id === 'disk-space')!;
  assert.equal([disk.severity, disk.options['headroom']], ['warn', 0.3]);
  assert.is(c.lowerCaseTableNames, 0);
  assert.equal(c.files, [file, join(dir, 'shared', 'team.json'), join(dir, 'shared', 'strict.json')]);
});

test('extends: a missing file, a loop, and problems in the extended file with its own positions', () => {
  const dir = tempDir();
  const file = join(dir, 'restorec.config.json');
  assert.match(problemsOf('{"extends": "./nope.json"}', file)[0]!, /extends \.\/nope\.json, but there is no such file/);
  writeFileSync(join(dir, 'a.json'), '{"extends": "./b.json"}');
  writeFileSync(join(dir, 'b.json'), '{"extends": "./a.json"}');
  assert.match(problemsOf('{"extends": "./a.json"}', file)[0]!, /a loop/);
  writeFileSync(join(dir, 'bad.json'), '{\n  "rules": { "target-exists": "fatal" }\n}');
  const p = problemsOf('{"extends": "./bad.json"}', file);
  assert.equal(p.slice(1), [`${join(dir, 'bad.json')}:2:31: rules["target-exists"]: "fatal" is not a severity; use "off", "warn" or "error"`]);
});

test('overrides: globs relative to the config file, later entries last, excludedFiles, base-name globs', () => {
  const dir = tempDir();
  const c = parseConfig(
    JSON.stringify({
      rules: { 'capture-trap': 'warn' },
      overrides: [
        { files: 'specs/prod/**/*.restore', excludedFiles: 'specs/prod/old-*.restore', rules: { 'capture-trap': 'error' }, lowerCaseTableNames: 0 },
        { files: ['*.draft.restore'], rules: { 'capture-trap': 'off' } },
      ],
    }),
    join(dir, 'restorec.config.json'),
    rules,
  );
  const at = (p: string) => configFor(c, join(dir, p));
  assert.is(severityOf(at('specs/dev/a.restore'), 'capture-trap'), 'warn');
  assert.is(severityOf(at('specs/prod/a.restore'), 'capture-trap'), 'error');
  assert.is(at('specs/prod/eu/a.restore').lowerCaseTableNames, 0);
  assert.is(severityOf(at('specs/prod/old-a.restore'), 'capture-trap'), 'warn');
  assert.is(severityOf(at('specs/prod/x.draft.restore'), 'capture-trap'), 'off', 'the later override wins');
  assert.is(severityOf(configFor(c, '/elsewhere/specs/prod/a.restore'), 'capture-trap'), 'warn', 'outside the config folder: no override');
  assert.is(at('specs/prod/a.restore'), at('specs/prod/b.restore'), 'one object per combination of overrides');
});

test('path globs: **, *, ?, classes, braces; a pathological pattern is answered', () => {
  const m = (g: string, p: string) => matchPathGlob(compilePathGlob(g), p);
  assert.ok(m('specs/**/*.restore', 'specs/a.restore'));
  assert.ok(m('specs/**/*.restore', 'specs/x/y/a.restore'));
  assert.not.ok(m('specs/*.restore', 'specs/x/a.restore'));
  assert.ok(m('*.restore', 'deep/down/a.restore'), 'no slash: the base name');
  assert.ok(m('specs/{prod,stage}/a?.restore', 'specs/stage/ab.restore'));
  assert.ok(m('specs/[a-c]*.restore', 'specs/b1.restore'));
  assert.not.ok(m('specs/[!a-c]*.restore', 'specs/b1.restore'));
  assert.ok(m('./specs/**', 'specs/a/b'));
  // A pattern that makes a backtracking matcher take exponential time: answered (bench/ has no target for it).
  assert.not.ok(m('**/' + '*a'.repeat(200) + 'b', `${'x/'.repeat(200)}${'a'.repeat(3000)}`));
});

test('every config example in docs/config.md is a valid config', () => {
  const blocks = [...readFileSync('docs/config.md', 'utf8').matchAll(/```jsonc\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 5, `${blocks.length} examples`);
  for (const text of blocks) checkConfigText(text, 'docs/config.md', rules); // throws with the problems
});

test.run();
