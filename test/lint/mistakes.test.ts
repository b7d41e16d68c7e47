// The mistakes corpus: realistic mistakes in spec files (test/lint/mistakes/NAME.restore), each
// linted as `restorec lint` does and rendered as its stylish output, compared with NAME.txt
// (UPDATE_GOLDENS=1 rewrites them; review the diff message by message). A fixture starts with
// `# mistake: what the author did`, and may say `# inventory: NAME` (NAME.inventory.json beside
// it), `# config: {...}` (restorec.config.json) and `# errors-on-a-line: N -- why` when one line
// truly holds N separate mistakes. Cascades fail the test: at most one error per line, and never
// the same message twice.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintMistake, MISTAKES, readMistake } from '../helpers/mistakes.ts';

const update = process.env['UPDATE_GOLDENS'] === '1';
const specs = readdirSync(MISTAKES).filter((f) => f.endsWith('.restore')).sort();

test('the corpus holds at least 60 mistakes', () => {
  assert.ok(specs.length >= 60, `only ${specs.length}`);
});

for (const file of specs) {
  test(`mistake: ${file}`, () => {
    const m = readMistake(file);
    const { result, output } = lintMistake(m);
    if (m.clean) assert.equal(result.messages, [], `${file} expects no problems`);
    else assert.ok(result.messages.length > 0, `${file} (${m.description}) gets no message at all`);
    // No cascade: one error per line (a broken statement is reported once), no message twice.
    const perLine = new Map<number, number>();
    for (const msg of result.messages) {
      if (msg.severity !== 2) continue;
      const line = result.source.position(msg.span.start).line;
      perLine.set(line, (perLine.get(line) ?? 0) + 1);
    }
    for (const [line, n] of perLine) assert.ok(n <= m.errorsOnALine, `${file}: ${n} errors on line ${line}: a cascade?\n${output}`);
    const seen = new Set<string>();
    for (const msg of result.messages) {
      const key = `${result.source.position(msg.span.start).line}:${msg.message}`;
      assert.not.ok(seen.has(key), `${file}: the same message twice: ${msg.message}`);
      seen.add(key);
    }
    const golden = join(MISTAKES, file.replace(/\.restore$/, '.txt'));
    if (update) writeFileSync(golden, output);
    assert.ok(existsSync(golden), `missing ${golden}: run with UPDATE_GOLDENS=1 and review it`);
    assert.fixture(output, readFileSync(golden, 'utf8'));
  });
}

test.run();
