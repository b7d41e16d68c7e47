// Every rule file is registered once, in kebab-case, with a doc page (with a failing and a
// passing example) and a test file; every registered rule has a file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rules } from '../../src/lint/registry.ts';

const HELPERS = new Set(['spans.ts', 'eligibility-table.ts', 'cross-source.ts']);
const files = readdirSync('src/lint/rules').filter((f) => f.endsWith('.ts') && !HELPERS.has(f)).map((f) => f.replace(/\.ts$/, ''));

test('every rule file is in the registry, and every registered rule has a file', () => {
  assert.equal([...rules.map((r) => r.id)].sort(), [...files].sort());
});

test('rule ids are unique', () => {
  assert.is(new Set(rules.map((r) => r.id)).size, rules.length);
});

for (const rule of rules) {
  test(`${rule.id}: kebab-case id, metadata, doc page and test`, () => {
    assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.ok(rule.description.length > 10, 'a description');
    assert.ok(['off', 'warn', 'error'].includes(rule.defaultSeverity));
    assert.ok(rule.check !== undefined || (rule.compilerCodes?.length ?? 0) > 0, 'a check or compiler codes it owns');
    const doc = `docs/rules/${rule.id}.md`;
    assert.ok(existsSync(doc), `missing ${doc}`);
    const text = readFileSync(doc, 'utf8');
    assert.match(text, new RegExp(`^# ${rule.id}\\n`), 'the doc page starts with the rule id as its title');
    assert.match(text, /\n## Fails\n\n```\n[\s\S]+?```/, 'a failing example');
    assert.match(text, /\n## Passes\n\n```\n[\s\S]+?```/, 'a passing example');
    assert.ok(existsSync(`test/lint/rules/${rule.id}.test.ts`), `missing test/lint/rules/${rule.id}.test.ts`);
  });
}

test.run();
