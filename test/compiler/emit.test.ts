// Emission: entry counting and splitting, ClientToken derivation, TableMeta key order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkRestoreRequest, clientToken, packRequests, requestAction, splitEntries, type TableMetaDatabase } from '../../src/compiler/index.ts';

/** A database kept under its name (tables renamed into it): it may be split across requests. */
const db = (name: string, n: number): TableMetaDatabase => ({ type: 'db', name, newname: name, tables: Array.from({ length: n }, (_, i) => ({ type: 'table', name: `t${i}`, newname: `t${i}_r` })) });
/** A database created under a new name: never split. */
const renamed = (name: string, n: number): TableMetaDatabase => ({ ...db(name, n), newname: `${name}_r` });
const count = (part: TableMetaDatabase[]) => part.reduce((n, d) => n + 1 + (d.tables?.length ?? 0), 0);

const splitCases: [sizes: number[], max: number, expected: number[]][] = [
  [[1], 50, [2]],
  [[49], 50, [50]],
  [[50], 50, [50, 2]],
  [[10, 10, 10], 50, [33]],
  [[48, 1], 50, [49, 2]],
  [[3, 3], 4, [4, 4]],
  [[5], 4, [4, 3]],
];
for (const [sizes, max, expected] of splitCases) {
  test(`split ${JSON.stringify(sizes)} at ${max}`, () => {
    const parts = splitEntries(sizes.map((n, i) => db(`d${i}`, n)), max);
    assert.equal(parts.map(count), expected);
    for (const p of parts) assert.ok(count(p) <= max);
    // Every table appears exactly once, in order.
    const flat = parts.flatMap((p) => p.flatMap((d) => (d.tables ?? []).map((t) => `${d.name}.${t.name}`)));
    assert.equal(flat, sizes.flatMap((n, i) => Array.from({ length: n }, (_, k) => `d${i}.t${k}`)));
  });
}

test('at most 100 tables in a request, whatever maxEntries says', () => {
  const parts = splitEntries([db('a', 250)], 1000);
  assert.equal(parts.map(count), [101, 101, 51]);
});

test('a renamed database is never split: kept whole, in a request of its own when over maxEntries', () => {
  const parts = splitEntries([db('a', 3), renamed('b', 6), db('c', 1)], 4);
  assert.equal(parts.map((p) => p.map((d) => `${d.newname}:${d.tables?.length}`)), [['a:3'], ['b_r:6'], ['c:1']]);
  const p = packRequests([{ size: 3 }, { size: 6, group: 0 }, { size: 1 }], 4);
  assert.equal(p.oversized, [1]);
  assert.equal(p.tooLarge, []);
});

test('two sources into one new database travel together; over 100 tables is reported, not split silently', () => {
  const together = packRequests([{ size: 30, group: 0 }, { size: 5 }, { size: 40, group: 0 }], 50);
  assert.equal(together.parts[0]!.map((s) => s.index), [0, 2]);
  const big = packRequests([{ size: 120, group: 7 }], 50);
  assert.equal(big.tooLarge, [7]);
});

test('bare db entries count one each', () => {
  const parts = splitEntries([{ type: 'db', name: 'a', newname: 'b' }, { type: 'db', name: 'c', newname: 'd' }, { type: 'db', name: 'e', newname: 'f' }], 2);
  assert.equal(parts.map((p) => p.length), [2, 1]);
});

test('a limit below 2 is refused', () => {
  assert.throws(() => splitEntries([db('a', 1)], 1));
});

test('ClientToken: stable, content-derived, ASCII, at most 64 characters, numbered in a series', () => {
  const p = { DBInstanceId: 'rm-1', TableMeta: '[]', BackupId: '1' };
  const a = clientToken(p, 1, 1);
  assert.is(a, clientToken({ ...p }, 1, 1));
  assert.match(a, /^rc-[0-9a-f]{40}$/);
  assert.is.not(a, clientToken({ ...p, TableMeta: '[ ]' }, 1, 1));
  assert.is.not(a, clientToken({ DBInstanceId: 'rm-1', TableMeta: '[]', RestoreTime: '1' }, 1, 1));
  // Asking for instant recovery changes the token; not asking keeps every earlier token.
  assert.is.not(a, clientToken({ ...p, InstantRecovery: true }, 1, 1));
  const s = clientToken(p, 12345, 20000);
  assert.match(s, /^rc-[0-9a-f]{40}-12345of20000$/);
  assert.ok(s.length <= 64);
});

test('RestoreDdrTable: its own tokens, its action, and the request schema takes only what each RestoreType documents', () => {
  const local = { DBInstanceId: 'rm-1', TableMeta: '[]', BackupId: '7' };
  const cross = { ...local, RestoreType: '0' as const };
  assert.is.not(clientToken(cross, 1, 1), clientToken(local, 1, 1), 'a cross-region backup 7 is not local backup 7');
  const pit = { DBInstanceId: 'rm-1', TableMeta: '[]', RestoreType: '1' as const, RestoreTime: '2026-11-20T03:15:00Z', SourceRegion: 'cn-hangzhou', SourceDBInstanceName: 'rm-src' };
  assert.is.not(clientToken(pit, 1, 1), clientToken({ ...pit, SourceDBInstanceName: 'rm-other' }, 1, 1), 'another source, another token');
  assert.is(requestAction(local), 'RestoreTable');
  assert.is(requestAction(cross), 'RestoreDdrTable');
  const meta = '[{"type":"db","name":"a","newname":"b","tables":[{"type":"table","name":"t","newname":"t"}]}]';
  const ok = (r: object) => checkRestoreRequest({ ...r, TableMeta: meta, ClientToken: 'rc-x' }).length === 0;
  assert.ok(ok(cross));
  assert.ok(ok(pit));
  assert.not.ok(ok({ ...cross, SourceRegion: 'cn-hangzhou' }), 'RestoreType 0 takes BackupId alone');
  assert.not.ok(ok({ ...pit, SourceRegion: undefined }), 'RestoreType 1 needs its source');
  assert.not.ok(ok({ ...pit, RestoreType: '0' }), 'a time with RestoreType 0');
  assert.not.ok(ok({ ...cross, InstantRecovery: true }), 'RestoreDdrTable has no InstantRecovery');
  assert.not.ok(ok({ ...local, SourceRegion: 'cn-hangzhou' }), 'RestoreTable takes no source region');
  assert.not.ok(ok({ ...pit, SourceRegion: 'Hangzhou' }), 'a region id');
});

test.run();
