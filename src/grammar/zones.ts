// IANA time zones for `at` times, on the platform's Intl (Node's full ICU carries the tz
// database): a zone's offset at an instant, and the instant(s) a wall-clock time names in a zone
// (none in a spring-forward gap, two in a fall-back overlap).
import { closest } from './suggest.ts';
import type { TimestampOptions, ZoneHint } from './timestamp.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    // Bounded: zone names come from spec files, and only valid ones get this far.
    if (formatters.size > 1000) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows `zone` (an IANA name or link, any case). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds since the epoch of a civil (wall-clock) time read as if it were UTC. Not Date.UTC:
 * it reads years 0-99 as 1900-1999.
 */
export function civilMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** An IANA name (Area/City, or a link such as US/Eastern) or UTC: what an `at` time may name.
 *  Intl also takes abbreviations (`CST`, `EST`) and POSIX names, which mislead (see timestamp.ts). */
export function isZoneName(zone: string): boolean {
  return zone.toUpperCase() === 'UTC' || (zone.includes('/') && !/^Etc\/GMT[+-]/i.test(zone) && isTimeZone(zone));
}

/** The wall-clock time in `zone` at instant `utcMs`, as civil milliseconds. */
export function wallClockMs(zone: string, utcMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  return civilMs(year, get('month'), get('day'), get('hour'), get('minute'), get('second'));
}

/** The offset of `zone` from UTC at instant `utcMs`, in milliseconds (east positive). */
export function offsetMs(zone: string, utcMs: number): number {
  return wallClockMs(zone, Math.floor(utcMs / 1000) * 1000) - Math.floor(utcMs / 1000) * 1000;
}

export type LocalResolution =
  | { kind: 'one'; utcMs: number; offsetMs: number }
  /** The wall-clock time is skipped (clocks go forward): read with the offset before and after. */
  | { kind: 'gap'; before: { utcMs: number; offsetMs: number }; after: { utcMs: number; offsetMs: number } }
  /** The wall-clock time happens twice (clocks go back): the earlier and the later instant. */
  | { kind: 'overlap'; earlier: { utcMs: number; offsetMs: number }; later: { utcMs: number; offsetMs: number } };

const DAY = 86_400_000;

/**
 * The instants at which the clocks of `zone` show `localMs` (civil milliseconds). Offset changes
 * are at least days apart, so the offsets a day before and a day after are the only candidates
 * (the method of Temporal's GetPossibleInstantsFor).
 */
export function resolveLocal(zone: string, localMs: number): LocalResolution {
  const early = offsetMs(zone, localMs - DAY);
  const late = offsetMs(zone, localMs + DAY);
  const valid = [...new Set([early, late])]
    .map((o) => ({ utcMs: localMs - o, offsetMs: o }))
    .filter((c) => offsetMs(zone, c.utcMs) === c.offsetMs)
    .sort((a, b) => a.utcMs - b.utcMs);
  if (valid.length === 1) return { kind: 'one', ...valid[0]! };
  if (valid.length === 2) return { kind: 'overlap', earlier: valid[0]!, later: valid[1]! };
  return { kind: 'gap', before: { utcMs: localMs - early, offsetMs: early }, after: { utcMs: localMs - late, offsetMs: late } };
}

/** `+08:00` for an offset in milliseconds (seconds of local mean time are dropped). */
export function formatOffset(ms: number): string {
  const minutes = Math.trunc(ms / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

let known: string[] | undefined;

/** Zone names for "did you mean": Intl's canonical list and the current names of renamed zones
 *  (ICU lists Asia/Calcutta; people write Asia/Kolkata). */
function knownZones(): string[] {
  known ??= [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Europe/Kyiv', 'Asia/Kathmandu', 'America/Nuuk', 'Asia/Yangon'];
  return known;
}

/** The tz database's spelling of a zone written in another case (`asia/shanghai`). */
export function spelling(name: string): string | undefined {
  const lower = name.toLowerCase();
  return knownZones().find((z) => z.toLowerCase() === lower);
}

export function closestZone(name: string): string | undefined {
  const lower = name.toLowerCase();
  const byCity = knownZones().find((z) => z.toLowerCase().endsWith('/' + lower.split('/').pop()));
  return closest(name, knownZones()) ?? (lower.includes('/') ? byCity : undefined);
}

/** This machine's zone, unless it is UTC (CI runners): UTC is never offered for a local time. */
export function machineZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone.includes('/') && !/^Etc\//.test(zone) ? zone : undefined;
}

/** Timestamp options from a configured zone (offered as the fix), other likely zones, then this
 *  machine's zone; built only when a time without a zone asks for them. */
export function hintsFrom(timeZone: string | undefined, extra: ZoneHint[] = []): () => TimestampOptions {
  return () => {
    const machine = machineZone();
    return { ...(timeZone ? { defaultZone: timeZone } : {}), likelyZones: [...extra, ...(machine ? [{ zone: machine, why: "this machine's zone" }] : [])] };
  };
}
