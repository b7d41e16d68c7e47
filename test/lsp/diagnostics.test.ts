// `restorec lsp` over stdio: diagnostics on open and on change are `restorec lint`'s, with the
// same codes, severities, positions, suppressions and config, against the snapshot beside the spec.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { killServers, LspClient } from '../helpers/lsp.ts';
import { restorec } from '../helpers/cli.ts';

const SHOP = 'test/lsp/fixtures/shop';
const SPEC = join(SHOP, 'shop.restore');

test.after.each(killServers);

const brief = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}`;

test('initialize: the server names itself and what it can do', async () => {
  const c = new LspClient();
  const init = await c.initialize(SHOP);
  assert.equal(init['serverInfo'], { name: 'restorec', version: JSON.parse(readFileSync('package.json', 'utf8')).version });
  const caps = init['capabilities'] as Record<string, unknown>;
  for (const k of ['hoverProvider', 'completionProvider', 'documentFormattingProvider', 'documentSymbolProvider', 'codeActionProvider', 'definitionProvider']) assert.ok(caps[k], k);
  assert.is(caps['textDocumentSync'], 2, 'incremental sync');
  assert.is(await c.stop(), 0, 'shutdown then exit ends the server with 0');
});

test('didOpen: the same findings as `restorec lint` on the same file, with its config and snapshot', async () => {
  const cli = restorec(['lint', '--format', 'json', 'shop.restore'], { cwd: SHOP });
  assert.is(cli.status, 1, cli.stderr);
  const expected = JSON.parse(cli.stdout)[0].messages.map(
    (m: { line: number; column: number; endLine: number; endColumn: number; severity: number; ruleId: string | null; messageId?: string }) =>
      `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 1 : 2} ${m.ruleId ?? m.messageId}`,
  );
  const c = new LspClient();
  await c.initialize(SHOP);
  const uri = await c.open(SPEC);
  const { diagnostics, version } = await c.diagnostics(uri, 1);
  assert.is(version, 1);
  assert.equal(diagnostics.map(brief), expected);
  assert.equal(diagnostics.map(brief), [
    '6:3-6:34 1 target-exists',
    '9:16-9:27 1 unused-except', // an error only because restorec.config.json says so (default: warn)
    '12:30-12:44 2 lint/unused-suppression',
    '15:66-15:73 1 source-missing',
  ]);
  // The suppressed target-exists on line 15 is not reported; the rule's doc is linked.
  const missing = diagnostics.find((d) => d.code === 'source-missing')!;
  assert.is(missing.message, 'table `sesions` is not in database `analytics` of the backup contents at 2026-11-20T03:15:00Z\nhelp: did you mean `sessions`?');
  assert.is(missing.source, 'restorec');
  assert.match(String(missing.codeDescription?.href), /^file:\/\/.*\/docs\/rules\/source-missing\.md$/);
  assert.equal((missing.data as { fix: unknown }).fix, { range: missing.range, newText: 'sessions' });
  assert.is(await c.stop(), 0);
});

test('didChange: incremental edits get diagnostics for their version; syntax errors carry their fixes', async () => {
  const c = new LspClient();
  await c.initialize(SHOP);
  const uri = await c.open(SPEC);
  await c.diagnostics(uri, 1);
  // Line 13 `restore db crm as crm_20261120` → `restor db crm ...` (a misspelt keyword).
  await c.change(uri, 2, [{ range: { start: { line: 12, character: 6 }, end: { line: 12, character: 7 } }, text: '' }]);
  const v2 = await c.diagnostics(uri, 2);
  const typo = v2.diagnostics.find((d) => d.code === 'syntax/unexpected-token');
  assert.ok(typo, JSON.stringify(v2.diagnostics));
  // The misspelt word is underlined (not the rest of the line), and the fix replaces it.
  assert.is(brief(typo!), '13:1-13:7 1 syntax/unexpected-token');
  assert.match(String(typo!.message), /did you mean `restore`\?/);
  assert.equal((typo!.data as { fix: unknown }).fix, { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 6 } }, newText: 'restore' });
  // Put it back, then drop the closing `>` of the first block.
  await c.change(uri, 3, [{ range: { start: { line: 12, character: 6 }, end: { line: 12, character: 6 } }, text: 'e' }]);
  assert.equal((await c.diagnostics(uri, 3)).diagnostics.map((d) => d.code), ['target-exists', 'unused-except', 'lint/unused-suppression', 'source-missing']);
  await c.change(uri, 4, [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, text: '' }]);
  const v4 = await c.diagnostics(uri, 4);
  const close = v4.diagnostics.find((d) => d.code === 'syntax/missing-close')!;
  assert.ok(close, JSON.stringify(v4.diagnostics));
  assert.equal((close.data as { fix: { newText: string } }).fix.newText, ' >');
  assert.equal(close.relatedInformation?.map((r) => [r.location.range.start.line, r.message]), [[4, 'the block opened here']]);
  assert.is(await c.stop(), 0);
});

test('a burst of changes ends with the diagnostics of the last version', async () => {
  const c = new LspClient();
  await c.initialize(SHOP);
  const uri = await c.open(SPEC);
  await c.diagnostics(uri, 1);
  for (let v = 2; v <= 30; v++) {
    await c.change(uri, v, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: v % 2 ? '' : ' ' }]);
  }
  const last = await c.diagnostics(uri, 30);
  assert.is(last.diagnostics.length, 4);
  assert.is(await c.stop(), 0);
});

test('closing a document clears its diagnostics', async () => {
  const c = new LspClient();
  await c.initialize(SHOP);
  const uri = await c.open(SPEC);
  await c.diagnostics(uri, 1);
  const cleared = new Promise<Diagnostic[]>((resolve) => c.connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Diagnostic[]; version?: number }) => {
      if (p.version === undefined) resolve(p.diagnostics);
    }));
  await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.equal(await cleared, []);
  assert.is(await c.stop(), 0);
});

test.run();
