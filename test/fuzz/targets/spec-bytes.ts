// Spec file bytes → decode and parse: invalid UTF-8, UTF-16, NULs and BOMs are diagnostics, never
// a throw; a file over the limit is refused unread.
import fc from 'fast-check';
import { MAX_SOURCE_BYTES, parseBytes } from '../../../src/grammar/index.ts';
import { exampleSpecs } from '../arbitraries.ts';
import { checkSpans } from './parser.ts';
import { defineTarget, fail } from '../target.ts';

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.tuple(fc.constantFrom(...exampleSpecs), fc.uint8Array({ maxLength: 8 }), fc.nat()).map(([s, junk, at]) => {
    const b = Buffer.from(s);
    const i = at % (b.length + 1);
    return new Uint8Array(Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]));
  }),
  fc.constantFrom(...exampleSpecs).map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
  fc.constantFrom(...exampleSpecs).map((s) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]))),
);

export default defineTarget({
  name: 'spec-bytes',
  kind: 'spec file bytes',
  arbitrary: fc.tuple(bytes, fc.boolean()),
  boundMs: 10_000,
  testRuns: 150,
  check([b, claimHuge]) {
    // `size` is what the file says it is: a claimed size over the limit is refused unread.
    const r = parseBytes('fuzz.restore', b, claimHuge ? MAX_SOURCE_BYTES + 1 : b.length);
    if (claimHuge && !r.diagnostics.some((d) => d.code === 'input/too-large')) fail('a file over the limit was read');
    checkSpans(r.diagnostics, r.source.text.length);
  },
});
