// The zones named in the help for an `at` time written without one, for commands that do not
// load the lint config: its `timeZone` (offered as the fix), then this machine's zone.
import { dirname, join, resolve } from 'node:path';
import type { TimestampOptions } from '../grammar/index.ts';
import { hintsFrom } from '../grammar/zones.ts';
import { readJsonTextBounded } from '../grammar/read-bounded.ts';

export { hintsFrom };

/**
 * Hints for commands that do not load the lint config (fmt, parse, compile, plan): its
 * `timeZone` is read from the nearest restorec.config.json, without validating the rest (lint
 * reports a broken config). Kept apart from lint/config.ts so `fmt` does not load the validators.
 */
export function hintsNear(cwd: string): () => TimestampOptions {
  return () => hintsFrom(configTimeZone(cwd))();
}

function configTimeZone(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    let text: string | undefined;
    try {
      const read = readJsonTextBounded(join(dir, 'restorec.config.json'), 1024 * 1024);
      if (!('tooLarge' in read)) text = read.text;
      else return undefined;
    } catch {
      /* not here, or unreadable: lint says which */
    }
    if (text !== undefined) {
      try {
        const zone = (JSON.parse(text) as { timeZone?: unknown }).timeZone;
        return typeof zone === 'string' ? zone : undefined;
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
