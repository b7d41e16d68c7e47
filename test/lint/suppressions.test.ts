// Inline suppressions: next-line and whole-file, with reasons; unknown rules are errors; a
// suppression that suppresses nothing is reported; rules skipped for lack of an inventory do not
// make their suppressions "unused".
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../src/grammar/index.ts';
import { lint } from '../../src/lint/lint.ts';
import { rules } from '../../src/lint/registry.ts';
import type { Config } from '../../src/lint/config.ts';
import { baseInventory } from '../helpers/rule-tester.ts';

const H = 'instance rm-test\nfrom backup 1001\n';
const COLLIDES = 'restore db shop < table orders as customers >\n';

function lintOne(text: string, opts: { config?: Config; inventory?: boolean } = {}) {
  const p = parse(text, 'spec.restore');
  const input = { source: p.source, document: p.document, diagnostics: p.diagnostics, ...(opts.inventory === false ? {} : { inventory: baseInventory() }) };
  const [r] = lint([input], { config: opts.config ?? { extends: 'none', rules: { 'target-exists': 'error' } }, rules, now: new Date('2026-11-20T04:00:00Z') });
  return r!.messages.map((m) => `${r!.source.position(m.span.start).line}:${m.ruleId ?? m.code}:${m.severity}`);
}

test('without a suppression the collision is reported', () => {
  assert.equal(lintOne(H + COLLIDES), ['3:target-exists:2']);
});

test('restorec-disable-next-line with a reason suppresses the next line only', () => {
  assert.equal(lintOne(H + '# restorec-disable-next-line target-exists -- we drop it first\n' + COLLIDES), []);
  assert.equal(lintOne(H + '# restorec-disable-next-line target-exists\n\n' + COLLIDES), ['3:lint/unused-suppression:1', '5:target-exists:2']);
});

test('restorec-disable-file suppresses the rule anywhere in the file', () => {
  assert.equal(lintOne('# restorec-disable-file target-exists -- rehearsal instance\n' + H + COLLIDES + 'restore db crm < table deals >\n'), []);
});

test('several rules in one directive, comma-separated', () => {
  assert.equal(lintOne(H + '# restorec-disable-next-line target-exists, source-missing -- why\nrestore db shop < table orders as customers, table nope as n2 >\n', { config: { extends: 'none', rules: { 'target-exists': 'error', 'source-missing': 'error' } } }), []);
});

test('a suppression naming an unknown rule is an error at the rule name', () => {
  const text = H + '# restorec-disable-next-line target-exits -- typo\n' + COLLIDES;
  assert.equal(lintOne(text), ['3:lint/unknown-rule:2', '4:target-exists:2']);
});

test('a directive without rules, and an unknown directive, are errors', () => {
  assert.equal(lintOne(H + '# restorec-disable-next-line -- no rule\n' + COLLIDES), ['3:lint/bad-directive:2', '4:target-exists:2']);
  assert.equal(lintOne(H + '# restorec-enable target-exists\nrestore db shop < table orders as o2 >\n'), ['3:lint/bad-directive:2']);
});

test('unused suppressions follow reportUnusedSuppressions', () => {
  const text = H + '# restorec-disable-next-line target-exists\nrestore db shop < table orders as o2 >\n';
  assert.equal(lintOne(text), ['3:lint/unused-suppression:1']);
  assert.equal(lintOne(text, { config: { extends: 'none', rules: { 'target-exists': 'error' }, reportUnusedSuppressions: 'error' } }), ['3:lint/unused-suppression:2']);
  assert.equal(lintOne(text, { config: { extends: 'none', rules: { 'target-exists': 'error' }, reportUnusedSuppressions: 'off' } }), []);
});

test('a suppression of a rule skipped for lack of an inventory is not reported as unused', () => {
  const text = H + '# restorec-disable-next-line target-exists -- checked by hand\n' + COLLIDES;
  assert.equal(lintOne(text, { inventory: false }), []);
});

test('an ordinary comment mentioning restorec is not a directive', () => {
  assert.equal(lintOne(H + '# restorec is nice\nrestore db shop < table orders as o2 >\n'), []);
});

test.run();
