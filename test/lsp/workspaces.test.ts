// `restorec lsp` over stdio on workspaces that are not in order: no snapshot beside the spec, a
// broken config, a broken snapshot, hostile input. The server keeps answering and says what
// is missing, where.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { killServers, LspClient, positionOf, uriOf } from '../helpers/lsp.ts';
import { restorec, tempDir } from '../helpers/cli.ts';

test.after.each(killServers);

const F = 'test/lsp/fixtures';
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`);

test('no snapshot: offline lint, a note naming the skipped rules, and hover says how to get one', async () => {
  const spec = join(F, 'no-snapshot/spec.restore');
  const text = readFileSync(spec, 'utf8');
  const c = new LspClient();
  await c.initialize(join(F, 'no-snapshot'));
  const uri = await c.open(spec);
  const { diagnostics } = await c.diagnostics(uri, 1);
  assert.equal(codes(diagnostics), ['1 3 editor/rules-skipped']);
  const note = String(diagnostics[0]!.message);
  // The same rules `restorec lint --no-live` names as skipped.
  const cli = restorec(['lint', '--no-live', spec]);
  const skipped = /without an inventory: (.*)$/m.exec(cli.stderr)![1]!;
  assert.ok(note.startsWith(`${skipped.split(', ').length} rules skipped without an inventory (no spec.inventory.json beside this spec): ${skipped}\n`), note);
  const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'orders', 1) });
  assert.match((hover.contents as { value: string }).value, /^No snapshot beside this spec \(`spec\.inventory\.json`\): `restorec inventory pull` writes one/);
  // Keywords still complete; there are no names to offer.
  const kw = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'orders_restored >', 16) });
  assert.equal(kw.items.map((i) => i.label).sort(), ['except table', 'table']);
  const names = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'table orders', 6) });
  assert.equal(names.items, []);
  assert.is(await c.stop(), 0);
});

test('broken config: one error on line 1 that links to the bad line of the config; syntax is still checked', async () => {
  const dir = join(F, 'broken-config');
  const c = new LspClient();
  await c.initialize(dir);
  const uri = await c.open(join(dir, 'spec.restore'));
  const { diagnostics } = await c.diagnostics(uri, 1);
  assert.equal(codes(diagnostics), ['1 1 editor/config-error']);
  const d = diagnostics[0]!;
  assert.match(String(d.message), /restorec\.config\.json has a problem \(docs\/config\.md describes the config\); only syntax is checked until it is fixed\n.*restorec\.config\.json:4:5: unknown rule "no-such-rule" \(`restorec rules` lists the rule ids\)$/);
  assert.equal(d.relatedInformation?.map((r) => [r.location.uri.endsWith('/broken-config/restorec.config.json'), r.location.range.start.line, r.message]), [[true, 3, 'unknown rule "no-such-rule" (`restorec rules` lists the rule ids)']]);
  // Lint itself refuses this config (exit 2) with the same words.
  const cli = restorec(['lint', 'spec.restore'], { cwd: dir });
  assert.is(cli.status, 2);
  assert.match(cli.stderr, /restorec\.config\.json:4:5: unknown rule "no-such-rule"/);
  await c.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } }, text: 'restor' }]);
  const v2 = await c.diagnostics(uri, 2);
  assert.equal(codes(v2.diagnostics), ['1 1 editor/config-error', '4 1 syntax/unexpected-token']);
  assert.is(await c.stop(), 0);
});

test('a config error with a position links to that line of the config file', async () => {
  const dir = tempDir();
  copyFileSync(join(F, 'broken-config/spec.restore'), join(dir, 'spec.restore'));
  copyFileSync(join(F, 'broken-config/spec.inventory.json'), join(dir, 'spec.inventory.json'));
  writeFileSync(join(dir, 'restorec.config.json'), '{\n  "rules": {\n    "target-exists": "loud"\n  }\n}\n');
  const c = new LspClient();
  await c.initialize(dir);
  const uri = await c.open(join(dir, 'spec.restore'));
  const [d] = (await c.diagnostics(uri, 1)).diagnostics;
  assert.is(d!.code, 'editor/config-error');
  const link = d!.relatedInformation?.[0];
  assert.ok(link, JSON.stringify(d));
  assert.is(link!.location.uri, uriOf(join(dir, 'restorec.config.json')));
  assert.is(link!.location.range.start.line, 2, 'the line of "target-exists": "loud"');
  // Fixing the config on disk: the next change picks it up (files are re-read when they change).
  writeFileSync(join(dir, 'restorec.config.json'), '{ "rules": { "target-exists": "warn" } }\n');
  await c.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# fixed\n' }]);
  assert.equal(codes((await c.diagnostics(uri, 2)).diagnostics), []);
  assert.is(await c.stop(), 0);
});

test('a config setting points the server at another config, like --config', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'ci'));
  copyFileSync(join(F, 'shop/shop.restore'), join(dir, 'shop.restore'));
  copyFileSync(join(F, 'shop/shop.inventory.json'), join(dir, 'shop.inventory.json'));
  writeFileSync(join(dir, 'ci/strict.json'), '{ "rules": { "target-exists": "off", "unused-except": "off" } }\n');
  const c = new LspClient();
  await c.initialize(dir, { config: 'ci/strict.json' });
  const uri = await c.open(join(dir, 'shop.restore'));
  // target-exists is off, so its suppression on line 14 now suppresses nothing either.
  assert.equal(codes((await c.diagnostics(uri, 1)).diagnostics), ['12 2 lint/unused-suppression', '14 2 lint/unused-suppression', '15 1 source-missing']);
  assert.is(await c.stop(), 0);
});

test('the server has the editor watch configs and snapshots, and re-lints open specs when one changes', async () => {
  const dir = tempDir();
  copyFileSync(join(F, 'shop/shop.restore'), join(dir, 'shop.restore'));
  const c = new LspClient();
  const registered = new Promise<unknown>((resolve) =>
    c.connection.onRequest('client/registerCapability', (p: unknown) => {
      resolve(p);
      return null;
    }),
  );
  await c.initialize(dir, {}, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  const reg = (await registered) as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] };
  assert.equal(reg.registrations.map((r) => [r.method, r.registerOptions.watchers.map((w) => w.globPattern)]), [
    ['workspace/didChangeWatchedFiles', ['**/*.inventory.json', '**/restorec.config.json']],
  ]);
  const uri = await c.open(join(dir, 'shop.restore'));
  // Offline, line 15 restores `analytics` tables onto themselves: the spec alone shows it.
  assert.equal(codes((await c.diagnostics(uri, 1)).diagnostics), ['15 1 in-place-restore', '15 1 in-place-restore', '1 3 editor/rules-skipped']);
  // `restorec inventory pull` writes the snapshot: the editor reports it, the spec is linted again.
  copyFileSync(join(F, 'shop/shop.inventory.json'), join(dir, 'shop.inventory.json'));
  const again = new Promise<Diagnostic[]>((resolve) => c.connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Diagnostic[] }) => resolve(p.diagnostics)));
  await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, 'shop.inventory.json')), type: 1 }] });
  assert.equal(codes(await again), ['6 1 target-exists', '9 2 unused-except', '12 2 lint/unused-suppression', '15 1 source-missing']);
  assert.is(await c.stop(), 0);
});

test('broken snapshot: an error on line 1 naming it, and the rules that need none still run', async () => {
  const dir = join(F, 'broken-snapshot');
  const c = new LspClient();
  await c.initialize(dir);
  const uri = await c.open(join(dir, 'spec.restore'));
  const { diagnostics } = await c.diagnostics(uri, 1);
  assert.equal(codes(diagnostics), ['1 1 editor/snapshot-error']);
  assert.is(diagnostics[0]!.relatedInformation?.[0]?.location.range.start.line, 2, 'links to the bad line of the snapshot');
  assert.match(String(diagnostics[0]!.message), /spec\.inventory\.json is not a valid inventory snapshot; linted without it\n.*spec\.inventory\.json:3:15: instance: missing required field "EngineVersion"\n/);
  assert.is(await c.stop(), 0);
});

test('a snapshot or config over its limit is refused unread, as the CLI refuses it', async () => {
  // Sparse files: their size is all the server may look at.
  const dir = tempDir();
  copyFileSync(join(F, 'broken-snapshot/spec.restore'), join(dir, 'spec.restore'));
  writeFileSync(join(dir, 'spec.inventory.json'), '');
  truncateSync(join(dir, 'spec.inventory.json'), 256 * 1024 * 1024 + 1);
  const c = new LspClient();
  await c.initialize(dir);
  const uri = await c.open(join(dir, 'spec.restore'));
  const { diagnostics } = await c.diagnostics(uri, 1);
  assert.equal(codes(diagnostics), ['1 1 editor/snapshot-error']);
  assert.match(String(diagnostics[0]!.message), /cannot read the inventory snapshot .*spec\.inventory\.json: it is 268435457 bytes \(256 MiB\); snapshots larger than 256 MiB are refused unread/);
  writeFileSync(join(dir, 'restorec.config.json'), '');
  truncateSync(join(dir, 'restorec.config.json'), 1024 * 1024 + 1);
  await c.change(uri, 2, [{ text: readFileSync(join(dir, 'spec.restore'), 'utf8') + '\n' }]);
  const after = (await c.diagnostics(uri, 2)).diagnostics.map((d) => String(d.message));
  assert.ok(after.some((m) => /cannot read config file .*restorec\.config\.json: it is 1048577 bytes \(1 MiB\); a config larger than 1 MiB is refused unread/.test(m)), after.join('\n'));
  assert.is(await c.stop(), 0);
});

test('hostile input: a file over 1 MiB, binary bytes, random text; the server never dies', async () => {
  const c = new LspClient();
  await c.initialize(join(F, 'shop'));
  const uri = await c.open(join(F, 'shop/huge.restore'), 'instance x\n' + '#'.repeat(1024 * 1024 + 1));
  assert.equal((await c.diagnostics(uri, 1)).diagnostics.map((d) => d.code), ['input/too-large']);
  await c.change(uri, 2, [{ text: 'instance \u0000\ud800 `unclosed\nrestore db < table [z-a] as {{ >' }]);
  assert.ok((await c.diagnostics(uri, 2)).diagnostics.length > 0);
  let version = 2;
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: fc.constantFrom('restore', ' db ', 'table', ' as ', '<', '>', ',', '`', '*', '{name}', '\n', '#', ' restorec-disable-file ', 'x', '2026-11-20T03:15:00Z', '\u00e9', '.'), maxLength: 40 }), fc.nat(200), async (text, at) => {
      version++;
      await c.change(uri, version, [{ text }]);
      await c.diagnostics(uri, version);
      const offset = Math.min(at, text.length);
      const p = { line: text.slice(0, offset).split('\n').length - 1, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) await c.request(method, { textDocument: { uri }, position: p });
      await c.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: p }, context: { diagnostics: [] } });
    }),
    { numRuns: 150, seed: 20261120 },
  );
  assert.not.match(c.stderr, /internal error/);
  assert.is(await c.stop(), 0);
});

test('completion in a very long block still knows it is in the block, and the enclosing database', async () => {
  const dir = tempDir();
  copyFileSync(join(F, 'shop/shop.inventory.json'), join(dir, 'long.inventory.json'));
  const text = 'instance rm-shop0000000000001\nat 2026-11-20T03:15:00Z\nrestore db crm <\n' + '  table contacts as contacts_x\n'.repeat(20_000) + '  table \n>\n';
  const c = new LspClient();
  await c.initialize(dir);
  const uri = await c.open(join(dir, 'long.restore'), text);
  await c.diagnostics(uri, 1);
  const at = (needle: string, offset: number) => positionOf(text, needle, offset, 1);
  const names = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at('  table \n>', 8) });
  assert.equal(names.items.map((i) => i.label), ['contacts', 'deals']);
  const keywords = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at('  table \n>', 2) });
  assert.equal(keywords.items.map((i) => i.label).sort(), ['except table', 'table']);
  assert.is(await c.stop(), 0);
});

test('`restorec lsp --no-stdio` is a usage error; help lists the command', () => {
  const r = restorec(['lsp', '--no-stdio']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /restorec lsp talks over stdio only/);
  assert.match(restorec(['--help']).stdout, /restorec lsp\s+Run the language server for editors/);
});

test.run();
