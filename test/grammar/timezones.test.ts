// Property tests for `at` times with IANA zones: a wall-clock time in a zone → UTC → back to the
// same wall-clock time; a time the zone skips (DST gap) or repeats (overlap) is refused with
// candidates that do read back. The oracle is Intl formatting (UTC → wall clock), the direction
// restorec does not compute itself.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parseTimestamp } from '../../src/grammar/timestamp.ts';
import { parse } from '../../src/grammar/index.ts';

const zones = Intl.supportedValuesOf('timeZone');
const zone = fc.constantFrom(...zones, 'America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Asia/Kolkata');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall-clock time in `zone` at `ms`, as `yyyy-MM-dd HH:mm:ss` (Intl, independently of restorec). */
function wallClock(zone: string, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${pad(Number(get('year')), 4)}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

const utcMs = (text: string) => Date.parse(text);
// 1900-2100 in whole seconds: years of real clocks, summer time rules and LMT offsets.
const instant = fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000);

test('a wall-clock reading of an instant reads back as that instant (or as one of two, when the zone repeats the hour)', () => {
  fc.assert(
    fc.property(zone, instant, (z, ms) => {
      const local = wallClock(z, ms);
      const r = parseTimestamp(`${local} ${z}`);
      if (r.ok) return utcMs(r.utc) === ms;
      // A real reading can only be ambiguous, never skipped; both instants named, this one among them.
      assert.match(r.message, /happens twice/, `${local} ${z}: ${r.message}`);
      const instants = [...r.help!.matchAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g)].map((m) => utcMs(m[0]));
      return instants.includes(ms);
    }),
    { numRuns: 400 },
  );
});

const localTime = fc.record({ y: fc.integer({ min: 1950, max: 2090 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) });

test('zone + wall-clock time → UTC → the same wall-clock time; a gap or an overlap offers readings that are each right', () => {
  fc.assert(
    fc.property(zone, localTime, (z, t) => {
      const local = `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}`;
      const r = parseTimestamp(`${local} ${z}`);
      if (r.ok) return wallClock(z, utcMs(r.utc)) === `${local}:00`;
      assert.match(r.message, /does not exist|happens twice/, `${local} ${z}: ${r.message}`);
      const offered = [...r.help!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      assert.is(offered.length, 2);
      const instants = offered.map((text) => {
        const again = parseTimestamp(text);
        assert.ok(again.ok, text);
        return again.ok ? utcMs(again.utc) : NaN;
      });
      if (/happens twice/.test(r.message)) return instants.every((ms) => wallClock(z, ms) === `${local}:00`) && instants[0] !== instants[1];
      // A skipped time: no instant shows it, and neither candidate is shown as it either.
      return instants.every((ms) => wallClock(z, ms) !== `${local}:00`);
    }),
    { numRuns: 400 },
  );
});

test('through the parser: `at DATE TIME ZONE` is one timestamp, and the statement carries the UTC time', () => {
  fc.assert(
    fc.property(fc.constantFrom('Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Europe/London', 'UTC'), instant, fc.constantFrom(' ', 'T'), (z, ms, sep) => {
      const local = wallClock(z, ms).replace(' ', sep);
      const { document, diagnostics } = parse(`instance rm-1\nat ${local} ${z}\nrestore db a as b\n`);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) return errors.length === 1 && /happens twice/.test(errors[0]!.message);
      const at = document.statements.find((s) => s.kind === 'At');
      return at?.kind === 'At' && utcMs(at.utc) === ms && at.raw === `${local} ${z}`;
    }),
    { numRuns: 200 },
  );
});

test('the issue\'s example: 10:42 in Asia/Shanghai is 02:42 UTC', () => {
  const { document, diagnostics } = parse('instance rm-1\nat 2026-11-20 10:42 Asia/Shanghai\nrestore db a as b\n');
  assert.equal(diagnostics.filter((d) => d.severity === 'error'), []);
  const at = document.statements.find((s) => s.kind === 'At');
  assert.is(at?.kind === 'At' ? at.utc : undefined, '2026-11-20T02:42:00Z');
});

test.run();
