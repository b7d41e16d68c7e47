// One identity per problem: `compile`, `plan` and `lint` print the same code for a problem a rule
// owns (the rule's id), and suppressing or configuring it by that code works in all three; the
// compiler's former codes are accepted as aliases of the rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restorec, tempDir } from '../helpers/cli.ts';
import { OWNER } from '../../src/compiler/problem-ids.ts';
import { rules } from '../../src/lint/registry.ts';

const fixture = 'test/compiler/fixtures/no-match';
const base = 'instance rm-uf6wjk5xxxxxxxxxx\nfrom backup 9026262\n\nrestore db shop < table order* as {name}_r >\n';

function workspace(spec: string, config?: object): string {
  const d = tempDir();
  copyFileSync(join(fixture, 'inventory.json'), join(d, 'spec.inventory.json'));
  writeFileSync(join(d, 'spec.restore'), spec);
  if (config) writeFileSync(join(d, 'restorec.config.json'), JSON.stringify(config));
  return d;
}

const codes = (out: string) => [...out.matchAll(/error\s.*?\s\s(\S+)$/gm)].map((m) => m[1]);

test('compile, plan and lint print the same code for the same problem', () => {
  const d = workspace(base + 'restore db shop < table invoice_* as *_r >\n');
  const compile = restorec(['compile', '--no-live', 'spec.restore'], { cwd: d });
  const plan = restorec(['plan', '--no-live', 'spec.restore'], { cwd: d });
  const lint = restorec(['lint', '--no-live', 'spec.restore'], { cwd: d });
  for (const [name, r, out] of [['compile', compile, compile.stderr], ['plan', plan, plan.stderr], ['lint', lint, lint.stdout]] as const) {
    assert.is(r.status, 1, `${name}: ${r.stderr}`);
    assert.equal(codes(out), ['pattern-no-match'], `${name}: ${out}`);
  }
});

for (const code of ['pattern-no-match', 'expand/no-match']) {
  test(`# restorec-disable-next-line ${code}: suppressed in lint, compile and plan alike`, () => {
    const d = workspace(base + `# restorec-disable-next-line ${code} -- invoices come later\nrestore db shop < table invoice_* as *_r >\n`);
    const lint = restorec(['lint', '--no-live', 'spec.restore'], { cwd: d });
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.not.match(lint.stdout, /unused|unknown rule/);
    const compile = restorec(['compile', '--no-live', 'spec.restore'], { cwd: d });
    assert.is(compile.status, 0, compile.stderr);
    assert.ok(JSON.parse(compile.stdout).length > 0);
    assert.is(restorec(['plan', '--no-live', 'spec.restore'], { cwd: d }).status, 0);
  });
}

test('the config sets the severity by the rule id or the former code, and compile follows it', () => {
  for (const key of ['pattern-no-match', 'expand/no-match']) {
    const d = workspace(base + 'restore db shop < table invoice_* as *_r >\n', { rules: { [key]: 'warn' } });
    const lint = restorec(['lint', '--no-live', 'spec.restore'], { cwd: d });
    assert.is(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /warning .* pattern-no-match/);
    const compile = restorec(['compile', '--no-live', 'spec.restore'], { cwd: d });
    assert.is(compile.status, 0, compile.stderr);
    assert.match(compile.stderr, /warning the table pattern `invoice_\*` matches no table .* pattern-no-match/);
  }
  const off = workspace(base + 'restore db shop < table invoice_* as *_r >\n', { rules: { 'pattern-no-match': 'off' } });
  const compile = restorec(['compile', '--no-live', 'spec.restore'], { cwd: off });
  assert.is(compile.status, 0, compile.stderr);
  assert.not.match(compile.stderr, /pattern-no-match/);
});

test('a problem no rule owns is not configurable: it still stops the compile', () => {
  const d = workspace(base.replace('9026262', '1'), { rules: { 'pattern-no-match': 'off' } });
  const r = restorec(['compile', '--no-live', 'spec.restore'], { cwd: d });
  assert.is(r.status, 1);
  assert.match(r.stderr, /inventory\/no-contents/);
});

test('the owner table agrees with the rules: each former code belongs to the rule listing it, at its default severity', () => {
  const fromRules = new Map(rules.flatMap((r) => (r.compilerCodes ?? []).map((c) => [c, r] as const)));
  assert.equal(Object.keys(OWNER).sort(), [...fromRules.keys()].sort());
  for (const [code, owner] of Object.entries(OWNER)) {
    const rule = fromRules.get(code)!;
    assert.is(owner.rule, rule.id, code);
    assert.is(owner.severity, rule.defaultSeverity === 'warn' ? 'warning' : rule.defaultSeverity, code);
  }
});

test.run();
