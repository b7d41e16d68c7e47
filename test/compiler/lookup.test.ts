// ContentsIndex.tableList: databases with the very same table list share one list (so work that
// depends only on the list is done once); any difference keeps them apart.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ContentsIndex } from '../../src/compiler/lookup.ts';

const index = (lists: string[][]) => {
  const dbs = lists.map((Tables, i) => ({ Database: `d${i}`, Tables }));
  return { ix: new ContentsIndex({ BackupId: '1', Databases: dbs }, true), dbs };
};

test('equal lists are shared, lists differing anywhere are not', () => {
  const { ix, dbs } = index([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'x', 'c'], ['a', 'c', 'b'], ['A', 'b', 'c'], []]);
  const [d0, d1, d2, d3, d4, d5] = dbs.map((d) => ix.tableList(d));
  assert.ok(d0 === d1);
  for (const other of [d2, d3, d4, d5]) assert.ok(other !== d0);
  assert.equal(d2, ['a', 'x', 'c']); // same length, first and last as d0: compared in full
  assert.equal(ix.sortedTables(dbs[3]!), ['a', 'b', 'c']);
  assert.equal(dbs[3]!.Tables, ['a', 'c', 'b'], 'sorting never touches the snapshot');
});

test('exact table lookups answer per database, through the shared list', () => {
  const { ix, dbs } = index(Array.from({ length: 10 }, (_, i) => (i === 9 ? ['Orders'] : ['orders', 'items'])));
  for (const db of dbs.slice(0, 9)) assert.equal(ix.findTables(db, 'ORDERS'), ['orders']);
  assert.equal(ix.findTables(dbs[9]!, 'orders'), ['Orders']);
  assert.equal(ix.findTables(dbs[0]!, 'missing'), []);
});

test.run();
