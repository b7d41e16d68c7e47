// `npm run vsix` builds the VS Code extension into dist/restorec-vscode.vsix: the package holds
// exactly what VS Code loads, its manifest registers the language, grammar and settings, and
// the bundled client needs nothing but VS Code and Node.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import yauzl from 'yauzl';

const VSIX = 'dist/restorec-vscode.vsix';

function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

let files: Map<string, Buffer>;
function text(name: string): string {
  const f = files.get(name);
  if (!f) throw new Error(`${name} is not in the vsix`);
  return f.toString('utf8');
}

test.before(async () => {
  const r = spawnSync('npm', ['run', 'vsix'], { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`npm run vsix failed:\n${r.stdout}\n${r.stderr}`);
  files = await readZip(VSIX);
});

test('the vsix holds what VS Code loads and nothing else', () => {
  assert.equal([...files.keys()].sort(), [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/changelog.md',
    'extension/language-configuration.json',
    'extension/out/extension.js',
    'extension/package.json',
    'extension/readme.md',
    'extension/syntaxes/restore.tmLanguage.json',
  ]);
  assert.is(text('extension/syntaxes/restore.tmLanguage.json'), readFileSync('editors/vscode/syntaxes/restore.tmLanguage.json', 'utf8'));
});

test('the manifest registers the language, grammar, settings and client', () => {
  const m = JSON.parse(text('extension/package.json'));
  assert.is(m.name, 'restorec');
  assert.is(m.version, JSON.parse(readFileSync('package.json', 'utf8')).version, 'the extension and the CLI share a version');
  assert.is(m.engines.vscode, '^1.91.0', 'what vscode-languageclient 11 needs');
  assert.is(m.main, './out/extension.js');
  assert.equal(m.activationEvents, ['onLanguage:restore']);
  const [lang] = m.contributes.languages;
  assert.equal([lang.id, lang.extensions, lang.configuration], ['restore', ['.restore'], './language-configuration.json']);
  const [grammar] = m.contributes.grammars;
  assert.equal([grammar.language, grammar.scopeName, grammar.path], ['restore', 'source.restore', './syntaxes/restore.tmLanguage.json']);
  assert.is(JSON.parse(text('extension/syntaxes/restore.tmLanguage.json')).scopeName, 'source.restore');
  assert.equal(Object.keys(m.contributes.configuration.properties).sort(), ['restorec.config', 'restorec.hoverLimit', 'restorec.path', 'restorec.timeZone', 'restorec.trace.server']);
  assert.equal(m.capabilities.untrustedWorkspaces.restrictedConfigurations, ['restorec.path']);
  assert.equal(m.contributes.commands.map((c: { command: string }) => c.command), ['restorec.restartServer']);
  const vsix = text('extension.vsixmanifest');
  assert.match(vsix, /<Identity Language="en-US" Id="restorec" Version="0\.1\.0" Publisher="restorec"/);
  assert.match(vsix, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.91\.0"/);
});

test('the language configuration: `#` comments, `<>` blocks, and whole names as words', () => {
  const c = JSON.parse(text('extension/language-configuration.json'));
  assert.is(c.comments.lineComment, '#');
  assert.equal(c.brackets, [['<', '>']]);
  const word = new RegExp(c.wordPattern, 'g');
  assert.equal('table order_items_* as {name}_r, `a``b c`'.match(word), ['table', 'order_items_*', 'as', '{name}_r', '`a``b c`']);
});

test('the bundled client requires only vscode and Node built-ins, and exports activate/deactivate', () => {
  const js = text('extension/out/extension.js');
  const required = new Set([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
  const allowed = (id: string) => id === 'vscode' || id.startsWith('node:') || builtinModules.includes(id);
  assert.equal([...required].filter((id) => !allowed(id)), []);
  assert.ok(required.has('vscode'));
  // Loaded with a stand-in for the vscode module: it defines its entry points without touching VS Code.
  const module = { exports: {} as Record<string, unknown> };
  const requireReal = createRequire(join(process.cwd(), 'dist/x.js'));
  const fakeVscode = new Proxy({}, { get: () => new Proxy(function () {}, { get: (_t, k) => (k === 'prototype' ? {} : undefined) }) });
  new Function('module', 'exports', 'require', js)(module, module.exports, (id: string) => (id === 'vscode' ? fakeVscode : requireReal(id)));
  assert.is(typeof module.exports['activate'], 'function');
  assert.is(typeof module.exports['deactivate'], 'function');
});

test.run();
