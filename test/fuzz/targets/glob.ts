// Patterns against names → the pattern engine: a pattern compiles or is a diagnostic; matching
// and capturing agree (captures exist exactly for the names that match, one per wildcard); on
// short inputs, matching agrees with picomatch. Pathological patterns are generated on purpose:
// a backtracking matcher would hang here, which the bound reports.
import fc from 'fast-check';
import { compileName, isDiagnostic } from '../../../src/compiler/glob.ts';
import type { NameNode } from '../../../src/grammar/index.ts';
import { picomatchComparable, picomatchTest } from '../../helpers/glob-reference.ts';
import { patternArb } from '../arbitraries.ts';
import { defineTarget, fail } from '../target.ts';

const names = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[ab_]{0,64}$/), fc.constant('a'.repeat(64))), { minLength: 1, maxLength: 10 });

export default defineTarget({
  name: 'glob',
  kind: 'pattern and names',
  arbitrary: fc.tuple(patternArb, names, fc.boolean()),
  boundMs: 2_000,
  testRuns: 300,
  check([pattern, list, ci]) {
    const node: NameNode = { kind: 'Name', span: { start: 0, end: pattern.length }, value: pattern, quoted: false, pattern: true };
    const m = compileName(node, ci, 'table');
    if (isDiagnostic(m)) {
      if (!['pattern/invalid', 'pattern/too-long'].includes(m.code)) fail(`unexpected diagnostic ${m.code}`);
      return;
    }
    if (m.kind !== 'pattern') fail('a pattern compiled to an exact name');
    for (const name of list) {
      const matched = m.test(name);
      const captured = m.capture(name);
      if ((captured !== undefined) !== matched) fail(`${pattern} ~ ${JSON.stringify(name)}: test says ${matched}, capture says ${JSON.stringify(captured)}`);
      if (captured && captured.length !== m.wildcards) fail(`${captured.length} captures for ${m.wildcards} wildcards`);
      if (name.length >= 1 && name.length <= 12 && pattern.length <= 24 && !/[^ab_A1$\-c*?[\]{},!^0-9]/.test(pattern + name) && picomatchComparable(pattern) && !/\{a\.\./.test(pattern)) {
        if (matched !== picomatchTest(pattern, name, ci)) fail(`${pattern} ~ ${JSON.stringify(name)}: ${matched}, picomatch says otherwise`);
      }
    }
  },
});
