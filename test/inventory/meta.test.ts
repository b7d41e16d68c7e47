// DescribeMetaList's answers turned into databases and tables: `Tables` is one comma-separated
// string, a database may come in several entries (and pages), stray commas are dropped.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { listContents, splitTables } from '../../src/inventory/meta.ts';
import type { RdsCaller } from '../../src/inventory/reads.ts';

test('splitTables: the names between commas, no empty ones', () => {
  assert.equal(splitTables('a,b'), ['a', 'b']);
  assert.equal(splitTables('a,,b,'), ['a', 'b']);
  assert.equal(splitTables(',x'), ['x']);
  assert.equal(splitTables(''), []);
  assert.equal(splitTables(','), []);
  assert.equal(splitTables(undefined), []);
  assert.equal(splitTables(['a', 'b']), ['a', 'b']);
  fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z,]{0,6}$/), { maxLength: 8 }), (pieces) => {
    const text = pieces.join(',');
    assert.equal(splitTables(text), text.split(',').filter((t) => t !== ''));
  }));
});

/** A DescribeMetaList that serves `entries`, `size` a page. */
function metaApi(entries: Record<string, unknown>[]): RdsCaller & { calls: Record<string, string | number | undefined>[] } {
  const calls: Record<string, string | number | undefined>[] = [];
  return {
    calls,
    async call(_action, params = {}) {
      calls.push(params as Record<string, string | number | undefined>);
      const size = Number(params['PageSize']);
      const index = Number(params['PageIndex']);
      const named = params['GetDbName'];
      const all = named !== undefined ? [{ Database: named, Tables: 'late1,late2' }] : entries;
      const items = all.slice((index - 1) * size, index * size);
      return { RequestId: 'r', TotalRecordCount: all.length, TotalPageCount: Math.ceil(all.length / size), PageNumber: index, PageRecordCount: items.length, Items: { Meta: items } };
    },
  };
}

test('listContents: one database over several entries and pages is merged in order; an entry without tables is asked for by name', async () => {
  const api = metaApi([
    { Database: 'shop', Tables: 'a,b', Size: '10' },
    { Database: 'crm', Tables: 'x,,y,' },
    { Database: 'shop', Tables: 'c' },
    { Database: 'empty', Tables: '' },
  ]);
  const warnings: string[] = [];
  const dbs = await listContents(api, 'DescribeMetaList', { DBInstanceId: 'rm-1', RestoreType: 'BackupSetID', BackupSetID: '1' }, 'backup 1', 2, warnings);
  assert.equal(dbs, [
    { Database: 'shop', Size: 10, Tables: ['a', 'b', 'c'] },
    { Database: 'crm', Tables: ['x', 'y'] },
    { Database: 'empty', Tables: ['late1', 'late2'] },
  ]);
  assert.equal(warnings, []);
  assert.equal(api.calls.map((c) => [c['PageIndex'], c['GetDbName']]), [[1, undefined], [2, undefined], [1, 'empty']]);
});

test('listContents: the page asked ahead is used once, for page 1 at the size asked', async () => {
  const api = metaApi([{ Database: 'shop', Tables: 'a' }, { Database: 'crm', Tables: 'b' }]);
  const first = api.call('DescribeMetaList', { PageSize: 1, PageIndex: 1 });
  const dbs = await listContents(api, 'DescribeMetaList', { DBInstanceId: 'rm-1' }, 'backup 1', 1, [], first);
  assert.equal(dbs.map((d) => d.Database), ['shop', 'crm']);
  assert.equal(api.calls.map((c) => c['PageIndex']), [1, 2], 'page 1 was not asked again');
});

test.run();
