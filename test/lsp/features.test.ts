// `restorec lsp` over stdio: hover, completion, document symbols and go-to-definition on the
// shop fixture workspace (a spec, its snapshot and a config).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import MarkdownIt from 'markdown-it';
import { join } from 'node:path';
import type { CompletionList, DocumentSymbol, Hover, Location } from 'vscode-languageserver-protocol';
import { killServers, LspClient, positionOf, uriOf } from '../helpers/lsp.ts';

test.after.each(killServers);

const SHOP = 'test/lsp/fixtures/shop';
const SPEC = join(SHOP, 'shop.restore');
const TEXT = readFileSync(SPEC, 'utf8');

async function session(options: object = {}, text = TEXT) {
  const c = new LspClient();
  await c.initialize(SHOP, options);
  const uri = await c.open(SPEC, text);
  await c.diagnostics(uri, 1);
  const hover = async (needle: string, offset = 1, nth = 1) => {
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset, nth) });
    return h === null ? null : (h.contents as { value: string }).value;
  };
  const complete = async (needle: string, offset: number, nth = 1) =>
    (await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, offset, nth) })).items.map((i) => i.label);
  return { c, uri, hover, complete };
}

test('hover on a database pattern lists the databases it matches and their targets', async () => {
  const { c, hover } = await session();
  assert.is(
    await hover('shop_*'),
    '`shop_*` restores 2 databases (6 tables in all) of the backup contents at 2026-11-20T03:15:00Z:\n\n```text\nshop_eu → shop_eu  (3 tables)\nshop_us → shop_us  (3 tables)\n```',
  );
  assert.match(String(await hover('crm_20261120')), /restores 1 database \(2 tables in all\)[^]*crm → crm_20261120 {2}\(all 2 tables\)/);
  assert.is(await c.stop(), 0);
});

test('hover on a table pattern lists source → target from the snapshot, first N and a count', async () => {
  const { c, hover } = await session({ hoverLimit: 2 });
  assert.is(
    await hover('order_items_*'),
    '`order_items_*` restores 4 tables of the backup contents at 2026-11-20T03:15:00Z:\n\n```text\n' +
      'shop_eu.order_items_2025 → shop_eu.order_items_2025_r\nshop_eu.order_items_2026 → shop_eu.order_items_2026_r\n… and 2 more\n```',
  );
  // The target name shows the same item; except shows what it leaves out.
  assert.match(String(await hover('{name}_r')), /^`order_items_\*` restores 4 tables/);
  assert.match(String(await hover('order_items_tmp*')), /leaves out 1 table the block's patterns would restore:\n\n```text\nshop_eu\.order_items_tmp1\n```/);
  assert.match(String(await hover('customers_*')), /matches no table/);
  assert.is(await c.stop(), 0);
});

test('hover on a rule id in a suppression comment: its description and configured severity', async () => {
  const { c, hover } = await session();
  const text = String(await hover('empty-database'));
  assert.match(text, /^\*\*empty-database\*\* \(warn in restorec\.config\.json\)\n\nA database restored without a block has no tables in the backup/);
  assert.match(text, /\[Documentation\]\(file:\/\/.*\/docs\/rules\/empty-database\.md\)/);
  assert.match(String(await hover('target-exists')), /^\*\*target-exists\*\* \(error in restorec\.config\.json\)/);
  assert.is(await hover('Bring back'), null, 'an ordinary comment has no hover');
  assert.is(await c.stop(), 0);
});

test('hover on a time: the instant in UTC and in the configured zone', async () => {
  const { c, hover } = await session({ timeZone: 'America/New_York' });
  assert.is(
    await hover('2026-11-20T11:15'),
    '**2026-11-20T11:15:00+08:00**  \nUTC: 2026-11-20T03:15:00Z (the time the request carries)  \nAmerica/New_York: 2026-11-19 22:15:00 (GMT-05:00)  \n' +
      'Recovery window in the snapshot: 2026-11-13T04:00:00Z to 2026-11-20T03:58:40Z',
  );
  assert.is(await c.stop(), 0);
  const bad = await session({ timeZone: 'Mars/Olympus' });
  assert.match(String(await bad.hover('2026-11-20T11:15')), /`Mars\/Olympus` is not an IANA zone name/);
  assert.is(await bad.c.stop(), 0);
});

test('hover shows names and facts from a hostile snapshot as text: no image, link, HTML or broken block', async () => {
  // Editors render hovers as Markdown, with images and links; snapshot values are someone else's data.
  const dir = mkdtempSync(join(tmpdir(), 'restorec-lsp-'));
  cpSync(SHOP, dir, { recursive: true });
  const inventoryFile = join(dir, 'shop.inventory.json');
  const inventory = JSON.parse(readFileSync(inventoryFile, 'utf8'));
  const hostile = ['order_items_\n```\n![x](https://e.example/p.png)', 'order_items_x``y`', 'order_items_<img src=x>'];
  inventory.contents[0].Databases[0].Tables.push(...hostile);
  inventory.instance.DBInstanceStatus = 'Running ![t](https://e.example/t.png) <b>x</b>\u202e\u001b[2J';
  writeFileSync(inventoryFile, JSON.stringify(inventory));
  const c = new LspClient();
  await c.initialize(dir, {});
  const spec = join(dir, 'shop.restore');
  const uri = await c.open(spec, TEXT);
  // The status is not Running: instance-status quotes it, and editors show messages as plain text.
  const published = await c.diagnostics(uri, 1);
  const status = published.diagnostics.find((d) => d.code === 'instance-status');
  assert.ok(status, JSON.stringify(published.diagnostics.map((d) => d.code)));
  const text = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);
  assert.ok(text(status.message).includes('<b>x</b>\\u202e\\u001b[2J'), text(status.message));
  for (const d of published.diagnostics) assert.not.match(text(d.message), /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `raw control or bidi character in: ${text(d.message)}`);
  const hover = async (needle: string) => ((await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, 1) }))!.contents as { value: string }).value;
  const md = new MarkdownIt('commonmark', { html: true });
  const tables = md.render(await hover('order_items_*'));
  assert.not.match(tables, /<img|<a |<b>/, tables);
  assert.is(tables.match(/<pre>/g)?.length, 1, 'one block lists the tables');
  assert.ok(tables.includes('order_items_\\u000a```\\u000a![x](https://e.example/p.png)'), 'the name shows, its line breaks escaped');
  assert.ok(tables.includes('order_items_x``y`'));
  const facts = md.render(await hover('rm-shop'));
  assert.not.match(facts, /<img|<a |<b>/, facts);
  assert.match(facts, /Running !\[t\]\(https:\/\/e\.example\/t\.png\) &lt;b&gt;x&lt;\/b&gt;\\u202e\\u001b\[2J/);
  assert.is(await c.stop(), 0);
});

test('hover on the instance id shows the snapshot facts', async () => {
  const { c, hover } = await session();
  assert.is(await hover('rm-shop'), '**rm-shop0000000000001** in the snapshot of 2026-11-20T04:02:11Z: MySQL 8.0, HighAvailability, Running, lower_case_table_names=1');
  assert.is(await c.stop(), 0);
});

test('hover on a backup id shows the backup from the snapshot', async () => {
  const text = TEXT.replace('at 2026-11-20T11:15:00+08:00', 'from backup 9026262');
  const { c, hover } = await session({}, text);
  assert.is(await hover('9026262'), '**Backup 9026262**: Success, Physical, FullBackup, 2026-11-19T18:00Z to 2026-11-19T18:41Z, meta OK');
  assert.is(await c.stop(), 0);
});

test('completion: statement keywords at the top, then what the grammar allows next', async () => {
  const text = TEXT + '\nrestore db crm < ta';
  const { c, complete } = await session({}, text);
  assert.equal(await complete('# Bring', 3), [], 'none inside an ordinary comment');
  assert.equal((await complete('restore db shop_*', 0)).sort(), ['at', 'from backup', 'from cross-region backup', 'from region', 'instance', 'instant recovery', 'region', 'restore db']);
  assert.equal(await complete('< ta', 4), ['table']);
  // The block is optional, so a new statement may follow too.
  assert.equal((await complete('restore db shop_* ', 18)).sort(), ['as', 'at', 'except db', 'from backup', 'from cross-region backup', 'from region', 'instance', 'instant recovery', 'region', 'restore db']);
  assert.equal((await complete('  except table order', 2)).sort(), ['except table', 'table']);
  assert.is(await c.stop(), 0);
});

test('completion: databases from the snapshot, and tables of the enclosing restore db only', async () => {
  // (Newlines are not significant: an unfinished `restore db` takes the next word as its name,
  // so it goes last.)
  const text = TEXT + '\nrestore db crm < table  >\nrestore db shop_* < except table order_ >\nrestore db ';
  const { c, complete } = await session({}, text);
  assert.equal(await complete('order_ >\nrestore db ', 20), ['shop_eu', 'shop_us', 'crm', 'analytics']);
  assert.equal(await complete('restore db crm < table  >', 23), ['contacts', 'deals']);
  assert.equal(await complete('except table order_ >', 19), ['order_items_2025', 'order_items_2026', 'order_items_tmp1']);
  assert.equal(await complete('restore db analytics', 12), ['analytics'], 'a typed prefix filters');
  assert.equal(await complete('as orders_restored', 4), [], 'a target is a new name: nothing to offer');
  assert.equal(await complete('instance ', 9), ['rm-shop0000000000001']);
  assert.equal(await complete('at ', 3), ['2026-11-20T03:15:00Z'], 'the snapshot\'s points in time, unquoted');
  assert.is(await c.stop(), 0);
});

test('completion: rule ids in suppression comments, and the directive itself', async () => {
  const text = TEXT + '\n# restorec-disable-next-line target-exists, \n# restorec-dis';
  const { c, complete } = await session({}, text);
  const ids = await complete('target-exists, ', 15);
  assert.ok(ids.includes('unused-except') && ids.includes('source-missing'), ids.join());
  assert.not.ok(ids.includes('target-exists'), 'a rule already listed is not offered again');
  assert.equal(await complete('# restorec-dis', 14, 1), ['restorec-disable-next-line', 'restorec-disable-file']);
  assert.equal(await complete('-- the live', 7), [], 'nothing after `--` (the reason)');
  assert.is(await c.stop(), 0);
});

test('document symbols: one per statement, one per block entry', async () => {
  const { c, uri } = await session();
  const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(
    symbols.map((s) => [s.name, s.detail ?? '', (s.children ?? []).map((k) => `${k.name}${k.detail ? ' ' + k.detail : ''}`)]),
    [
      ['instance rm-shop0000000000001', '', []],
      ['at 2026-11-20T11:15:00+08:00', '2026-11-20T03:15:00Z', []],
      ['restore db shop_*', '', ['table orders as orders_restored', 'table order_items_* as {name}_r', 'except table order_items_tmp*', 'except table customers_*']],
      ['restore db crm', 'as crm_20261120', []],
      ['restore db analytics', '', ['table events_2026* as events_2026*', 'table sesions']],
    ],
  );
  assert.equal(symbols[2]!.selectionRange, { start: { line: 4, character: 11 }, end: { line: 4, character: 17 } });
  assert.is(await c.stop(), 0);
});

test('go to definition: from a table item to its tables in the snapshot, from a database to its entry', async () => {
  const { c, uri } = await session();
  const snapshot = readFileSync(join(SHOP, 'shop.inventory.json'), 'utf8').split('\n');
  const at = (l: Location) => snapshot[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);
  const tables = await c.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'table orders', 7) });
  assert.equal(tables.map((l) => [l.uri, l.range.start.line + 1, at(l)]), [
    [uriOf(join(SHOP, 'shop.inventory.json')), 30, '"orders"'],
    [uriOf(join(SHOP, 'shop.inventory.json')), 31, '"orders"'],
  ]);
  const dbs = await c.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'shop_*', 1) });
  assert.equal(dbs.map((l) => at(l)), ['"shop_eu"', '"shop_us"']);
  assert.equal(await c.request('textDocument/definition', { textDocument: { uri }, position: positionOf(TEXT, 'sesions', 1) }), []);
  assert.is(await c.stop(), 0);
});

test.run();
