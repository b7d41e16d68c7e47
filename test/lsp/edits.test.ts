// `restorec lsp` over stdio: formatting (the printer `restorec fmt` uses) and code actions
// (each diagnostic's fix, applied to the text, gives the intended spec).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { killServers, LspClient, positionOf } from '../helpers/lsp.ts';
import { restorec } from '../helpers/cli.ts';

test.after.each(killServers);

const SHOP = 'test/lsp/fixtures/shop';
const SPEC = join(SHOP, 'shop.restore');
const TEXT = readFileSync(SPEC, 'utf8');

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'restore', 1, text), edits);

async function opened(text: string) {
  const c = new LspClient();
  await c.initialize(SHOP);
  const uri = await c.open(SPEC, text);
  const { diagnostics } = await c.diagnostics(uri, 1);
  const actions = (range: Diagnostic['range'], only: Diagnostic[] = diagnostics) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: only } });
  return { c, uri, diagnostics, actions };
}

test('formatting gives exactly what `restorec fmt` writes, as one minimal edit', async () => {
  const messy = 'INSTANCE   rm-shop0000000000001\nat 2026-11-20T03:15:00Z\n\n\n\nRESTORE DATABASE shop_eu <table orders as orders_r,\n   except table   order_items_tmp*\n   table order_items_*>   # keep\n';
  const fmt = restorec(['fmt', '--stdout', '-'], { input: messy });
  assert.is(fmt.status, 0, fmt.stderr);
  const { c, uri } = await opened(messy);
  const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.is(edits.length, 1);
  assert.is(apply(messy, edits), fmt.stdout);
  assert.equal(edits[0]!.range.start, { line: 0, character: 0 }, 'the first line changes, so the edit starts there');
  // Formatted already: no edits at all.
  await c.change(uri, 2, [{ text: fmt.stdout }]);
  assert.equal(await c.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  // With a syntax error, fmt refuses and so does the server: nothing is rewritten.
  await c.change(uri, 3, [{ text: 'instance rm-x\nrestore db shop < table orders\n' }]);
  assert.is(await c.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
  assert.is(await c.stop(), 0);
});

test('formatting a CRLF document keeps CRLF, as `restorec fmt` does', async () => {
  const messy = 'INSTANCE   rm-shop0000000000001\r\nat 2026-11-20T03:15:00Z\r\n\r\n\r\nRESTORE DATABASE shop_eu <table orders as orders_r>\r\n';
  const fmt = restorec(['fmt', '--stdout', '-'], { input: messy });
  assert.is(fmt.status, 0, fmt.stderr);
  assert.match(fmt.stdout, /^instance rm-shop0000000000001\r\n/);
  assert.not.match(fmt.stdout, /[^\r]\n/);
  const { c, uri } = await opened(messy);
  const edits = await c.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.is(apply(messy, edits), fmt.stdout);
  assert.is(await c.stop(), 0);
});

test('code action: a did-you-mean table name from the snapshot', async () => {
  const { c, diagnostics, actions } = await opened(TEXT);
  const missing = diagnostics.find((d) => d.code === 'source-missing')!;
  const got = await actions(missing.range, [missing]);
  assert.equal(got.map((a) => [a.title, a.kind, a.isPreferred]), [['Replace `sesions` with `sessions`', 'quickfix', true]]);
  const fixed = apply(TEXT, Object.values(got[0]!.edit!.changes!)[0]!);
  assert.match(fixed, /table events_2026\* as events_2026\*, table sessions >\n$/);
  // The same action when the client does not send the diagnostic's data back.
  const { data: _drop, ...bare } = missing;
  assert.equal((await actions(missing.range, [bare])).map((a) => a.title), ['Replace `sesions` with `sessions`']);
  assert.is(await c.stop(), 0);
});

test('code action: a misspelt keyword and a missing `>`', async () => {
  const text = 'instance rm-shop0000000000001\nat 2026-11-20T03:15:00Z\nrestor db crm\nrestore db shop_eu < table orders as orders_x\n';
  const { c, diagnostics, actions } = await opened(text);
  assert.equal(diagnostics.map((d) => d.code), ['syntax/unexpected-token', 'syntax/missing-close']);
  const all = await actions({ start: { line: 0, character: 0 }, end: { line: 4, character: 0 } });
  assert.equal(all.map((a) => a.title), ['Replace `restor` with `restore`', 'Insert `>`']);
  let fixed = text;
  for (const a of all) fixed = apply(fixed, Object.values(a.edit!.changes!)[0]!);
  assert.is(fixed, 'instance rm-shop0000000000001\nat 2026-11-20T03:15:00Z\nrestore db crm\nrestore db shop_eu < table orders as orders_x >\n');
  assert.is(await c.stop(), 0);
});

test('code action: a timestamp in the wrong form, an unclosed backquote', async () => {
  const text = 'instance rm-shop0000000000001\nat 2026-11-20 03:15+08:00\nrestore db `crm\n';
  const { c, diagnostics, actions } = await opened(text);
  assert.equal(diagnostics.map((d) => d.code), ['syntax/invalid-timestamp', 'syntax/unterminated-backquote']);
  const all = await actions({ start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
  assert.equal(all.map((a) => a.title), ['Replace `2026-11-20 03:15+08:00` with `2026-11-20T03:15:00+08:00`', 'Insert `` ` ``']);
  let fixed = text;
  for (const a of all) fixed = apply(fixed, Object.values(a.edit!.changes!)[0]!);
  assert.is(fixed, 'instance rm-shop0000000000001\nat 2026-11-20T03:15:00+08:00\nrestore db `crm`\n');
  assert.is(await c.stop(), 0);
});

test('code action: an unused suppression is removed, an unknown rule id gets the closest one', async () => {
  const text = TEXT.replace('# restorec-disable-next-line target-exists', '# restorec-disable-next-line target-exist, source-missing');
  const { c, diagnostics, actions } = await opened(text);
  const unknown = diagnostics.find((d) => d.code === 'lint/unknown-rule')!;
  assert.ok(unknown, JSON.stringify(diagnostics.map((d) => d.code)));
  const rename = await actions(unknown.range, [unknown]);
  assert.equal(rename.map((a) => a.title), ['Replace `target-exist` with `target-exists`']);
  const unused = diagnostics.find((d) => d.code === 'lint/unused-suppression' && d.range.start.line === 11)!;
  const remove = await actions(unused.range, [unused]);
  assert.equal(remove.map((a) => a.title), ['Remove the unused suppression of `empty-database`']);
  const fixed = apply(text, Object.values(remove[0]!.edit!.changes!)[0]!);
  assert.not.match(fixed, /empty-database/);
  assert.match(fixed, />\n\nrestore db crm as crm_20261120\n# restorec-disable-next-line target-exist/, 'the whole comment line goes');
  assert.is(await c.stop(), 0);
});

test('code action: an offset `at` time rewritten in UTC (a refactoring, not a problem)', async () => {
  const { c, actions } = await opened(TEXT);
  const at = positionOf(TEXT, '2026-11-20T11:15', 3);
  const got = await actions({ start: at, end: at }, []);
  assert.equal(got.map((a) => [a.title, a.kind]), [['Write the time in UTC (`2026-11-20T03:15:00Z`)', 'refactor.rewrite']]);
  assert.match(apply(TEXT, Object.values(got[0]!.edit!.changes!)[0]!), /\nat 2026-11-20T03:15:00Z\n/);
  assert.equal(await actions({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), [], 'elsewhere: none');
  assert.is(await c.stop(), 0);
});

test.run();
