// restorec.config.json through the built CLI, as users write it: comments, problems at
// line:col with "did you mean", a wrong severity in one line, `extends` (presets and files),
// per-path `overrides`, and `restorec print-config FILE`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';

const TRAP = 'instance rm-1\nfrom backup 1\nrestore db shop < table order_items_* as *_bak >\n';

function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a config with comments and trailing commas is read', () => {
  const dir = workspace({ 'spec.restore': TRAP, 'restorec.config.json': '{\n  // the trap is an error here\n  "rules": { "capture-trap": "error", },\n}\n' });
  const r = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /3:42 {2}error {2}the target `\*_bak`/);
});

test('problems: line:col, did you mean, one line for a wrong severity; exit 2, no stack trace', () => {
  const config = '{\n  "rules": {\n    "capture-trp": "warn",\n    "target-exists": "fatal",\n    "disk-space": ["warn", { "headrom": 0.2 }]\n  },\n  "reportUnusedSupressions": "off"\n}\n';
  const dir = workspace({ 'spec.restore': TRAP, 'restorec.config.json': config });
  const r = restorec(['lint', '--no-live', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 2);
  assert.is(r.stdout, '');
  const file = join(dir, 'restorec.config.json');
  assert.is(
    r.stderr,
    [
      `${file}:3:5: unknown rule "capture-trp"; did you mean "capture-trap"?`,
      `${file}:4:22: rules["target-exists"]: "fatal" is not a severity; use "off", "warn" or "error"`,
      `${file}:5:30: rules["disk-space"] has no option "headrom"; did you mean "headroom"?`,
      `${file}:7:3: unknown key "reportUnusedSupressions"; did you mean "reportUnusedSuppressions"?`,
      `restorec: ${file} has 4 problems (docs/config.md describes the config)`,
      '',
    ].join('\n'),
  );
  assert.not.ok(hasStackTrace(r.stderr));
});

test('a syntax error is at its line and column, in words', () => {
  const dir = workspace({ 'spec.restore': TRAP, 'restorec.config.json': '{\n  "rules": {\n    "capture-trap": "error"\n    "target-exists": "warn"\n  }\n}\n' });
  const r = restorec(['lint', '--no-live', '-c', 'restorec.config.json', 'spec.restore'], { cwd: dir });
  assert.is(r.status, 2);
  assert.match(r.stderr, /^restorec\.config\.json:4:5: a `,` was expected here\nrestorec: restorec\.config\.json is not valid JSON \(comments and trailing commas are allowed\)\n$/);
});

test('extends a preset and a team file; overrides per path, in one run', () => {
  const dir = workspace({
    'shared/team.json': '{ "extends": "none", "rules": { "capture-trap": "warn", "target-collision": "error" } }',
    'restorec.config.json': JSON.stringify({ extends: ['./shared/team.json'], overrides: [{ files: 'prod/**/*.restore', rules: { 'capture-trap': 'error' } }, { files: 'legacy/*.restore', rules: { 'capture-trap': 'off' } }] }),
    'dev/a.restore': TRAP,
    'prod/eu/b.restore': TRAP,
    'legacy/c.restore': TRAP,
    'dev/d.restore': 'instance rm-1\nfrom backup 1\nrestore db crm\n',
  });
  const r = restorec(['lint', '--no-live', '--format', 'json', 'dev', 'prod', 'legacy'], { cwd: dir });
  assert.is(r.status, 1, r.stderr);
  const got = Object.fromEntries((JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[]).map((f) => [f.filePath, f.messages.map((m) => `${m.ruleId}:${m.severity}`)]));
  assert.equal(got, {
    'dev/a.restore': ['capture-trap:1'],
    'dev/d.restore': [], // in-place-restore is off: team.json extends none
    'prod/eu/b.restore': ['capture-trap:2'],
    'legacy/c.restore': [],
  });
});

test('print-config: the config files, the overrides that apply and every rule, for one spec', () => {
  const dir = workspace({
    'shared/team.json': '{ "rules": { "disk-space": ["warn", { "headroom": 0.3 }] }, "lowerCaseTableNames": 0 }',
    'restorec.config.json': '{\n  // team first, then ours\n  "extends": ["recommended", "./shared/team.json"],\n  "rules": { "disk-space": "error" },\n  "overrides": [{ "files": "prod/**", "rules": { "capture-trap": "error" }, "compile": { "maxEntries": 20 } }]\n}\n',
  });
  const r = restorec(['print-config', 'prod/x.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.configFiles, ['restorec.config.json', 'shared/team.json']);
  assert.equal(out.overrides, [{ from: 'restorec.config.json', index: 0, files: 'prod/**' }]);
  assert.is(out.lowerCaseTableNames, 0);
  assert.equal(out.compile, { maxEntries: 20, wholeDatabase: 'tables' });
  assert.is(out.rules['capture-trap'], 'error');
  assert.equal(out.rules['disk-space'], ['error', { headroom: 0.3, diskUsedUnit: 'bytes' }]);
  assert.is(out.rules['target-exists'], 'error');
  assert.is(Object.keys(out.rules).length > 30, true, 'every rule');
  const dev = JSON.parse(restorec(['print-config', 'dev/x.restore'], { cwd: dir }).stdout);
  assert.equal(dev.overrides, []);
  assert.is(dev.rules['capture-trap'], 'warn');
  assert.equal(dev.compile, { maxEntries: 50, wholeDatabase: 'tables' });
});

test('print-config with no config: the defaults; with a broken one: its problems, exit 2', () => {
  const none = restorec(['print-config', 'a.restore'], { cwd: workspace({}) });
  assert.is(none.status, 0, none.stderr);
  const out = JSON.parse(none.stdout);
  assert.equal([out.configFiles, out.lowerCaseTableNames, out.reportUnusedSuppressions], [[], 1, 'warn']);
  const broken = restorec(['print-config', '--config', 'c.json', 'a.restore'], { cwd: workspace({ 'c.json': '{"extends": "./missing.json"}' }) });
  assert.is(broken.status, 2);
  assert.match(broken.stderr, /restorec: c\.json extends \.\/missing\.json, but there is no such file/);
  assert.is(restorec(['print-config'], { cwd: workspace({}) }).status, 2);
});

test.run();
