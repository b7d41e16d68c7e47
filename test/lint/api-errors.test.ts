// docs/api-errors.md against the API contract (../shared/api): every RestoreTable code is there
// with the status the contract gives it, every row's operation documents its code with that
// status, every rule a row names lists the code in its `predicts`, and the team's API notes'
// codes are all accounted for.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { rules } from '../../src/lint/registry.ts';
import { GATEWAY_ERRORS } from '../../src/contract/index.ts';
import { codesOf, statusOf } from '../helpers/contract.ts';

interface Row {
  code: string;
  status: number;
  operation: string;
  foreseenBy: string;
  how: string;
}

const text = readFileSync('docs/api-errors.md', 'utf8');
/** The operations with a section of their own: each row is one of their codes. */
const RESTORES = ['RestoreTable', 'RestoreDdrTable'];
const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
const sections = text.split(/^## /m).slice(1).map((part) => ({ title: part.slice(0, part.indexOf('\n')).trim(), body: part }));
const rows: Row[] = sections.flatMap(({ title, body }) => {
  const lines = body.split('\n').filter((l) => l.startsWith('| `'));
  if (RESTORES.includes(title)) {
    return lines.map((l) => {
      const [code, status, foreseenBy, how] = cells(l);
      return { code: code!.replace(/`/g, ''), status: Number(status), operation: title, foreseenBy: foreseenBy!, how: how! };
    });
  }
  if (title !== 'The calls around it') return [];
  return lines.map((l) => {
    const [code, status, operation, foreseenBy, how] = cells(l);
    return { code: code!.replace(/`/g, ''), status: Number(status), operation: operation!, foreseenBy: foreseenBy!, how: how! };
  });
});
const restoreRows = rows.filter((r) => r.operation === 'RestoreTable');

test('the page has both tables, each code once per operation', () => {
  assert.ok(restoreRows.length >= 40, `${restoreRows.length} RestoreTable rows`);
  const keys = rows.map((r) => `${r.operation} ${r.code}`);
  assert.equal(keys.length, new Set(keys).size);
});

test('every RestoreTable code of the contract is mapped, with the contract\'s HTTP status', () => {
  const missing = codesOf('RestoreTable').filter((c) => !restoreRows.some((r) => r.code === c));
  assert.equal(missing, [], 'add these RestoreTable codes to docs/api-errors.md');
  for (const r of restoreRows) assert.is(r.status, statusOf('RestoreTable', r.code), `${r.code}: HTTP`);
});

test('every RestoreDdrTable code of the contract is mapped, with the contract\'s HTTP status', () => {
  const ddr = rows.filter((r) => r.operation === 'RestoreDdrTable');
  assert.ok(ddr.length >= 30, `${ddr.length} RestoreDdrTable rows`);
  const missing = codesOf('RestoreDdrTable').filter((c) => !ddr.some((r) => r.code === c));
  assert.equal(missing, [], 'add these RestoreDdrTable codes to docs/api-errors.md');
  for (const r of ddr) assert.is(r.status, statusOf('RestoreDdrTable', r.code), `${r.code}: HTTP`);
});

test('the cross-region reads\' codes that say something about a spec are mapped', () => {
  const want: [string, string][] = [
    ['DescribeCrossRegionBackups', 'CrossBackupNotSupport'],
    ['DescribeCrossBackupMetaList', 'NoAvailableDisasterRestoreBakset'],
    ['DescribeCrossBackupMetaList', 'InvalidMeta.Empty'],
    ['DescribeAvailableRecoveryTime', 'NoAvailableLogBackup'],
    ['DescribeAvailableRecoveryTime', 'NoAvailableDisasterRestoreBakset'],
  ];
  for (const [op, code] of want) assert.ok(rows.some((r) => r.operation === op && r.code === code && r.foreseenBy.startsWith('rule:')), `${op} ${code}: a rule`);
});

test('every row\'s operation documents its code with that status', () => {
  for (const r of rows) {
    const expected = r.operation === '(gateway)' ? GATEWAY_ERRORS[r.code]?.[0] : statusOf(r.operation, r.code);
    assert.is(r.status, expected, `${r.operation} ${r.code}`);
  }
});

test('each row says how: a rule, construction, or why it cannot be foreseen', () => {
  for (const r of rows) {
    assert.ok(/^(rule: `[a-z0-9-]+`(, `[a-z0-9-]+`)*|construction|cannot be foreseen)$/.test(r.foreseenBy), `${r.code}: ${r.foreseenBy}`);
    assert.ok(r.how.length > 10, `${r.code}: say how`);
  }
});

for (const row of rows.filter((r) => r.foreseenBy.startsWith('rule:'))) {
  test(`${row.operation} ${row.code} is predicted by the rules named for it`, () => {
    for (const id of [...row.foreseenBy.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!)) {
      const rule = rules.find((r) => r.id === id);
      assert.ok(rule, `no rule ${id}`);
      assert.ok(rule!.predicts?.includes(row.code), `${id} should list ${row.code} in predicts`);
    }
  });
}

test('every code a rule predicts is on the page', () => {
  for (const r of rules) for (const code of r.predicts ?? []) assert.ok(rows.some((x) => x.code === code), `${r.id} predicts ${code}, which docs/api-errors.md does not list`);
});

// The team's API notes sit beside the repository (../shared/docs) on development machines and CI.
test('every error code in the API notes is accounted for', () => {
  const notes = readFileSync('../shared/docs/rds-api.md', 'utf8');
  const codes = new Set<string>();
  // Codes appear as "400 `Code`" in the error lists, and in the retry notes' paragraph.
  for (const m of notes.matchAll(/\b[45]\d\d\s+`([A-Za-z.]+)`/g)) codes.add(m[1]!);
  const retry = /Retryable:[\s\S]*?\n\n/.exec(notes)?.[0] ?? '';
  for (const m of retry.matchAll(/`([A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)*)`/g)) if (!['RequestId', 'HostId', 'Code', 'Message', 'Recommend', 'SignatureNonce', 'Timestamp', 'ClientToken'].includes(m[1]!)) codes.add(m[1]!);
  assert.ok(codes.size >= 20, [...codes].join(', '));
  const missing = [...codes].filter((c) => !rows.some((r) => r.code === c));
  assert.equal(missing, [], 'add these codes to docs/api-errors.md');
});

test.run();
