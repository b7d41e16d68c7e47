// Every diagnostic code restorec can emit (grammar, compiler, lint engine, language server) is documented in
// docs/diagnostics.md.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';

const doc = readFileSync('docs/diagnostics.md', 'utf8');
const dirs = ['src/grammar', 'src/compiler', 'src/lint', 'src/lsp'];
const sources = dirs.flatMap((d) => (readdirSync(d, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`${d}/${f}`, 'utf8')));
const PREFIXES = 'syntax|spec|input|inventory|expand|pattern|names|template|plan|emit|lint|editor';
const codes = new Set(sources.flatMap((s) => [...s.matchAll(new RegExp(`'((?:${PREFIXES})/[a-z0-9-]+)'`, 'g'))].map((m) => m[1]!)));

test('the sources emit codes', () => {
  assert.ok(codes.size >= 40, [...codes].join(', '));
});

for (const code of codes) {
  test(`${code} is documented`, () => {
    assert.ok(doc.includes('`' + code + '`'), `add ${code} to docs/diagnostics.md`);
  });
}

test.run();
