// Snapshot text → loadSnapshot: a snapshot, or problems (at most MAX_SCHEMA_PROBLEMS and a count
// of the rest), never a throw; a snapshot that loads can be compiled against.
import fc from 'fast-check';
import { compile, loadSnapshot } from '../../../src/compiler/index.ts';
import { MAX_SCHEMA_PROBLEMS } from '../../../src/compiler/validate.ts';
import { parse } from '../../../src/grammar/index.ts';
import { exampleSnapshots, mutate, mutateJson } from '../arbitraries.ts';
import { defineTarget, fail } from '../target.ts';

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...exampleSnapshots).chain(mutateJson).map((d) => JSON.stringify(d)) },
  { weight: 2, arbitrary: mutate(fc.constantFrom(...exampleSnapshots).map((d) => JSON.stringify(d, null, 1))) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  // Nesting deeper than any recursive reader could follow (written as text: JSON.stringify recurses).
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('instance', 'contents', 'current', 'backups'), fc.integer({ min: 1000, max: 200_000 })).map(([key, d]) => `{"version":1,"${key}":${'['.repeat(d)}${']'.repeat(d)}}`) },
);

const spec = parse('instance rm-uf6wjk5xxxxxxxxxx\nfrom backup 9026262\nrestore db * as {name}_r\n', 'fuzz.restore');

export default defineTarget({
  name: 'snapshot',
  kind: 'inventory snapshot',
  arbitrary: text,
  boundMs: 10_000,
  testRuns: 150,
  check(t) {
    const r = loadSnapshot(t, 'fuzz.inventory.json');
    if (!r.ok) {
      if (r.problems.length === 0) fail('refused without a problem');
      if (r.problems.length > MAX_SCHEMA_PROBLEMS + 1) fail(`${r.problems.length} problems, more than the cap`);
      if (!r.problems.every((p) => p.startsWith('fuzz.inventory.json'))) fail('a problem that does not name the file');
      return;
    }
    compile(spec, r.inventory);
  },
});
