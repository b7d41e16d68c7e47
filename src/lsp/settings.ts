// The server's settings: from the client's initializationOptions, and later from
// workspace/didChangeConfiguration (the `restorec` section, as VS Code sends it).

export interface Settings {
  /** The lint config to use (like `restorec lint --config`), relative to the workspace folder. */
  config: string | undefined;
  /** IANA zone in which hover shows `at` times besides UTC; undefined: the config's `timeZone`,
   *  else the machine's zone. */
  timeZone: string | undefined;
  /** How many names a hover lists before "and N more". */
  hoverLimit: number;
}

export function readSettings(raw: unknown): Settings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const limit = Number(o['hoverLimit']);
  return {
    config: text(o['config']),
    timeZone: text(o['timeZone']),
    hoverLimit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 20,
  };
}
