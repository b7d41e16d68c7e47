// Snapshot loading: valid snapshots load; a bad one is refused with the bad field's path and position.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { loadSnapshot, MAX_SNAPSHOT_BYTES, readablePath } from '../../src/compiler/index.ts';

const examples = new URL('../../examples/', import.meta.url).pathname;

test('every example snapshot is valid', () => {
  const files = readdirSync(examples).filter((f) => f.endsWith('.inventory.json'));
  assert.ok(files.length >= 4);
  for (const f of files) {
    const r = loadSnapshot(readFileSync(examples + f, 'utf8'), f);
    assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
  }
});

const base = () => ({
  version: 1,
  instance: { DBInstanceId: 'rm-1', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 1 },
  contents: [{ BackupId: '1', Databases: [{ Database: 'shop', Tables: ['orders', 'customers'] }] }],
});

test('a wrong value names the field, line and column', () => {
  const snap = base();
  (snap.instance as Record<string, unknown>)['lower_case_table_names'] = 3;
  const text = JSON.stringify(snap, null, 2);
  const r = loadSnapshot(text, 'snap.json');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.match(r.problems.join('\n'), /^snap\.json:7:31: instance\.lower_case_table_names: must be one of 0, 1, 2$/m);
});

test('a table name over 64 characters and an unknown field are both reported', () => {
  const snap = base() as Record<string, unknown> & ReturnType<typeof base>;
  snap.contents[0]!.Databases[0]!.Tables.push('t'.repeat(65));
  snap['extra'] = true;
  const r = loadSnapshot(JSON.stringify(snap, null, 2), 'snap.json');
  assert.not.ok(r.ok);
  if (r.ok) return;
  const all = r.problems.join('\n');
  assert.match(all, /contents\[0\]\.Databases\[0\]\.Tables\[2\]: must NOT have more than 64 characters/);
  assert.match(all, /extra: unknown field/);
});

test('missing fields, bad JSON, trailing spaces and duplicates are refused', () => {
  const noContents = base() as Partial<ReturnType<typeof base>>;
  delete noContents.contents;
  const r1 = loadSnapshot(JSON.stringify(noContents), 's.json');
  assert.ok(!r1.ok && /\(root\): missing required field "contents"/.test(r1.problems.join('\n')));
  const r2 = loadSnapshot('{\n  "version": 1,\n}', 's.json');
  assert.ok(!r2.ok && /^s\.json:3:1: not valid JSON/.test(r2.problems[0]!), r2.ok ? '' : r2.problems[0]);
  const trailing = base();
  trailing.contents[0]!.Databases[0]!.Tables.push('orders ');
  const r3 = loadSnapshot(JSON.stringify(trailing), 's.json');
  assert.ok(!r3.ok && /Tables\[2\]: must match pattern/.test(r3.problems.join('\n')));
  const dup = base();
  dup.contents[0]!.Databases.push({ Database: 'shop', Tables: [] });
  const r4 = loadSnapshot(JSON.stringify(dup), 's.json');
  assert.ok(!r4.ok && /Databases\[1\]\.Database: database "shop" is listed twice/.test(r4.problems.join('\n')));
});

test('a text longer than the snapshot limit is refused before it is parsed, whoever read it', () => {
  // The fuzz target found a mutated snapshot of 462 million characters (a database repeated
  // 3,000 times within a contents entry repeated 3,000 times) that took 16 s to check: the file
  // readers refuse it unread, and so does loadSnapshot now. Whitespace: it would parse.
  const started = Date.now();
  const r = loadSnapshot(`{"version":1}${' '.repeat(MAX_SNAPSHOT_BYTES - 12)}`, 'big.inventory.json');
  assert.is(r.ok, false);
  assert.equal(r.ok ? [] : r.problems, [`big.inventory.json: the snapshot is ${MAX_SNAPSHOT_BYTES + 1} characters long; snapshots larger than 256 MiB are refused`]);
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  // A text within the limit is read (and refused for what it holds, not for its size).
  const at = loadSnapshot(`{"version":1}${' '.repeat(1000)}`, 'ok.inventory.json');
  assert.ok(!at.ok && !at.problems[0]!.includes('refused'), at.ok ? '' : at.problems[0]);
});

test('readable paths', () => {
  assert.is(readablePath(''), '(root)');
  assert.is(readablePath('/contents/0/Databases'), 'contents[0].Databases');
  assert.is(readablePath('/a~1b/x y'), '["a/b"]["x y"]');
});

test.run();
