// `restorec lsp` and the config's `timeZone`: a time without a zone gets the configured zone in
// its help (with the UTC time) and as its fix, and hover shows `at` times in that zone when the
// editor sets no restorec.timeZone of its own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { killServers, LspClient, positionOf } from '../helpers/lsp.ts';

test.after.each(killServers);

const dir = mkdtempSync(join(tmpdir(), 'restorec-tz-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'restorec.config.json'), JSON.stringify({ timeZone: 'Asia/Shanghai' }));
const SPEC = join(dir, 'incident.restore');

test('a time without a zone: the configured zone in the help and as the fix; never Z', async () => {
  const text = 'instance rm-1\nat 2026-11-20 11:15\nrestore db shop < table orders as orders_r >\n';
  const c = new LspClient(); // runs with TZ=UTC, as CI does: the machine's zone is not named
  await c.initialize(dir);
  const uri = await c.open(SPEC, text);
  const { diagnostics } = await c.diagnostics(uri, 1);
  const d = diagnostics.find((x) => x.code === 'syntax/invalid-timestamp')!;
  assert.ok(d, JSON.stringify(diagnostics));
  const message = String(d.message);
  assert.match(message, /has no time zone/);
  assert.match(message, /`2026-11-20 11:15 Asia\/Shanghai` \(the zone in restorec\.config\.json\) is 2026-11-20T03:15:00Z/);
  assert.not.match(message, /11:15:00Z/);
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  assert.equal(actions.map((a) => a.title), ['Replace `2026-11-20 11:15` with `2026-11-20 11:15 Asia/Shanghai`']);
  const fixed = TextDocument.applyEdits(TextDocument.create('x', 'restore', 1, text), Object.values(actions[0]!.edit!.changes!)[0]!);
  assert.match(fixed, /^at 2026-11-20 11:15 Asia\/Shanghai$/m);
  assert.is(await c.stop(), 0);
});

test('hover shows an `at` time in the config\'s zone when restorec.timeZone is not set, and in the setting\'s when it is', async () => {
  const text = 'instance rm-1\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as orders_r >\n';
  for (const [options, shown] of [[{}, /Asia\/Shanghai: 2026-11-20 11:15:00 \(GMT\+08:00\)/], [{ timeZone: 'Europe/Berlin' }, /Europe\/Berlin: 2026-11-20 04:15:00 \(GMT\+01:00\)/]] as const) {
    const c = new LspClient();
    await c.initialize(dir, options);
    const uri = await c.open(SPEC, text);
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '2026-11-20T03', 2) });
    assert.match(JSON.stringify(h?.contents), shown);
    assert.is(await c.stop(), 0);
  }
});

test.run();
