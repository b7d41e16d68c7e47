// The fuzz targets (test/fuzz/registry.ts), each for its small `testRuns` budget, in `npm test`.
// `npm run fuzz` runs the same targets for longer and reports counts, hangs and secrets.
import { test } from 'uvu';
import fc from 'fast-check';
import { targets } from './registry.ts';

const SCALE = Number(process.env['FUZZ_TEST_SCALE'] ?? 1);

for (const t of targets) {
  test(`fuzz ${t.name}: ${t.kind}`, async () => {
    await fc.assert(fc.asyncProperty(t.arbitrary, async (input) => t.check(input)), { numRuns: Math.max(1, Math.round(t.testRuns * SCALE)) });
  });
}

test.run();
