// Table tests for `at` timestamps: accepted forms, UTC normalisation, and helpful refusals.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTimestamp } from '../../src/grammar/timestamp.ts';

const ok: [string, string][] = [
  ['2026-11-20T03:15:00Z', '2026-11-20T03:15:00Z'],
  ['2026-11-20T11:15:00+08:00', '2026-11-20T03:15:00Z'],
  ['2026-11-20T01:15:00+0800', '2026-11-19T17:15:00Z'],
  ['2026-11-19T22:15:00-05:00', '2026-11-20T03:15:00Z'],
  ['2019-08-20T16:00:00Z', '2019-08-20T16:00:00Z'],
  ['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59Z'],
  ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00Z'],
  // Years 0-99 are those years, not 1900-1999 (Date.UTC's reading).
  ['0050-06-01T12:00:00Z', '0050-06-01T12:00:00Z'],
  ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
  ['0099-12-31T23:00:00-01:00', '0100-01-01T00:00:00Z'],
  ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59Z'],
  ['2026-11-20T17:15:00+14:00', '2026-11-20T03:15:00Z'],
  ['2026-11-19T15:15:00-12:00', '2026-11-20T03:15:00Z'],
  ['2026-11-20T08:45:00+05:30', '2026-11-20T03:15:00Z'],
];
for (const [input, utc] of ok) {
  test(`${input} -> ${utc}`, () => {
    const r = parseTimestamp(input);
    assert.ok(r.ok, JSON.stringify(r));
    if (r.ok) assert.is(r.utc, utc);
  });
}

const bad: [string, RegExp, string | undefined][] = [
  ['2026-11-20T03:15Z', /no seconds/, '2026-11-20T03:15:00Z'],
  ['2026-11-20T03:15:00', /no time zone/, '2026-11-20T03:15:00Z'],
  ['2026-11-20', /no time of day/, '2026-11-20T00:00:00Z'],
  ['2026-11-20 03:15:00Z', /not in the form/, '2026-11-20T03:15:00Z'],
  ['2026-11-20T03:15:00.5Z', /fractional/, '2026-11-20T03:15:00Z'],
  ['2026-02-30T03:15:00Z', /not a valid date/, undefined],
  ['2026-11-20T25:15:00Z', /not a valid date/, undefined],
  ['2026-11-20T03:15:00+19:00', /not a valid UTC offset/, undefined],
  ['rm-abc', /not a timestamp/, undefined],
  ['9999-12-31T23:59:59-12:00', /after the year 9999 in UTC/, undefined],
  ['0000-01-01T00:00:00+01:00', /before the year 0000 in UTC/, undefined],
  ['2026-11-20T03:15:00+14:59', /offsets in use run from -12:00 to \+14:00/, undefined],
  ['2026-11-20T03:15:00-14:59', /offsets in use run from -12:00 to \+14:00/, undefined],
  ['2026-11-20T03:15:00-12:01', /offsets in use/, undefined],
  ['2026-11-20T03:15:00+8', /not a UTC offset in the form \+HH:MM; write `\+08:00`/, '2026-11-20T03:15:00+08:00'],
  ['2026-11-20T03:15:00+08', /not a UTC offset in the form \+HH:MM/, '2026-11-20T03:15:00+08:00'],
  ['2026-11-20T03:15:00+08:60', /not a valid UTC offset/, undefined],
];
for (const [input, message, suggestion] of bad) {
  test(`refuses ${input}`, () => {
    const r = parseTimestamp(input);
    assert.not.ok(r.ok);
    if (!r.ok) {
      assert.match(r.message, message);
      assert.is(r.suggestion, suggestion);
    }
  });
}

test.run();
