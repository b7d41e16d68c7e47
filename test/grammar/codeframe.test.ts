// The code frame of a span on a long line is made from a window of the line around the span
// (codeframe.ts, RAW_WINDOW): it must be the frame the whole line gives, whatever the line holds
// (tabs, control and invisible characters, surrogate pairs) and wherever the span is. The tests
// cut at 130 characters, to cut shorter lines too: the frame is the same for any cut that keeps
// more than MAX_WIDTH (120) characters on each side of the span.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { codeFrame } from '../../src/grammar/codeframe.ts';
import { SourceFile } from '../../src/grammar/source.ts';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const unit = fc.constantFrom('a', 'b', ' ', '\t', '\u0001', '\u007f', '\u200b', '\u202e', '\ufeff', '表', '😀', 'é', '[', '`');
const line = (max: number) => fc.array(unit, { maxLength: max }).map((l) => l.join(''));

test('a frame on a long line is the frame of the whole line', () => {
  fc.assert(
    fc.property(line(40), line(3000), line(40), fc.nat(), fc.nat({ max: 400 }), fc.boolean(), (before, long, after, at, len, endOnNext) => {
      const text = `${before}\n${long}\n${after}`;
      const source = new SourceFile('x.restore', text);
      const lineStart = before.length + 1;
      const start = lineStart + (at % (long.length + 1));
      const end = endOnNext ? Math.min(text.length, lineStart + long.length + 1 + (len % (after.length + 1))) : Math.min(lineStart + long.length, start + len);
      const span = { start, end };
      assert.is(codeFrame(source, span, undefined, 'here', 130), codeFrame(source, span, undefined, 'here', Infinity), JSON.stringify(span));
      assert.is(codeFrame(source, span), codeFrame(source, span, undefined, '', Infinity));
    }),
    { numRuns: RUNS },
  );
});

test('a long line before the span shows its start, and a long blank one is not shown', () => {
  fc.assert(
    fc.property(line(3000), fc.constantFrom('', ' ', '\t', '  \t '), line(20), (long, blank, last) => {
      for (const previous of [long, blank.repeat(400) + long]) {
        const text = `${previous}\nrestore ${last}`;
        const source = new SourceFile('x.restore', text);
        const span = { start: previous.length + 1, end: previous.length + 8 };
        assert.is(codeFrame(source, span, undefined, '', 130), codeFrame(source, span, undefined, '', Infinity), JSON.stringify(previous.slice(0, 40)));
      }
    }),
    { numRuns: RUNS },
  );
});

test('the frame of a 1 MiB line reads a window of it, not all of it', () => {
  const long = 'a['.repeat(512 * 1024);
  const source = new SourceFile('x.restore', `${long}\n${long}`);
  const span = { start: long.length + 1 + 600_000, end: long.length + 1 + 600_001 };
  const frame = codeFrame(source, span);
  assert.is(frame, codeFrame(source, span, undefined, '', Infinity));
  assert.ok(frame.length < 600, `${frame.length} characters`);
});

test.run();
