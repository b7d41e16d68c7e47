// Makes docs/images/editor.png, the screenshot in docs/editors.md, from a real render: the
// example spec (with one table name misspelt) highlighted by the extension's TextMate grammar
// (vscode-textmate + vscode-oniguruma, as VS Code does), with the diagnostics and the hover that
// the built `restorec lsp` actually returns, laid out as an editor would show them and
// screenshotted by headless Chromium. Colours are VS Code's Dark Modern theme.
//   npm run build && node scripts/render-editor-screenshot.mjs   (needs chromium: apt-get install chromium)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import protocol from 'vscode-languageserver-protocol/node';

const root = new URL('..', import.meta.url).pathname;
const SPEC = join(root, 'examples/incident-2026-11-20.restore');
const text = readFileSync(SPEC, 'utf8').replace('table orders as', 'table ordrs as');
const HOVER_AT = 'order_items_*';
const out = join(root, 'dist/screenshot');
mkdirSync(out, { recursive: true });

// 1. What the language server says about this text.
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const server = spawn(process.execPath, [join(root, 'bin/restorec.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const diagnostics = new Promise((r) => conn.onNotification('textDocument/publishDiagnostics', (p) => r(p.diagnostics)));
conn.listen();
const uri = pathToFileURL(SPEC).href;
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { timeZone: 'Asia/Shanghai', hoverLimit: 5 } });
await conn.sendNotification('initialized', {});
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restore', version: 1, text } });
const diags = await diagnostics;
const lines = text.split('\n');
const hoverLine = lines.findIndex((l) => l.includes(HOVER_AT));
const hoverChar = lines[hoverLine].indexOf(HOVER_AT) + 3;
const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: hoverChar } });
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();

// 2. Highlighting, as VS Code does it.
const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
  loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(join(root, 'editors/vscode/syntaxes/restore.tmLanguage.json'), 'utf8'), 'restore.tmLanguage.json'),
});
const grammar = await registry.loadGrammar('source.restore');
// Dark Modern's colours for the scopes the grammar gives (the longest matching prefix wins).
const THEME = [
  ['comment', '#6A9955'],
  ['keyword.control', '#C586C0'],
  ['storage.type', '#569CD6'],
  ['keyword.other.directive', '#569CD6'],
  ['keyword.other', '#569CD6'],
  ['keyword.operator', '#D7BA7D'],
  ['constant.numeric', '#B5CEA8'],
  ['constant.other', '#4FC1FF'],
  ['constant.character', '#D7BA7D'],
  ['string.regexp', '#D16969'],
  ['string.quoted', '#CE9178'],
  ['string.other.template', '#CE9178'],
  ['variable.language', '#569CD6'],
  ['variable.parameter', '#9CDCFE'],
  ['variable.other', '#9CDCFE'],
  ['entity.name.tag', '#569CD6'],
  ['invalid', '#F44747'],
];
const colour = (scopes) => {
  for (const s of [...scopes].reverse()) {
    const hit = THEME.filter(([p]) => s === p || s.startsWith(p + '.')).sort((a, b) => b[0].length - a[0].length)[0];
    if (hit) return hit[1];
  }
  return '#CCCCCC';
};
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let stack = vsctm.INITIAL;
const rows = lines.slice(0, lines[lines.length - 1] === '' ? -1 : undefined).map((line, i) => {
  const r = grammar.tokenizeLine(line, stack);
  stack = r.ruleStack;
  const html = r.tokens
    .map((t) => {
      const piece = line.slice(t.startIndex, t.endIndex);
      const squiggle = diags.some((d) => d.range.start.line === i && d.range.start.character <= t.startIndex && t.endIndex <= d.range.end.character);
      return `<span style="color:${colour(t.scopes)}"${squiggle ? ' class="error"' : ''}>${esc(piece)}</span>`;
    })
    .join('');
  return `<div class="row"><span class="gutter">${i + 1}</span><span class="code">${html || ' '}</span></div>`;
});

// 3. The hover's markdown, rendered the simple way an editor does.
const md = hover.contents.value;
const hoverHtml = md
  .split(/```text\n|```/)
  .map((part, i) => (i % 2 ? `<pre>${esc(part.replace(/\n$/, ''))}</pre>` : esc(part).replace(/`` (.+?) ``/g, '<code>$1</code>').replace(/\n+/g, ' ')))
  .join('');
const problems = diags.map((d) => `<div class="problem"><span class="icon">⨂</span> ${esc(d.message.split('\n')[0])} <span class="code-id">restorec(${esc(String(d.code))})</span> <span class="where">[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]</span></div>`).join('');

const html = `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #1F1F1F; font: 14px/20px 'DejaVu Sans Mono', monospace; color: #CCCCCC; }
.tab { background: #181818; color: #FFFFFF; padding: 8px 16px; font-family: 'DejaVu Sans', sans-serif; font-size: 13px; border-bottom: 1px solid #2B2B2B; }
.editor { position: relative; padding: 8px 0; }
.row { white-space: pre; height: 20px; }
.gutter { display: inline-block; width: 48px; padding-right: 16px; text-align: right; color: #6E7681; }
.error { text-decoration: underline wavy #F14C4C; text-underline-offset: 3px; }
.hover { position: absolute; left: ${64 + 8.43 * hoverChar}px; top: ${8 + 20 * (hoverLine + 1) + 2}px; max-width: 560px; background: #202020; border: 1px solid #454545;
  box-shadow: 0 2px 8px rgba(0,0,0,.6); padding: 6px 10px; font: 13px/19px 'DejaVu Sans', sans-serif; white-space: normal; }
.hover code { font-family: 'DejaVu Sans Mono', monospace; color: #D7BA7D; }
.hover pre { font: 12.5px/18px 'DejaVu Sans Mono', monospace; margin: 6px 0 2px; color: #CCCCCC; }
.panel { border-top: 1px solid #2B2B2B; padding: 6px 16px 10px; font: 13px/20px 'DejaVu Sans', sans-serif; }
.panel .title { color: #FFFFFF; font-size: 11px; letter-spacing: .05em; margin-bottom: 4px; }
.icon { color: #F14C4C; } .code-id, .where { color: #8B949E; }
</style>
<div class="tab">incident-2026-11-20.restore</div>
<div class="editor">${rows.join('\n')}<div class="hover">${hoverHtml}</div></div>
<div class="panel"><div class="title">PROBLEMS</div>${problems}</div>`;
const page = join(out, 'editor.html');
writeFileSync(page, html);

// 4. The screenshot.
const png = resolve(root, 'docs/images/editor.png');
mkdirSync(join(root, 'docs/images'), { recursive: true });
const shot = spawnSync('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', '--window-size=980,412', `--screenshot=${png}`, pathToFileURL(page).href], { encoding: 'utf8' });
if (shot.status !== 0) {
  console.error(`chromium failed (${shot.status}): ${shot.stderr}`);
  process.exit(1);
}
console.log(`wrote ${png} from ${page}`);
