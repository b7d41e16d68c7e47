// The TextMate grammar of `*.restore` (editors/vscode/syntaxes): its fixture tests pass under
// vscode-tmgrammar-test, the fixtures assert every scope the grammar can give, the committed
// grammar is what scripts/gen-tmgrammar.mjs writes, and on every valid spec in the repository
// it agrees with the real lexer and parser about what each token is.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse, type Document, type NameNode } from '../../src/grammar/index.ts';
import { tokenize } from '../../src/grammar/lexer.ts';
import { GRAMMAR_PATH, tokenizeText, type Token } from '../helpers/textmate.ts';
import { tempDir } from '../helpers/cli.ts';

const FIXTURES = 'editors/vscode/test/grammar';
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.restore')).sort();
const runner = join(dirname(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');

test('vscode-tmgrammar-test passes on every fixture', () => {
  assert.ok(fixtures.length >= 5, fixtures.join());
  const r = spawnSync(process.execPath, [runner, '--config', 'editors/vscode/package.json', `${FIXTURES}/*.restore`], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stdout + r.stderr);
  for (const f of fixtures) assert.match(r.stdout, new RegExp(`✓ ${FIXTURES}/${f.replace('.', '\\.')} run successfuly`));
});

test('a wrong assertion fails the runner (so the passing run above means something)', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.restore'), '# SYNTAX TEST "source.restore"\ninstance rm-x\n# <-------- storage.type.table.restore\n');
  const r = spawnSync(process.execPath, [runner, '--config', 'editors/vscode/package.json', join(dir, 'bad.restore')], { encoding: 'utf8' });
  assert.ok(r.status !== 0, r.stdout);
  assert.match(r.stdout, /missing required scopes: storage\.type\.table\.restore/);
});

test('the fixtures assert every scope the grammar gives (every token kind is covered)', () => {
  const grammar = readFileSync(GRAMMAR_PATH, 'utf8');
  const scopes = new Set([...grammar.matchAll(/"(?:name|contentName)": "([^"]+)"/g)].map((m) => m[1]!).filter((s) => s !== 'Restore spec'));
  const asserted = new Set<string>();
  for (const f of fixtures) {
    for (const line of readFileSync(join(FIXTURES, f), 'utf8').split('\n')) {
      const m = /^#\s*(?:\^+|<~*-+)\s+(.*)$/.exec(line);
      if (m) for (const s of m[1]!.split(' - ')[0]!.trim().split(/\s+/)) asserted.add(s);
    }
  }
  const missing = [...scopes].filter((s) => !asserted.has(s)).sort();
  assert.equal(missing, [], `scopes no fixture asserts: ${missing.join(', ')}`);
});

test('the grammar file is what scripts/gen-tmgrammar.mjs writes', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-tmgrammar.mjs', '--check'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
});

/** Where each name of the AST starts: a keyword token there is used as a name. */
function nameStarts(doc: Document): Set<number> {
  const out = new Set<number>();
  const add = (n: NameNode | undefined) => n && out.add(n.span.start);
  for (const s of doc.statements) {
    if (s.kind === 'Instance') add(s.id);
    else if (s.kind === 'FromBackup') add(s.backupId);
    else if (s.kind === 'Region') add(s.region);
    else if (s.kind === 'At') out.add(s.rawSpan.start);
    else if (s.kind === 'FromCrossRegionBackup') add(s.backupId);
    else if (s.kind === 'FromRegion') {
      add(s.region);
      add(s.instance);
    } else if (s.kind === 'InstantRecovery') continue;
    else {
      add(s.source);
      add(s.target);
      s.exceptDbs.forEach(add);
      for (const i of s.block?.items ?? []) {
        if (i.kind === 'ExceptTable') add(i.pattern);
        else {
          add(i.source);
          add(i.target);
        }
      }
    }
  }
  return out;
}

const NAME = /^(variable\.other\.name|string\.regexp\.pattern|string\.other\.template|string\.quoted\.other\.backtick|constant\.other\.(instance-id|backup-id|region)|constant\.numeric\.timestamp)\./;
const KEYWORD = /^(keyword\.control|storage\.type|keyword\.other)\./;
const EXPECTED: Record<string, RegExp> = {
  Comment: /^comment\.line\./,
  LAngle: /^punctuation\.section\.block\.begin\./,
  RAngle: /^punctuation\.section\.block\.end\./,
  Comma: /^punctuation\.separator\.comma\./,
};

function specsIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.restore')).map((f) => join(dir, f));
}

test('on every valid spec in the repository, the grammar and the parser agree on each token', async () => {
  const files = [...specsIn('examples'), ...specsIn('test/lsp/fixtures'), ...specsIn('test/compiler/fixtures'), ...specsIn(FIXTURES)];
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = parse(text, file);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    const names = nameStarts(parsed.document);
    const tm = await tokenizeText(text);
    const at = (offset: number): Token => {
      const p = parsed.source.position(offset);
      return tm.find((t) => t.line === p.line - 1 && t.start <= p.column - 1 && p.column - 1 < t.end)!;
    };
    const lexed = tokenize(text);
    for (const tok of [...lexed.tokens, ...lexed.comments]) {
      const type = tok.tokenType.name;
      const scopes = at(tok.startOffset).scopes;
      const where = `${file}:${parsed.source.position(tok.startOffset).line}: ${type} ${JSON.stringify(tok.image)} got ${scopes.join(' ')}`;
      if (EXPECTED[type]) assert.ok(scopes.some((s) => EXPECTED[type]!.test(s)), where);
      else if (names.has(tok.startOffset)) assert.ok(scopes.some((s) => NAME.test(s)) && !scopes.some((s) => KEYWORD.test(s)), `a name: ${where}`);
      else assert.ok(scopes.some((s) => KEYWORD.test(s)), `a keyword: ${where}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} tokens checked`);
});

test.run();
