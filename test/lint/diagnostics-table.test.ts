// docs/diagnostics.md against what runs: every fixture of the repository is parsed, compiled
// (against its snapshot) and linted, and each code emitted must be in the table with the
// severity it was emitted at; each code in the table must be emitted by some fixture, or be
// listed below with why no fixture can.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Diagnostic } from '../../src/grammar/index.ts';
import { compile, loadSnapshot } from '../../src/compiler/index.ts';
import { OWNER } from '../../src/compiler/problem-ids.ts';
import { lintMistake, MISTAKES, readMistake } from '../helpers/mistakes.ts';

const doc = readFileSync('docs/diagnostics.md', 'utf8');

/** code → severities the table gives it; and the aliases column of the compiler's table. */
const documented = new Map<string, Set<string>>();
const aliases = new Map<string, string>();
for (const row of doc.matchAll(/^\| `([^`]+)` \| ([^|]+) \|(?: ([^|]*) \|)? [^|]+ \|$/gm)) {
  const [, code, severity, alsoAs] = row as unknown as [string, string, string, string | undefined];
  const set = new Set([...severity.matchAll(/\b(error|warning|warn|info)\b/g)].map((m) => (m[1] === 'warn' ? 'warning' : m[1]!)));
  documented.set(code, set);
  for (const a of alsoAs?.matchAll(/`([^`]+)`/g) ?? []) aliases.set(a[1]!, code);
}

/** Codes no fixture can produce, and why. */
const NOT_FROM_FIXTURES: Record<string, string> = {
  'input/too-large': 'a file over 1 MiB (test/grammar/hostile.test.ts)',
  'input/too-many-errors': 'over 100 problems in a file (test/grammar/hostile.test.ts)',
  'lint/too-many-problems': 'over 100 problems in a file (test/cli/hostile-inputs.test.ts)',
  'emit/invalid-table-meta': 'an internal check that fires only on a bug',
  'emit/invalid-request': 'an internal check that fires only on a bug',
  'editor/config-error': 'the language server only (test/lsp)',
  'editor/snapshot-error': 'the language server only (test/lsp)',
  'editor/rules-skipped': 'the language server only (test/lsp)',
  'syntax/nul-byte': 'binary input (test/grammar/diagnostics/nul.restore is read as bytes there)',
  'syntax/invalid-utf8': 'bytes that are not UTF-8 (test/grammar/diagnostics/invalid-utf8.restore, read as bytes there)',
};

const emitted = new Map<string, Set<string>>();
const note = (code: string, severity: string, where: string) => {
  const set = emitted.get(code) ?? emitted.set(code, new Set()).get(code)!;
  set.add(`${severity} (${where})`);
};
const noteAll = (ds: readonly Diagnostic[], where: string) => ds.forEach((d) => note(d.code, d.severity, where));

function specsIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.restore')).map((f) => join(dir, f));
}

// Parsing: every spec in the repository.
for (const file of [...specsIn('examples'), ...specsIn('test/grammar/diagnostics'), ...specsIn('test/compiler/fixtures'), ...specsIn('test/lsp/fixtures'), ...specsIn('editors/vscode/test/grammar'), ...specsIn(MISTAKES)]) {
  noteAll(parse(readFileSync(file, 'utf8'), file).diagnostics, file);
}
// Compiling: each compiler fixture against its snapshot, as `restorec compile` does.
for (const dir of readdirSync('test/compiler/fixtures')) {
  const spec = join('test/compiler/fixtures', dir, 'spec.restore');
  const inv = join('test/compiler/fixtures', dir, 'inventory.json');
  if (!existsSync(spec) || !existsSync(inv)) continue;
  const loaded = loadSnapshot(readFileSync(inv, 'utf8'), inv);
  if (!loaded.ok) continue;
  const parsed = parse(readFileSync(spec, 'utf8'), spec);
  noteAll(compile(parsed, loaded.inventory, dir === 'split-over-limit' ? { maxEntries: 4 } : {}).diagnostics, spec);
}
// Linting: the mistakes corpus, with its snapshots and configs.
for (const file of readdirSync(MISTAKES).filter((f) => f.endsWith('.restore'))) {
  const m = readMistake(file);
  const { result } = lintMistake(m);
  for (const msg of result.messages) note(msg.ruleId ?? msg.code ?? '?', msg.severity === 2 ? 'error' : 'warning', file);
  if (m.inventory) noteAll(compile(parse(m.text, file), m.inventory).diagnostics, `compile ${file}`);
}

test('the table is read', () => {
  assert.ok(documented.size >= 40, [...documented.keys()].join(', '));
});

test('every code emitted is documented, at the severity it is emitted with', () => {
  const problems: string[] = [];
  for (const [code, severities] of emitted) {
    // Lint rules not owned by the compiler are documented in docs/rules/, with their severities.
    if (!code.includes('/') && !documented.has(code)) continue;
    const allowed = documented.get(code);
    if (!allowed) {
      problems.push(`${code} is emitted (${[...severities][0]}) but not in docs/diagnostics.md`);
      continue;
    }
    for (const s of severities) if (!allowed.has(s.split(' ')[0]!)) problems.push(`${code} is emitted as ${s}; the table says ${[...allowed].join(' or ')}`);
  }
  assert.equal(problems, []);
});

test('every code documented is emitted by a fixture (or listed with why not)', () => {
  const missing = [...documented.keys()].filter((code) => !emitted.has(code) && !(code in NOT_FROM_FIXTURES));
  assert.equal(missing, [], 'add a fixture (test/lint/mistakes) that produces each');
});

test('the compiler table: each rule row lists exactly the codes the rule owns, at its severity', () => {
  for (const [code, owner] of Object.entries(OWNER)) {
    assert.is(aliases.get(code), owner.rule, `${code} should be listed as an alias of ${owner.rule}`);
    assert.ok(documented.get(owner.rule)?.has(owner.severity), `${owner.rule} is documented as ${[...(documented.get(owner.rule) ?? [])].join('/')}, emitted as ${owner.severity}`);
  }
  assert.equal([...aliases.keys()].sort(), Object.keys(OWNER).sort());
});

test.run();
