// Paging without a total (DescribeDatabases): which pages are asked for together. Each round is
// the pages asked before any answer came back; a long listing takes few rounds, and a client
// that runs one call at a time asks few pages past the end.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readUntilShort } from '../../src/inventory/paging.ts';

/** Reads a listing of `total` entries, `size` a page, recording the pages of each round. */
async function rounds(total: number, size: number, window: number, expected?: Promise<number | undefined>): Promise<{ rounds: number[][]; read: number }> {
  const out: number[][] = [];
  let answered = true;
  const fetch = (page: number): Promise<string[]> => {
    if (answered) out.push([]);
    answered = false;
    out.at(-1)!.push(page);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => `e${(page - 1) * size + i}`);
    return new Promise((resolve) => setTimeout(() => ((answered = true), resolve(items)), 0));
  };
  const read = await readUntilShort('listing', size, window, (x) => x, fetch, [], expected);
  return { rounds: out, read: read.length };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('no hint: page 1 alone, then 8 pages, then 16', async () => {
  assert.equal(await rounds(40, 100, 8), { rounds: [[1]], read: 40 });
  assert.equal(await rounds(0, 100, 8), { rounds: [[1]], read: 0 });
  assert.equal(await rounds(2000, 100, 8), { rounds: [[1], range(2, 9), range(10, 25)], read: 2000 });
});

test('a hint of how many: page 1, then the pages that many fill, at most 8 windows', async () => {
  assert.equal(await rounds(2000, 100, 8, Promise.resolve(2000)), { rounds: [[1], range(2, 21)], read: 2000 });
  assert.equal(await rounds(2399, 100, 8, Promise.resolve(2399)), { rounds: [[1], range(2, 24)], read: 2399 });
  // Too low: the listing goes on with the window, doubling.
  assert.equal(await rounds(2000, 100, 8, Promise.resolve(150)), { rounds: [[1], [2], range(3, 18), range(19, 50)], read: 2000 });
  // Too high, absurd, or no answer: bounded, or the window.
  assert.equal(await rounds(150, 100, 8, Promise.resolve(1e9)), { rounds: [[1], range(2, 65)], read: 150 });
  assert.equal(await rounds(2000, 100, 8, Promise.resolve(Number.NaN)), { rounds: [[1], range(2, 9), range(10, 25)], read: 2000 });
  assert.equal(await rounds(2000, 100, 8, Promise.reject(new Error('refused'))), { rounds: [[1], range(2, 9), range(10, 25)], read: 2000 });
  assert.equal(await rounds(2000, 100, 8, new Promise(() => undefined)), { rounds: [[1], range(2, 9), range(10, 25)], read: 2000 });
  // A small listing never waits for the hint nor asks past page 1.
  assert.equal(await rounds(40, 100, 8, Promise.resolve(5000)), { rounds: [[1]], read: 40 });
});

test('a window of 1 (one call at a time): one page, then 1, 2, 4 at a time', async () => {
  assert.equal(await rounds(40, 100, 1), { rounds: [[1]], read: 40 });
  assert.equal(await rounds(1000, 100, 1), { rounds: [[1], [2], [3, 4], range(5, 8), range(9, 12)], read: 1000 });
});

test('property: every entry read once, pages in order, never more than 8 windows past the end', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 16 }), fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }), async (total, window, hint) => {
      const r = await rounds(total, 100, window, hint === undefined ? undefined : Promise.resolve(hint));
      const pages = r.rounds.flat();
      assert.is(r.read, total);
      assert.equal(pages, range(1, pages.length), 'pages in order, none twice');
      assert.ok(pages.length - (Math.floor(total / 100) + 1) <= 8 * window, `${pages.length} pages for ${total}`);
      assert.equal(r.rounds[0], [1]);
    }),
    { numRuns: 200 },
  );
});

test.run();
