// Every documented API error code is accounted for in docs/api-errors.md, and every code a
// rule is said to foresee is in that rule's `predicts`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { rules } from '../../src/lint/registry.ts';

const table = readFileSync('docs/api-errors.md', 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('| `'))
  .map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return { code: cells[1]!.replace(/`/g, ''), foreseenBy: cells[3]! };
  });
const documented = new Set(table.map((r) => r.code));

test('the table lists codes once each', () => {
  assert.is(documented.size, table.length);
  assert.ok(table.length >= 25);
});

for (const row of table.filter((r) => r.foreseenBy.startsWith('rule:'))) {
  test(`${row.code} is predicted by the rules named for it`, () => {
    const ids = [...row.foreseenBy.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0);
    for (const id of ids) {
      const rule = rules.find((r) => r.id === id);
      assert.ok(rule, `no rule ${id}`);
      assert.ok(rule!.predicts?.includes(row.code), `${id} should list ${row.code} in predicts`);
    }
  });
}

test('every code a rule predicts is in the table', () => {
  for (const r of rules) for (const code of r.predicts ?? []) assert.ok(documented.has(code), `${r.id} predicts ${code}, which docs/api-errors.md does not list`);
});

// The team's API notes sit beside the repository (../shared/docs) on development machines and CI.
const notes = '../shared/docs/rds-api.md';
test('every error code in the API notes is accounted for', () => {
  if (!existsSync(notes)) {
    assert.ok(documented.has('InvalidDBName.Duplicate'), 'without the notes, at least the table is checked');
    return;
  }
  const text = readFileSync(notes, 'utf8');
  const codes = new Set<string>();
  // Codes appear as "400 `Code`" in the error lists, and in the retry notes' paragraph.
  for (const m of text.matchAll(/\b[45]\d\d\s+`([A-Za-z.]+)`/g)) codes.add(m[1]!);
  const retry = /Retryable:[\s\S]*?\n\n/.exec(text)?.[0] ?? '';
  for (const m of retry.matchAll(/`([A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)*)`/g)) if (!['RequestId', 'HostId', 'Code', 'Message', 'Recommend', 'SignatureNonce', 'Timestamp', 'ClientToken'].includes(m[1]!)) codes.add(m[1]!);
  assert.ok(codes.size >= 20, [...codes].join(', '));
  const missing = [...codes].filter((c) => !documented.has(c));
  assert.equal(missing, [], 'add these codes to docs/api-errors.md');
});

test.run();
