// ISO 8601 timestamps for `at`: accepted with `Z` or an offset, normalised to the UTC form
// the RestoreTable API demands (`yyyy-MM-ddTHH:mm:ssZ`).

export type TimestampResult =
  | { ok: true; utc: string; hadOffset: boolean }
  | { ok: false; message: string; suggestion?: string };

const FULL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:[.,](\d+))?)?([Zz]|[+-]\d{1,2}(?::?\d{2})?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Parses the text of an `at` timestamp. A failure says what is wrong and, when the intent is
 *  clear, gives the corrected text. */
export function parseTimestamp(raw: string): TimestampResult {
  const m = FULL.exec(raw);
  if (!m) return { ok: false, message: `\`${raw}\` is not a timestamp; write it as 2026-11-20T03:15:00Z` };
  const [, y, mo, d, sep, h, mi, s, frac, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h ?? 0), minute = Number(mi ?? 0), second = Number(s ?? 0);
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    month >= 1 && month <= 12 && probe.getUTCDate() === day && probe.getUTCMonth() === month - 1 &&
    hour <= 23 && minute <= 59 && second <= 59;
  if (!valid) return { ok: false, message: `\`${raw}\` is not a valid date and time` };
  const offset = zone === undefined ? undefined : offsetMinutes(zone);
  if (zone !== undefined && offset === undefined) {
    return { ok: false, message: `\`${zone}\` is not a valid UTC offset; use Z or an offset such as +08:00` };
  }
  const local = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const suggestion = (z: string) => `${local}${z === 'z' ? 'Z' : z}`;
  if (h === undefined) {
    return { ok: false, message: `\`${raw}\` has no time of day; give hours, minutes and seconds`, suggestion: `${local}${zone ?? 'Z'}` };
  }
  if (zone === undefined) {
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
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second) - (offset as number) * 60_000;
  return { ok: true, utc: formatUtc(utcMs), hadOffset: offset !== 0 || (zone !== 'Z') };
}
