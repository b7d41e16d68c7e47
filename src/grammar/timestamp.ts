// `at` times, normalised to the UTC form the RestoreTable API demands (`yyyy-MM-ddTHH:mm:ssZ`):
// ISO 8601 with `Z` or an offset, or a wall-clock time and an IANA zone
// (`2026-11-20 10:42 Asia/Shanghai`). A time without a zone is refused: the zone is never guessed.
import { ABBREVIATIONS, CITY_ZONES } from './zone-names.ts';
import { civilMs, closestZone, formatOffset, isTimeZone, isZoneName, resolveLocal, spelling } from './zones.ts';

export { civilMs };

/** A zone a time written without one was likely read in, and why it is likely. */
export interface ZoneHint {
  zone: string;
  /** e.g. `the zone in restorec.config.json`, `this machine's zone`. */
  why: string;
}

export interface TimestampOptions {
  /** The configured default zone: named first in the help for a time without a zone, and
   *  offered as the fix (the author chose it; restorec still never applies it silently). */
  defaultZone?: string;
  /** Other likely zones, named after it (the spec's region, the machine's zone). */
  likelyZones?: readonly ZoneHint[];
}

export type TimestampResult =
  /** `zone`: the zone name written, if any; `text`: the time as written with its spaces
   *  normalised (what `fmt` prints). */
  | { ok: true; utc: string; hadOffset: boolean; zone?: string; text?: string }
  | { ok: false; message: string; help?: string; suggestion?: string };

type Failure = Extract<TimestampResult, { ok: false }>;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** The offsets clocks use: UTC-12:00 (Baker Island) to UTC+14:00 (Line Islands). */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

export type ZoneResult = { ok: true; offsetMinutes: number } | { ok: false; message: string; suggestion?: string };

/** An offset zone: `Z`, or `+HH:MM` (`+HHMM`) within -12:00..+14:00. Zone names: see zoneName(). */
export function parseZone(zone: string): ZoneResult {
  if (zone === 'Z' || zone === 'z') return { ok: true, offsetMinutes: 0 };
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  const invalid = `\`${zone}\` is not a valid UTC offset; write an offset such as +08:00`;
  if (!m) return { ok: false, message: invalid };
  const [, sign, hh, mm] = m as unknown as [string, string, string, string | undefined];
  const hours = Number(hh);
  const minutes = Number(mm ?? '0');
  const written = `${sign}${pad(hours)}:${pad(minutes)}`;
  if (minutes > 59 || hours > 23) return { ok: false, message: invalid };
  const offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  if (offset < MIN_OFFSET || offset > MAX_OFFSET) {
    return { ok: false, message: `\`${zone}\` is not a valid UTC offset: offsets in use run from -12:00 to +14:00` };
  }
  if (hh.length !== 2 || mm === undefined) {
    return { ok: false, message: `\`${zone}\` is not a UTC offset in the form +HH:MM; write \`${written}\``, suggestion: written };
  }
  return { ok: true, offsetMinutes: offset };
}

/** The API's form has four digits of year: UTC times outside these are refused. */
const MIN_MS = civilMs(0, 1, 1, 0, 0, 0);
const MAX_MS = civilMs(9999, 12, 31, 23, 59, 59);

const YMD = /^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(.*)$/s;
const DMY = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(.*)$/s;
const REST = /^(?:([Tt]|[ \t]+)(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:[.,](\d+))?)?(?:([ \t]*)([Zz]|[+-]\d{1,2}(?::?\d{2})?)|[ \t]+([A-Za-z][\w+\-/]*))?$/;

const FORMS = 'write `yyyy-MM-dd HH:mm` and the zone the time was read in (an IANA name such as Asia/Shanghai), or ISO 8601 with an offset (`yyyy-MM-ddTHH:mm:ss+08:00`)';

/** What was written, in pieces. */
interface Written {
  raw: string;
  year: number;
  month: number;
  day: number;
  /** Date as the canonical text (`2026-11-20`). */
  date: string;
  sep?: string;
  h?: string;
  mi?: string;
  s?: string;
  frac?: string;
  /** Whitespace before an offset (`03:15:00 +08:00`). */
  offsetSpace?: string;
  offset?: string;
  zoneName?: string;
}

/** Parses the text of an `at` time. A refusal says what is wrong and, when the intent is clear,
 *  gives the corrected text (`suggestion`); `help` says what to do when it is not. A suggestion
 *  is one restorec reads (or refuses only for its year, as it does the time written): one that
 *  would be refused again (a wall-clock time its zone skips or repeats, with its fraction
 *  dropped) is not offered; the refusal says both problems and helps with the second. */
export function parseTimestamp(raw: string, options: TimestampOptions | (() => TimestampOptions) = {}): TimestampResult {
  const result = parseWritten(raw, options);
  if (result.ok || result.suggestion === undefined) return result;
  const again = parseWritten(result.suggestion, options);
  if (again.ok || OUT_OF_RANGE.has(again)) return result;
  return { ok: false, message: `${result.message}, and ${again.message}`, ...(again.help ? { help: again.help } : {}) };
}

function parseWritten(raw: string, options: TimestampOptions | (() => TimestampOptions)): TimestampResult {
  const notes: string[] = [];
  let m = YMD.exec(raw);
  let year: number, month: number, day: number, rest: string;
  if (m) {
    [year, month, day, rest] = [Number(m[1]), Number(m[3]), Number(m[5]), m[6]!];
    if (m[2] !== '-' || m[4] !== '-') notes.push(`writes the date with \`${m[2] !== '-' ? m[2] : m[4]}\``);
  } else if ((m = DMY.exec(raw))) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Day-first or month-first: only a part over 12 tells them apart.
    if (a <= 12 && b <= 12 && a !== b) {
      return { ok: false, message: `\`${raw}\` puts the year last, and ${m[1]}${m[2]}${m[3]} could be a day and a month either way round`, help: 'write the date as yyyy-MM-dd (year, month, day)' };
    }
    [year, month, day, rest] = [Number(m[4]), a > 12 ? b : a, a > 12 ? a : b, m[5]!];
    notes.push('puts the year last');
  } else {
    return { ok: false, message: `\`${raw}\` is not a timestamp`, help: FORMS };
  }
  const r = REST.exec(rest);
  if (!r) return { ok: false, message: `\`${raw}\` is not a timestamp`, help: FORMS };
  const w: Written = { raw, year, month, day, date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
  const [, sep, h, mi, s, frac, offsetSpace, offset, zoneName] = r;
  Object.assign(w, { sep, h, mi, s, frac, offsetSpace, offset, zoneName });
  const result = readWritten(w, options);
  if (notes.length === 0) return result;
  // The date was written another way: one message for everything wrong with the time.
  const first = `\`${raw}\` ${notes.join(' and ')}`;
  if (result.ok) {
    const canonical = canonicalText(w);
    return { ok: false, message: `${first}; write dates as yyyy-MM-dd`, help: `write \`${canonical}\``, suggestion: canonical };
  }
  const own = `\`${raw}\` `;
  const inner = result.message.startsWith(own) ? `it ${result.message.slice(own.length)}` : result.message;
  return { ok: false, message: `${first} (write the date as \`${w.date}\`); ${inner}`, ...(result.help ? { help: result.help } : {}), ...(result.suggestion ? { suggestion: result.suggestion } : {}) };
}

/** The time of day as canonical text: `HH:mm` or `HH:mm:ss`, as precise as written. */
function clock(w: Written, seconds: boolean): string {
  return `${pad(Number(w.h ?? 0))}:${pad(Number(w.mi ?? 0))}${seconds || w.s !== undefined ? `:${pad(Number(w.s ?? 0))}` : ''}`;
}

/** The canonical text of an accepted time: ISO for offsets, `date time zone` for zone names. */
function canonicalText(w: Written, zone = w.zoneName): string {
  if (zone !== undefined) return `${w.date}${w.sep === 'T' || w.sep === 't' ? 'T' : ' '}${clock(w, false)} ${zone}`;
  return `${w.date}T${clock(w, true)}${w.offset === 'z' ? 'Z' : (w.offset ?? '')}`;
}

function readWritten(w: Written, given: TimestampOptions | (() => TimestampOptions)): TimestampResult {
  // Options are read only for a time without a zone: finding them may mean reading a config.
  const options = () => (typeof given === 'function' ? given() : given);
  const { raw } = w;
  const hour = Number(w.h ?? 0), minute = Number(w.mi ?? 0), second = Number(w.s ?? 0);
  const probe = new Date(civilMs(w.year, w.month, w.day, hour, minute, second));
  const valid = w.month >= 1 && w.month <= 12 && probe.getUTCDate() === w.day && probe.getUTCMonth() === w.month - 1 && hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return { ok: false, message: `\`${raw}\` is not a valid date and time: ${whyInvalid(w.year, w.month, w.day, hour, minute, second)}` };
  const localMs = civilMs(w.year, w.month, w.day, hour, minute, second);
  if (w.h === undefined) {
    const zone = w.zoneName ?? (w.offset ? undefined : options().defaultZone ?? 'Asia/Shanghai');
    return { ok: false, message: `\`${raw}\` has no time of day`, help: zone ? `write the time and the zone it was read in: \`${w.date} HH:mm ${zone}\`` : `write the time: \`${w.date}THH:mm:ss${w.offset}\`` };
  }
  if (w.offset !== undefined) return readIso(w, localMs);
  if (w.zoneName === undefined) return zoneless(w, localMs, options());
  // A wall-clock time and a zone name: `HH:mm` or `HH:mm:ss`, after `T` or one space.
  const zone = zoneName(w, localMs);
  if (!zone.ok) return zone;
  if (w.frac !== undefined) return fix(w, 'has fractional seconds; the API takes whole seconds', canonicalText(w, zone.zone));
  if (w.mi === undefined) return fix(w, 'has no minutes', canonicalText(w, zone.zone));
  if (w.h.length !== 2 || w.mi.length !== 2 || (w.s !== undefined && w.s.length !== 2) || w.sep === 't') {
    return fix(w, 'is not in the form yyyy-MM-dd HH:mm[:ss] ZONE', canonicalText(w, zone.zone));
  }
  if (zone.zone !== w.zoneName) return fix(w, `names the zone \`${w.zoneName}\`, which is written \`${zone.zone}\``, canonicalText(w, zone.zone));
  const found = resolveLocal(zone.zone, localMs);
  if (found.kind === 'gap') {
    const { before, after } = found;
    return {
      ok: false,
      message: `\`${raw}\` does not exist: clocks in ${zone.zone} skip it that night, going from ${formatOffset(before.offsetMs)} to ${formatOffset(after.offsetMs)}`,
      help: `write which instant you mean: \`${iso(w, before.offsetMs)}\` (${formatUtc(before.utcMs)}, read with the offset before the change) or \`${iso(w, after.offsetMs)}\` (${formatUtc(after.utcMs)}, with the offset after)`,
    };
  }
  if (found.kind === 'overlap') {
    const { earlier, later } = found;
    return {
      ok: false,
      message: `\`${raw}\` happens twice: clocks in ${zone.zone} go back that night, from ${formatOffset(earlier.offsetMs)} to ${formatOffset(later.offsetMs)}`,
      help: `write which instant you mean: \`${iso(w, earlier.offsetMs)}\` (the first, ${formatUtc(earlier.utcMs)}) or \`${iso(w, later.offsetMs)}\` (the second, ${formatUtc(later.utcMs)})`,
    };
  }
  return inRange(raw, found.utcMs, { hadOffset: true, zone: zone.zone, text: canonicalText(w) });
}

/** The ISO 8601 text of the written wall-clock time at a given offset. */
function iso(w: Written, offsetMs: number): string {
  return `${w.date}T${clock(w, true)}${formatOffset(offsetMs)}`;
}

function fix(w: Written, problem: string, suggestion: string): Failure {
  return { ok: false, message: `\`${w.raw}\` ${problem}`, help: `write \`${suggestion}\``, suggestion };
}

/** Refusals for a time outside the years the API's form holds (see parseTimestamp's suggestions). */
const OUT_OF_RANGE = new WeakSet<Failure>();

function inRange(raw: string, utcMs: number, extra: { hadOffset: boolean; zone?: string; text?: string }): TimestampResult {
  if (utcMs < MIN_MS || utcMs > MAX_MS) {
    const failure: Failure = { ok: false, message: `\`${raw}\` is ${utcMs > MAX_MS ? 'after the year 9999' : 'before the year 0000'} in UTC, which the API's yyyy-MM-ddTHH:mm:ssZ cannot hold` };
    OUT_OF_RANGE.add(failure);
    return failure;
  }
  return { ok: true, utc: formatUtc(utcMs), ...extra };
}

/** ISO 8601 with `Z` or an offset: `yyyy-MM-ddTHH:mm:ss` exactly. */
function readIso(w: Written, localMs: number): TimestampResult {
  const zone = parseZone(w.offset!);
  if (!zone.ok) return { ok: false, message: zone.message, ...(zone.suggestion ? { help: `write \`${canonicalText({ ...w, offset: zone.suggestion })}\``, suggestion: canonicalText({ ...w, offset: zone.suggestion }) } : {}) };
  const canonical = canonicalText(w);
  if (w.s === undefined) return fix(w, 'has no seconds; seconds are required', canonical);
  if (w.frac !== undefined) return fix(w, 'has fractional seconds; the API takes whole seconds', canonical);
  if (w.sep !== 'T' || w.h!.length !== 2 || w.mi!.length !== 2 || w.s.length !== 2 || w.offset === 'z' || w.offsetSpace) {
    return fix(w, 'is not in the form yyyy-MM-ddTHH:mm:ssZ', canonical);
  }
  return inRange(w.raw, localMs - zone.offsetMinutes * 60_000, { hadOffset: zone.offsetMinutes !== 0 || w.offset !== 'Z' });
}

/** A zone name as written → the zone to use, or why not. */
function zoneName(w: Written, localMs: number): { ok: true; zone: string } | Failure {
  const name = w.zoneName!;
  const upper = name.toUpperCase();
  const meanings = ABBREVIATIONS[upper];
  if (meanings) {
    const shown = meanings.map((z) => `${z} (${describeAt(w, z, localMs)})`);
    if (meanings.length === 1) {
      const suggestion = canonicalText(w, meanings[0]);
      return { ok: false, message: `\`${name}\` is an abbreviation; restorec reads zone names (Area/City) and offsets, whose rules for summer time are known`, help: `write the zone: \`${suggestion}\` is ${describeAt(w, meanings[0]!, localMs)}`, suggestion };
    }
    return { ok: false, message: `\`${name}\` may mean ${meanings.length} zones: ${listOf(meanings)}`, help: `write the one you mean: ${listOf(shown)}` };
  }
  const posix = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(name);
  if (posix) {
    const offset = `${posix[1] === '+' ? '-' : '+'}${pad(Number(posix[2]))}:00`;
    const suggestion = canonicalText({ ...w, zoneName: undefined, offset });
    return { ok: false, message: `\`${name}\` is UTC${offset}, not UTC${posix[1]}${pad(Number(posix[2]))}:00: POSIX zone names turn the sign round`, help: `write the offset: \`${suggestion}\``, suggestion };
  }
  if (upper === 'UTC' || (name.includes('/') && isTimeZone(name))) {
    // The zone as the tz database spells it (links such as US/Eastern are kept as written).
    return { ok: true, zone: upper === 'UTC' ? 'UTC' : (spelling(name) ?? name) };
  }
  const city = CITY_ZONES[name.split('/').pop()!.toLowerCase()];
  const guess = city ?? closestZone(name);
  if (guess) {
    const suggestion = canonicalText(w, guess);
    return { ok: false, message: `\`${name}\` is not a time zone${city ? `; ${name.split('/').pop()} is in the zone ${city}` : ''}`, help: `did you mean \`${suggestion}\`?`, suggestion };
  }
  return { ok: false, message: `\`${name}\` is not a time zone`, help: 'write an IANA zone name (Area/City, such as Asia/Shanghai or Europe/London) or an offset such as +08:00' };
}

/** `2026-11-20T03:15:00Z` for the written wall-clock time in `zone`, or what is odd about it. */
function describeAt(w: Written, zone: string, localMs: number): string {
  if (!isTimeZone(zone)) return 'unknown here';
  const r = resolveLocal(zone, localMs);
  if (r.kind === 'one') return formatUtc(r.utcMs);
  if (r.kind === 'gap') return `skipped there that night: ${formatUtc(r.after.utcMs)} or ${formatUtc(r.before.utcMs)}`;
  return `there twice: ${formatUtc(r.earlier.utcMs)} or ${formatUtc(r.later.utcMs)}`;
}

function zoneless(w: Written, localMs: number, options: TimestampOptions): Failure {
  const hints: ZoneHint[] = [];
  const add = (h: ZoneHint) => {
    if (isZoneName(h.zone) && !hints.some((x) => x.zone === h.zone)) hints.push(h);
  };
  if (options.defaultZone) add({ zone: options.defaultZone, why: 'the zone in restorec.config.json' });
  for (const h of options.likelyZones ?? []) add(h);
  if (hints.length === 0) add({ zone: 'Asia/Shanghai', why: 'for example' });
  const shown = hints.slice(0, 3).map((h, i) => {
    const utc = describeAt(w, h.zone, localMs);
    if (h.why === 'for example') return `e.g. \`${canonicalText(w, h.zone)}\` is ${utc}`;
    return i === 0 ? `\`${canonicalText(w, h.zone)}\` (${h.why}) is ${utc}` : `in ${h.zone} (${h.why}) it is ${utc}`;
  });
  const message = `\`${w.raw}\` has no time zone; the request carries a UTC time, and restorec does not guess the zone it was read in`;
  const help = `write the zone after the time: ${shown.join('; ')}; or write an offset such as +08:00`;
  const fixed = options.defaultZone && hints[0]?.zone === options.defaultZone ? canonicalText(w, options.defaultZone) : undefined;
  return { ok: false, message, help, ...(fixed ? { suggestion: fixed } : {}) };
}

/** What is out of range in a date and time that does not exist. */
function whyInvalid(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(civilMs(year, month + 1, 1, 0, 0, 0) - 86_400_000).getUTCDate();
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  if (hour > 23) return 'hours run from 00 to 23';
  return minute > 59 ? 'minutes run from 00 to 59' : 'seconds run from 00 to 59';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
