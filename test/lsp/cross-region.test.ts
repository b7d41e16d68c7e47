// `restorec lsp` on a cross-region spec (test/lsp/fixtures/cross-region): it lints clean against
// the snapshot's cross-region source, hover and completion read that source, and the outline
// names the cross-region statements.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionList, DocumentSymbol, Hover, Location } from 'vscode-languageserver-protocol';
import { killServers, LspClient, positionOf } from '../helpers/lsp.ts';

test.after.each(killServers);

const DIR = 'test/lsp/fixtures/cross-region';
const SPEC = join(DIR, 'dr.restore');
const TEXT = readFileSync(SPEC, 'utf8');

async function session(text = TEXT) {
  const c = new LspClient();
  await c.initialize(DIR);
  const uri = await c.open(SPEC, text);
  const { diagnostics } = await c.diagnostics(uri, 1);
  const hover = async (needle: string, offset = 1) => {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
    return h === null ? null : (h.contents as { value: string }).value;
  };
  const complete = async (needle: string, offset: number) => (await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, offset) })).items.map((i) => i.label);
  return { c, uri, diagnostics, hover, complete };
}

test('diagnostics, hover and outline of a cross-region spec', async () => {
  const { c, uri, diagnostics, hover } = await session();
  assert.equal(diagnostics.map((d) => d.message), [], 'it lints clean against the snapshot\'s cross-region source');
  assert.match(String(await hover('12490231')), /^\*\*Cross-region backup 12490231\*\* of rm-bp1srcprodxxxxxxx: succeeded, data as of 2026-11-19T18:41:02Z, stored in cn-shanghai, restores to cn-shanghai$/);
  assert.match(String(await hover('rm-bp1srcprodxxxxxxx')), /^Cross-region source in the snapshot: \*\*rm-bp1srcprodxxxxxxx\*\* in `cn-hangzhou`: 2 cross-region backup set\(s\), 2 succeeded; cross-region recovery window 2026-11-19T18:41:02Z to 2026-11-20T03:51:20Z\.$/);
  assert.match(String(await hover('order_items_*')), /^`order_items_\*` restores 4 tables of cross-region backup 12490231 of rm-bp1srcprodxxxxxxx \(cn-hangzhou\):\n\n```text\nshop\.order_items_2026 +→ shop\.order_items_2026\n/);
  // Go to definition: into the snapshot's cross-region contents of the set restored.
  const snapshot = readFileSync(join(DIR, 'dr.inventory.json'), 'utf8').split('\n');
  const defs = await c.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'table orders', 7) });
  assert.equal(defs.map((l) => snapshot[l.range.start.line]!.slice(l.range.start.character, l.range.end.character)), ['"orders"']);
  assert.ok(defs[0]!.range.start.line > snapshot.findIndex((l) => l.includes('"BackupId": "12490231"')), 'in the contents of 12490231');
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.map((s) => [s.name, s.detail ?? '']).slice(0, 3), [
    ['instance rm-uf6drstandbyxxxxx', ''],
    ['from cross-region backup 12490231', 'RestoreDdrTable'],
    ['from region cn-hangzhou instance rm-bp1srcprodxxxxxxx', 'cross-region source'],
  ]);
  assert.is(await c.stop(), 0);
});

// Newlines are not significant: an unfinished statement takes the next word, so it goes last.
for (const [what, text, expected] of [
  ['a cross-region backup id', 'instance rm-uf6drstandbyxxxxx\nfrom cross-region backup ', ['12490117', '12490231']],
  ['the source region', 'instance rm-uf6drstandbyxxxxx\nat 2026-11-20T03:15:00Z\nfrom region ', ['cn-hangzhou']],
  ['the source instance', 'instance rm-uf6drstandbyxxxxx\nat 2026-11-20T03:15:00Z\nfrom region cn-hangzhou instance ', ['rm-bp1srcprodxxxxxxx']],
] as const) {
  test(`completion: ${what} from the snapshot's cross-region source`, async () => {
    const { c, complete } = await session(text);
    assert.equal(await complete(text, text.length), [...expected]);
    assert.is(await c.stop(), 0);
  });
}

test.run();
