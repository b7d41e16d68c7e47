// An `at` time as a reviewer wants to see it: the instant in UTC (what the request carries) and
// in the configured IANA zone (Intl, so daylight saving is right for that date).

/** The server's own zone when none is configured. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `2026-11-20 11:15:00 (GMT+08:00)` for a UTC `yyyy-MM-ddTHH:mm:ssZ` time in `zone`. */
export function formatInZone(utc: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(utc));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} (${get('timeZoneName')})`;
}

/** Markdown lines for hover: as written, in UTC, and in the zone. */
export function describeInstant(utc: string, raw: string, zone: string | undefined): string[] {
  const lines = [`**${raw}**`, `UTC: ${utc}${raw === utc ? '' : ' (the time the request carries)'}`];
  const z = zone ?? localZone();
  if (!isTimeZone(z)) lines.push(`Time zone \`${z}\` is not an IANA zone name (e.g. Asia/Shanghai); set restorec.timeZone or timeZone in restorec.config.json`);
  else if (z !== 'UTC' && z !== 'Etc/UTC') lines.push(`${z}: ${formatInZone(utc, z)}`);
  return lines;
}
