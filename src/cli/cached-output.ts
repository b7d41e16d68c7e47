// What the build printed into dist/ with the very code that would print it (scripts/build.mjs):
// `--help` texts (help.json) and the rule list (rules.json), written out without loading yargs
// or the rules. Absent (a build that did not write it), the caller prints it the ordinary way;
// the build itself runs with RESTOREC_NO_HELP_CACHE and RESTOREC_NO_RULES_CACHE, which callers
// check, to print them the ordinary way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text the build kept under `key` in dist/FILE, or undefined. */
export function cachedOutput(file: 'help.json' | 'rules.json', key: string): string | undefined {
  const dist = (globalThis as { __restorecDist?: string }).__restorecDist;
  if (!dist) return undefined;
  let texts: Record<string, unknown>;
  try {
    texts = JSON.parse(readFileSync(join(dist, file), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const text = Object.hasOwn(texts, key) ? texts[key] : undefined;
  return typeof text === 'string' ? text : undefined;
}
