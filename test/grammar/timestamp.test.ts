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
/** One test per row: the input parses, to this UTC time. */
function converts(table: readonly (readonly [string, string])[]): void {
  for (const [input, utc] of table) {
    test(`${input} -> ${utc}`, () => {
      const r = parseTimestamp(input);
      assert.ok(r.ok, JSON.stringify(r));
      if (r.ok) assert.is(r.utc, utc);
    });
  }
}
converts(ok);

const bad: [string, RegExp, string | undefined][] = [
  ['2026-11-20T03:15Z', /no seconds/, '2026-11-20T03:15:00Z'],
  // Never a suggested Z: a time without a zone has no fix unless a zone is configured.
  ['2026-11-20T03:15:00', /no time zone/, undefined],
  ['2026-11-20 11:15', /no time zone/, undefined],
  ['2026-11-20', /no time of day/, undefined],
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
  ['2026-11-20T03:15:00 +08:00', /not in the form/, '2026-11-20T03:15:00+08:00'],
  ['2026/11/20T03:15:00Z', /writes the date with `\/`; write dates as yyyy-MM-dd/, '2026-11-20T03:15:00Z'],
  ['2026.11.20T03:15:00Z', /writes the date with `\.`/, '2026-11-20T03:15:00Z'],
  ['20/11/2026T03:15:00Z', /puts the year last/, '2026-11-20T03:15:00Z'],
  ['11/20/2026T03:15:00Z', /puts the year last/, '2026-11-20T03:15:00Z'],
  ['03/04/2026T03:15:00Z', /could be a day and a month either way round/, undefined],
  // Zone names: the wall-clock form, its fixes.
  ['2026-11-20 10:42:00.5 Asia/Shanghai', /fractional/, '2026-11-20 10:42:00 Asia/Shanghai'],
  ['2026-11-20 10 Asia/Shanghai', /no minutes/, '2026-11-20 10:00 Asia/Shanghai'],
  ['2026-11-20 9:05 Asia/Shanghai', /not in the form yyyy-MM-dd HH:mm\[:ss\] ZONE/, '2026-11-20 09:05 Asia/Shanghai'],
  ['2026-11-20 10:42 asia/shanghai', /which is written `Asia\/Shanghai`/, '2026-11-20 10:42 Asia/Shanghai'],
  ['2026-11-20 10:42 Asia/Shangai', /`Asia\/Shangai` is not a time zone/, '2026-11-20 10:42 Asia/Shanghai'],
  ['2026-11-20 10:42 Asia/Beijing', /Beijing is in the zone Asia\/Shanghai/, '2026-11-20 10:42 Asia/Shanghai'],
  ['2026-11-20 10:42 Mars/Olympus', /`Mars\/Olympus` is not a time zone/, undefined],
  ['2026-11-20 10:42 Etc/GMT+8', /`Etc\/GMT\+8` is UTC-08:00, not UTC\+08:00/, '2026-11-20T10:42:00-08:00'],
  ['2026-11-20 10:42 JST', /`JST` is an abbreviation/, '2026-11-20 10:42 Asia/Tokyo'],
  ['2026-11-20 10:42 CST', /`CST` may mean 3 zones: Asia\/Shanghai, America\/Chicago or America\/Havana/, undefined],
  ['2026-11-20 10:42 IST', /`IST` may mean 3 zones/, undefined],
  ['2026-11-20 10:42 XYZ', /`XYZ` is not a time zone/, undefined],
  ['2026/11/20 11:15:00 CST', /writes the date with `\/` \(write the date as `2026-11-20`\); `CST` may mean 3 zones/, undefined],
];
const zoned: [string, string][] = [
  // The example: a Beijing user's wall-clock time.
  ['2026-11-20 10:42 Asia/Shanghai', '2026-11-20T02:42:00Z'],
  ['2026-11-20 10:42:30 Asia/Shanghai', '2026-11-20T02:42:30Z'],
  ['2026-11-20T10:42 Asia/Shanghai', '2026-11-20T02:42:00Z'],
  ['2026-11-20T10:42:00 Asia/Shanghai', '2026-11-20T02:42:00Z'],
  ['2026-11-20 10:42 UTC', '2026-11-20T10:42:00Z'],
  ['2026-11-20 10:42 Etc/UTC', '2026-11-20T10:42:00Z'],
  ['2026-07-01 12:00 America/New_York', '2026-07-01T16:00:00Z'],
  ['2026-12-01 12:00 America/New_York', '2026-12-01T17:00:00Z'],
  ['2026-11-20 10:42 Asia/Kolkata', '2026-11-20T05:12:00Z'],
  ['2026-11-20 10:42 US/Eastern', '2026-11-20T15:42:00Z'],
  ['2026-01-01 00:30 Asia/Kathmandu', '2025-12-31T18:45:00Z'],
  ['2026-11-20 10:42 Australia/Lord_Howe', '2026-11-19T23:42:00Z'],
];
converts(zoned);

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

test('a time without a zone: the help names the configured and likely zones with their UTC times, the fix only the configured one', () => {
  const r = parseTimestamp('2026-11-20 11:15', { defaultZone: 'Asia/Shanghai', likelyZones: [{ zone: 'Europe/Berlin', why: "this machine's zone" }] });
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.match(r.message, /has no time zone/);
  assert.is(r.suggestion, '2026-11-20 11:15 Asia/Shanghai');
  assert.match(r.help!, /`2026-11-20 11:15 Asia\/Shanghai` \(the zone in restorec.config.json\) is 2026-11-20T03:15:00Z/);
  assert.match(r.help!, /in Europe\/Berlin \(this machine's zone\) it is 2026-11-20T10:15:00Z/);
  // No Z is suggested, nor a date that was not written.
  assert.not.match(r.help!, /11:15:00Z|T11:15/);
});

test('a time without a zone and no hints: an example zone, never UTC', () => {
  const r = parseTimestamp('2026-03-01T08:00:00');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.is(r.suggestion, undefined);
  assert.match(r.help!, /e\.g\. `2026-03-01T08:00:00 Asia\/Shanghai` is 2026-03-01T00:00:00Z/);
});

test('a configured zone that is not a zone name (an abbreviation) is not offered', () => {
  const r = parseTimestamp('2026-11-20 11:15', { defaultZone: 'CST' });
  assert.not.ok(r.ok);
  if (!r.ok) {
    assert.is(r.suggestion, undefined);
    assert.not.match(r.help!, /CST/);
  }
});

test('a DST gap is refused with both readings', () => {
  const r = parseTimestamp('2026-03-08 02:30 America/New_York');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.match(r.message, /does not exist: clocks in America\/New_York skip it that night, going from -05:00 to -04:00/);
  assert.match(r.help!, /`2026-03-08T02:30:00-05:00` \(2026-03-08T07:30:00Z, read with the offset before the change\) or `2026-03-08T02:30:00-04:00` \(2026-03-08T06:30:00Z, with the offset after\)/);
  assert.is(r.suggestion, undefined);
});

test('a DST overlap is refused with both instants', () => {
  const r = parseTimestamp('2026-10-25 02:30 Europe/Berlin');
  assert.not.ok(r.ok);
  if (r.ok) return;
  assert.match(r.message, /happens twice: clocks in Europe\/Berlin go back that night, from \+02:00 to \+01:00/);
  assert.match(r.help!, /`2026-10-25T02:30:00\+02:00` \(the first, 2026-10-25T00:30:00Z\) or `2026-10-25T02:30:00\+01:00` \(the second, 2026-10-25T01:30:00Z\)/);
});

// A fix offered for one mistake (a fraction, the form, the zone's spelling) must not lead into a
// second refusal: a time its zone skips or repeats gets both problems and the two readings instead.
test('no fix is offered that would be refused again: a fraction or a form mistake in a skipped or repeated time', () => {
  const cases = [
    ['7340-10-30T02:00:00,123 Europe/Berlin', 'has fractional seconds; the API takes whole seconds, and `7340-10-30T02:00:00 Europe/Berlin` happens twice'],
    ['2026-10-25 02:30:00.5 Europe/Berlin', 'has fractional seconds; the API takes whole seconds, and `2026-10-25 02:30:00 Europe/Berlin` happens twice'],
    ['2026-03-08 2:30 America/New_York', 'is not in the form yyyy-MM-dd HH:mm[:ss] ZONE, and `2026-03-08 02:30 America/New_York` does not exist'],
  ] as const;
  for (const [raw, says] of cases) {
    const r = parseTimestamp(raw);
    assert.not.ok(r.ok, raw);
    if (r.ok) continue;
    assert.is(r.suggestion, undefined, raw);
    assert.ok(r.message.includes(says), r.message);
    const offered = [...r.help!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    assert.is(offered.length, 2, raw);
    for (const text of offered) assert.ok(parseTimestamp(text).ok, text);
  }
  // A fix refused only for its year, as the time written is, is still offered.
  const late = parseTimestamp('9999-12-31 23:59:59.5 America/Los_Angeles');
  assert.ok(!late.ok && late.suggestion === '9999-12-31 23:59:59 America/Los_Angeles', JSON.stringify(late));
  const fixed = parseTimestamp('9999-12-31 23:59:59 America/Los_Angeles');
  assert.ok(!fixed.ok && /after the year 9999/.test(fixed.message), JSON.stringify(fixed));
});

test('the candidates a help offers are accepted as written', () => {
  for (const raw of ['2026-03-08 02:30 America/New_York', '2026-11-01 01:30 America/New_York']) {
    const r = parseTimestamp(raw);
    assert.not.ok(r.ok);
    if (r.ok) continue;
    const offered = [...r.help!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    assert.is(offered.length, 2);
    for (const text of offered) assert.ok(parseTimestamp(text).ok, text);
  }
});

test('an abbreviation with several meanings lists each with its UTC time', () => {
  const r = parseTimestamp('2026-11-20 11:15 CST');
  assert.not.ok(r.ok);
  if (!r.ok) assert.match(r.help!, /Asia\/Shanghai \(2026-11-20T03:15:00Z\), America\/Chicago \(2026-11-20T17:15:00Z\) or America\/Havana \(2026-11-20T16:15:00Z\)/);
});

test.run();
