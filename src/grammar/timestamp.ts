// ISO 8601 timestamps for `at`: accepted with `Z` or an offset, normalised to the UTC form
// the RestoreTable API demands (`yyyy-MM-ddTHH:mm:ssZ`).

export type TimestampResult =
  | { ok: true; utc: string; hadOffset: boolean }
  | { ok: false; message: string; suggestion?: string };

const FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:[.,](\d+))?)?([Zz]|[+-]\d{1,2}(?::?\d{2})?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Milliseconds since the epoch of a UTC civil time. Not Date.UTC: it reads years 0-99 as
 * 1900-1999 (`0050-06-01` became 1950).
 */
function civilMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** The offsets clocks use: UTC-12:00 (Baker Island) to UTC+14:00 (Line Islands). */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

export type ZoneResult = { ok: true; offsetMinutes: number } | { ok: false; message: string; suggestion?: string };

/**
 * The zone of a timestamp: `Z`, or an offset `+HH:MM` (`+HHMM`) within -12:00..+14:00. A zone
 * other than these is refused with the form to write. (Zone names would be read here too.)
 */
export function parseZone(zone: string): ZoneResult {
  if (zone === 'Z' || zone === 'z') return { ok: true, offsetMinutes: 0 };
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return { ok: false, message: `\`${zone}\` is not a valid UTC offset; use Z or an offset such as +08:00` };
  const [, sign, hh, mm] = m as unknown as [string, string, string, string | undefined];
  const hours = Number(hh);
  const minutes = Number(mm ?? '0');
  const written = `${sign}${pad(hours)}:${pad(minutes)}`;
  if (minutes > 59 || hours > 23) return { ok: false, message: `\`${zone}\` is not a valid UTC offset; use Z or an offset such as +08:00` };
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

/** Parses the text of an `at` timestamp. A failure says what is wrong and, when the intent is
 *  clear, gives the corrected text. */
export function parseTimestamp(raw: string): TimestampResult {
  const m = FULL.exec(raw);
  if (!m) return { ok: false, message: `\`${raw}\` is not a timestamp; write it as 2026-11-20T03:15:00Z` };
  const [, y, mo, d, sep, h, mi, s, frac, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h ?? 0), minute = Number(mi ?? 0), second = Number(s ?? 0);
  const probe = new Date(civilMs(year, month, day, hour, minute, second));
  const valid =
    month >= 1 && month <= 12 && probe.getUTCDate() === day && probe.getUTCMonth() === month - 1 &&
    hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return { ok: false, message: `\`${raw}\` is not a valid date and time` };
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const suggestion = (z: string) => `${local}${z === 'z' ? 'Z' : z}`;
  const parsedZone = zone === undefined ? undefined : parseZone(zone);
  if (parsedZone && !parsedZone.ok) {
    return { ok: false, message: parsedZone.message, ...(parsedZone.suggestion ? { suggestion: suggestion(parsedZone.suggestion) } : {}) };
  }
  if (h === undefined) {
    return { ok: false, message: `\`${raw}\` has no time of day; give hours, minutes and seconds`, suggestion: `${local}${zone ?? 'Z'}` };
  }
  if (zone === undefined || !parsedZone?.ok) {
    return { ok: false, message: `\`${raw}\` has no time zone; add Z for UTC or an offset such as +08:00`, suggestion: suggestion('Z') };
  }
  if (s === undefined) {
    return { ok: false, message: `\`${raw}\` has no seconds; seconds are required`, suggestion: suggestion(zone) };
  }
  if (frac !== undefined) {
    return { ok: false, message: `\`${raw}\` has fractional seconds; the API takes whole seconds`, suggestion: suggestion(zone) };
  }
  if (sep !== 'T' || h.length !== 2 || mi!.length !== 2 || s.length !== 2 || mo!.length !== 2 || d!.length !== 2 || zone === 'z') {
    return { ok: false, message: `\`${raw}\` is not in the form yyyy-MM-ddTHH:mm:ssZ`, suggestion: suggestion(zone) };
  }
  const utcMs = civilMs(year, month, day, hour, minute, second) - parsedZone.offsetMinutes * 60_000;
  if (utcMs < MIN_MS || utcMs > MAX_MS) {
    return { ok: false, message: `\`${raw}\` is ${utcMs > MAX_MS ? 'after the year 9999' : 'before the year 0000'} in UTC, which the API's yyyy-MM-ddTHH:mm:ssZ cannot hold` };
  }
  return { ok: true, utc: formatUtc(utcMs), hadOffset: parsedZone.offsetMinutes !== 0 || zone !== 'Z' };
}
