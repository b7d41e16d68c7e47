// `at` timestamps → parseTimestamp: never throws; an accepted time is the API's UTC form, within
// the years 0000-9999, and reading that form again gives itself; a time with a zone name is never
// refused with a suggested Z.
import fc from 'fast-check';
import { parseTimestamp } from '../../../src/grammar/timestamp.ts';
import { defineTarget, fail } from '../target.ts';

const digits = (n: number, max = 9) => fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const zone = fc.oneof(fc.constantFrom(' Asia/Shanghai', ' America/New_York', ' Europe/Berlin', ' CST', ' UTC', ' Etc/GMT+8', ' Asia/Beijing', ' asia/shanghai', ' Australia/Lord_Howe'), fc.constantFrom('Z', 'z', '', '+14:00', '-12:00', '+14:59', '-14:59', '+8', '+08', '+0800', '+05:30', '-00:00', '+99:99'), fc.tuple(fc.constantFrom('+', '-'), digits(2), fc.constantFrom('', ':'), digits(2)).map((p) => p.join('')));
const stamp = fc
  .tuple(digits(4), digits(2, 3), digits(2, 3), fc.constantFrom('T', 't', ' ', ''), digits(2, 2), digits(2, 6), digits(2, 6), fc.constantFrom('', '.5', ',123'), zone)
  .map(([y, mo, d, sep, h, mi, s, frac, z]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}${z}`);

export default defineTarget({
  name: 'timestamp',
  kind: 'timestamp',
  arbitrary: fc.oneof(stamp, fc.string({ maxLength: 30 })),
  boundMs: 1_000,
  testRuns: 500,
  check(raw) {
    const r = parseTimestamp(raw);
    if (!r.ok) {
      if (!r.message) fail('a refusal without a message');
      // A suggestion is the same time written right: it may only fail for being out of range.
      const again = r.suggestion === undefined ? undefined : parseTimestamp(r.suggestion);
      if (again && !again.ok && !/the year/.test(again.message)) fail(`the suggestion ${r.suggestion} for ${raw} is refused too: ${again.message}`);
      if (/no time zone|no time of day/.test(r.message) && (r.suggestion !== undefined || /\dZ`/.test(r.help ?? ''))) fail(`a time without a zone got a suggested zone: ${r.suggestion ?? r.help}`);
      return;
    }
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.utc)) fail(`${raw} became ${r.utc}, not the API's form`);
    const again = parseTimestamp(r.utc);
    if (!again.ok || again.utc !== r.utc) fail(`${r.utc} does not read back as itself`);
  },
});
