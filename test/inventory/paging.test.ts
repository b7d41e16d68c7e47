// Paging without a total (DescribeDatabases): which pages are asked for together. Each round is
// the pages asked before any answer came back; a long listing takes few rounds, and a client
// that runs one call at a time asks few pages past the end.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readUntilShort } from '../../src/inventory/paging.ts';

/** Reads a listing of `total` entries, `size` a page, recording the pages of each round. */
async function rounds(total: number, size: number, window: number): Promise<{ rounds: number[][]; read: number }> {
  const out: number[][] = [];
  let answered = true;
  const fetch = (page: number): Promise<string[]> => {
    if (answered) out.push([]);
    answered = false;
    out.at(-1)!.push(page);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => `e${(page - 1) * size + i}`);
    return new Promise((resolve) => setTimeout(() => ((answered = true), resolve(items)), 0));
  };
  const read = await readUntilShort('listing', size, window, (x) => x, fetch, []);
  return { rounds: out, read: read.length };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('a window of 8: pages 1-8 at once, then 16 more; under 2,400 databases take two rounds', async () => {
  assert.equal(await rounds(2000, 100, 8), { rounds: [range(1, 8), range(9, 24)], read: 2000 });
  assert.equal(await rounds(2399, 100, 8), { rounds: [range(1, 8), range(9, 24)], read: 2399 });
  assert.equal(await rounds(2400, 100, 8), { rounds: [range(1, 8), range(9, 24), range(25, 56)], read: 2400 });
  // A small instance: one round, the pages past the end answer empty.
  assert.equal(await rounds(40, 100, 8), { rounds: [range(1, 8)], read: 40 });
  assert.equal(await rounds(0, 100, 8), { rounds: [range(1, 8)], read: 0 });
});

test('a window of 1 (one call at a time): one page, then 2, then 4 at a time', async () => {
  assert.equal(await rounds(40, 100, 1), { rounds: [[1]], read: 40 });
  assert.equal(await rounds(1000, 100, 1), { rounds: [[1], [2, 3], range(4, 7), range(8, 11)], read: 1000 });
});

test('property: every entry read once, and never more than 4 x window pages past the end', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 16 }), async (total, window) => {
      const r = await rounds(total, 100, window);
      const pages = r.rounds.flat();
      assert.is(r.read, total);
      assert.equal(pages, range(1, pages.length), 'pages in order, none twice');
      assert.ok(pages.length - (Math.floor(total / 100) + 1) < 4 * window, `${pages.length} pages for ${total}`);
      assert.ok(r.rounds[0]!.length === Math.min(window, pages.length));
    }),
    { numRuns: 200 },
  );
});

test.run();
