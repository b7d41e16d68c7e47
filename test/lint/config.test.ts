// restorec.config.json: schema validation with positions, unknown rules refused, presets and
// per-rule severities and options resolved.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, parseConfig, resolveRules } from '../../src/lint/config.ts';
import { rules } from '../../src/lint/registry.ts';

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, 'restorec.config.json', rules);
  } catch (e) {
    assert.instance(e, ConfigError);
    return [(e as ConfigError).message, ...(e as ConfigError).problems];
  }
  return [];
}

test('a valid config parses', () => {
  assert.equal(problemsOf('{"extends":"recommended","rules":{"target-exists":"warn","instance-status":["error",{}]},"reportUnusedSuppressions":"error","compile":{"maxEntries":20}}'), []);
});

test('a bad severity is reported with its field and position', () => {
  const p = problemsOf('{\n  "rules": {\n    "target-exists": "fatal"\n  }\n}');
  assert.match(p[0]!, /does not match the config schema/);
  assert.ok(p.some((x) => /restorec\.config\.json:3:\d+: rules\["target-exists"\]|restorec\.config\.json:3:\d+: rules\.target-exists/.test(x)), p.join('\n'));
});

test('an unknown top-level field is reported', () => {
  const p = problemsOf('{"rule": {}}');
  assert.ok(p.some((x) => /rule: unknown field/.test(x)), p.join('\n'));
});

test('an unknown rule id is refused', () => {
  assert.match(problemsOf('{"rules":{"no-such-rule":"error"}}')[0]!, /unknown rule "no-such-rule"/);
});

test('rule options are checked against the rule: unknown option, wrong type, with positions', () => {
  const p = problemsOf('{\n  "rules": {\n    "disk-space": ["warn", {"headroom": "lots"}],\n    "instance-table-limit": ["error", {"maximum": 10}]\n  }\n}');
  assert.match(p[0]!, /gives rules options they do not have/);
  assert.ok(p.some((x) => /restorec\.config\.json:3:\d+: rules\["disk-space"\] option "headroom" must be a number, not a string/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /restorec\.config\.json:4:\d+: rules\["instance-table-limit"\] has no option "maximum" \(its options: max\)/.test(x)), p.join('\n'));
  assert.equal(problemsOf('{"rules":{"disk-space":["warn",{"headroom":0.2}],"target-exists":["error",{}]}}'), []);
});

test('an option named __proto__ is refused like any option the rule does not have', () => {
  const p = problemsOf('{"rules":{"disk-space":["warn",{"__proto__":{}}],"target-exists":["error",{"constructor":{}}]}}');
  assert.ok(p.some((x) => /rules\["disk-space"\] has no option "__proto__" \(its options: headroom, diskUsedUnit\)/.test(x)), p.join('\n'));
  assert.ok(p.some((x) => /rules\["target-exists"\] has no option "constructor"/.test(x)), p.join('\n'));
});

test('schema problems speak of the config, not of the snapshot format', () => {
  const p = problemsOf('{"rules": {}, "compile": {"maxEntrys": 3}}');
  assert.ok(p.some((x) => /compile\.maxEntrys: unknown field \(not in the config format; check its spelling\)/.test(x)), p.join('\n'));
  assert.not.ok(p.some((x) => /snapshot/.test(x)), p.join('\n'));
});

test('compile.maxEntries below 2 is a schema problem (a table needs its database entry beside it)', () => {
  const p = problemsOf('{"compile": {"maxEntries": 1}}');
  assert.ok(p.some((x) => /compile\.maxEntries: must be >= 2/.test(x)), p.join('\n'));
});

test('invalid JSON is reported', () => {
  assert.match(problemsOf('{"rules": ')[0]!, /not valid JSON/);
});

test('recommended by default; none turns everything off; the config overrides', () => {
  const byId = (c: object) => Object.fromEntries(resolveRules(c, rules).map((r) => [r.rule.id, r.severity]));
  assert.is(byId({})['target-exists'], 'error');
  assert.is(byId({ extends: 'none' })['target-exists'], 'off');
  assert.is(byId({ extends: 'none', rules: { 'target-exists': 'warn' } })['target-exists'], 'warn');
  const resolved = resolveRules({ rules: { 'instance-status': ['warn', { x: 1 }] } }, rules).find((r) => r.rule.id === 'instance-status')!;
  assert.equal([resolved.severity, resolved.options['x']], ['warn', 1]);
});

test.run();
