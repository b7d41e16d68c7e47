// Golden tests: each test/grammar/diagnostics/NAME.restore is parsed and its diagnostics are
// rendered (no colour) and compared with NAME.txt. UPDATE_GOLDENS=1 rewrites the .txt files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes, renderDiagnostic } from '../../src/grammar/index.ts';

const dir = 'test/grammar/diagnostics';
const update = process.env['UPDATE_GOLDENS'] === '1';
const specs = readdirSync(dir).filter((f) => f.endsWith('.restore')).sort();

test('there are golden cases', () => {
  assert.ok(specs.length >= 8, `only ${specs.length} cases`);
});

for (const spec of specs) {
  test(`diagnostics of ${spec}`, () => {
    const result = parseBytes(spec, readFileSync(join(dir, spec)));
    assert.ok(result.diagnostics.length > 0, 'a golden case must produce diagnostics');
    const rendered = result.diagnostics.map((d) => renderDiagnostic(result.source, d)).join('\n\n') + '\n';
    const golden = join(dir, spec.replace(/\.restore$/, '.txt'));
    if (update) writeFileSync(golden, rendered);
    assert.ok(existsSync(golden), `missing ${golden}: run with UPDATE_GOLDENS=1 and review it`);
    assert.fixture(rendered, readFileSync(golden, 'utf8'));
  });
}

test.run();
