// printJsonBytes: its chunks, joined, are byte for byte the UTF-8 of JSON.stringify(items, null,
// 2) + '\n' (restorec compile prints requests with it), whatever the chunk size, the strings
// inside and where an element's pieces are cut.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementText, printJsonBytes } from '../../src/compiler/print.ts';

const expected = (items: unknown[]) => JSON.stringify(items, null, 2) + '\n';
/** printJsonBytes with each element whole (its default), decoded. */
const printed = (items: unknown[], chunkBytes?: number) => Buffer.concat([...printJsonBytes(items, undefined, chunkBytes)]).toString('utf8');
/** printJsonBytes of the same, each element in pieces cut anywhere (but inside a surrogate pair, which a JS string piece cannot be written from). */
const printedBytes = (items: unknown[], chunkBytes?: number, cut = 5) => {
  const pieces = (item: unknown) => {
    const text = elementText(item);
    const out: string[] = [];
    for (let i = 0; i < text.length; ) {
      let j = Math.min(text.length, i + cut);
      if (j < text.length && /[\ud800-\udbff]/.test(text[j - 1]!) && /[\udc00-\udfff]/.test(text[j]!)) j++;
      out.push(text.slice(i, j));
      i = j;
    }
    return out;
  };
  const chunks = [...printJsonBytes(items, pieces, chunkBytes)];
  for (const c of chunks.slice(0, -1)) assert.ok(c.length <= Math.max(chunkBytes ?? 1 << 18, 3 * cut + 6), `chunk of ${c.length} bytes`);
  return Buffer.concat(chunks).toString('utf8');
};

test('an empty list prints as []', () => {
  assert.is(printed([]), '[]\n');
  assert.is(printedBytes([]), '[]\n');
});

test('golden request files print identically, at any chunk size', () => {
  const root = new URL('./fixtures/', import.meta.url).pathname;
  for (const dir of readdirSync(root)) {
    const requests = JSON.parse(readFileSync(join(root, dir, 'request.json'), 'utf8')) as unknown[];
    for (const chunk of [1, 7, 100, undefined]) assert.is(printed(requests, chunk), expected(requests), `${dir}, chunks of ${chunk} bytes`);
    for (const bytes of [1, 16, 300, undefined]) assert.is(printedBytes(requests, bytes, 40), expected(requests), `${dir}, chunks of ${bytes} bytes`);
  }
});

test('hostile strings, nesting and values without a JSON form print as JSON.stringify does', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\r', '\u2028', '\u0001', '\ud800', '\ud83d\ude00', ' ', '{', ']', ',') });
  const value = fc.oneof(text, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.dictionary(text, text), fc.array(text));
  fc.assert(fc.property(fc.array(value), fc.integer({ min: 1, max: 64 }), (items, chunk) => printed(items, chunk) === expected(items)), { numRuns: 300 });
  // As bytes: lone surrogates become U+FFFD in UTF-8, as they would written from one string.
  const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
  fc.assert(fc.property(fc.array(value), fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: 9 }), (items, bytes, cut) => printedBytes(items, bytes, cut) === utf8(expected(items))), { numRuns: 300 });
});

test('chunks are about the requested size, and no larger', () => {
  const items = Array.from({ length: 100 }, (_, i) => ({ id: `item ${i}` }));
  const chunks = [...printJsonBytes(items, undefined, 256)];
  assert.ok(chunks.length > 5);
  // A chunk is closed when the next piece might not fit: at most 3 bytes a code unit.
  const longest = Math.max(...items.map((i) => elementText(i).length));
  for (const c of chunks.slice(0, -1)) assert.ok(c.length <= 256 && c.length > 256 - 3 * longest, `chunk of ${c.length}`);
});

test.run();
