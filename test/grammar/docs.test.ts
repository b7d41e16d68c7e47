// Every diagnostic code the grammar layer can emit is documented in docs/diagnostics.md.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';

const doc = readFileSync('docs/diagnostics.md', 'utf8');
const sources = readdirSync('src/grammar').filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`src/grammar/${f}`, 'utf8'));
const codes = new Set(sources.flatMap((s) => [...s.matchAll(/'((?:syntax|spec|input)\/[a-z0-9-]+)'/g)].map((m) => m[1]!)));

test('the grammar emits codes', () => {
  assert.ok(codes.size >= 15, [...codes].join(', '));
});

for (const code of codes) {
  test(`${code} is documented`, () => {
    assert.ok(doc.includes('`' + code + '`'), `add ${code} to docs/diagnostics.md`);
  });
}

test.run();
