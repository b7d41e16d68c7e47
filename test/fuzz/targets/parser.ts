// Spec text → parse: never throws; every span lies inside the input; at most MAX_ERRORS problems
// and a summary; a file without errors prints to text that parses to the same, and prints again
// unchanged (fmt is stable).
import { MAX_ERRORS, parse, print, type Diagnostic } from '../../../src/grammar/index.ts';
import { specTextArb } from '../arbitraries.ts';
import { defineTarget, fail } from '../target.ts';

export function checkSpans(diagnostics: readonly Diagnostic[], length: number): void {
  for (const d of diagnostics) {
    const spans = [d.span, ...(d.related ?? []).map((r) => r.span), ...(d.fix ? [d.fix.span] : [])];
    for (const s of spans) if (!(s.start >= 0 && s.start <= s.end && s.end <= length)) fail(`span ${JSON.stringify(s)} of ${d.code} lies outside 0..${length}`);
    if (!d.code || !d.message) fail('a diagnostic without a code or a message');
  }
}

export default defineTarget({
  name: 'parser',
  kind: 'spec text',
  arbitrary: specTextArb,
  boundMs: 10_000,
  testRuns: 150,
  check(text) {
    const r = parse(text, 'fuzz.restore');
    checkSpans(r.diagnostics, text.length);
    if (r.diagnostics.length > MAX_ERRORS + 1) fail(`${r.diagnostics.length} diagnostics, more than the cap`);
    if (r.diagnostics.some((d) => d.severity === 'error')) return;
    const printed = print(r.document, text);
    const again = parse(printed, 'fuzz.restore');
    if (again.diagnostics.some((d) => d.severity === 'error')) fail(`the formatted text does not parse: ${again.diagnostics[0]!.message}`);
    if (print(again.document, printed) !== printed) fail('formatting the formatted text changes it');
  },
});
