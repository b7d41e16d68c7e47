// Chevrotain works out the lookahead of every alternation, option and repetition of the grammar
// at every start: the token sequences (paths) that choose each way, about 2 of the 3 ms its
// lookahead phase takes (RESTOREC_TRACE_INIT=1). Like the productions (gast-cache.ts) they
// depend on nothing but the grammar, so the build records them once and the bundle carries them
// as data. The bundle's chevrotain asks a hook before computing paths (scripts/chevrotain-patches.mjs
// patches its two path functions, getLookaheadPathsForOr and getLookaheadPathsForOptionalProd, to call
// it); chevrotain still builds the lookahead functions from the paths itself. Run from the
// sources (the tests, tsx) chevrotain is not patched and computes every path as usual.
// test/grammar/lookahead-cache.test.ts holds the recorded paths to chevrotain's public
// getLookaheadPaths.
import type { Rule, TokenType } from 'chevrotain';

/** The hook the patched chevrotain calls: `compute` is its own path function. */
export type LookaheadHook = (kind: 'or' | 'optional', occurrence: number, rule: Rule, a: unknown, b: unknown, compute: (...args: unknown[]) => TokenType[][][]) => TokenType[][][];

/** Where the patched chevrotain looks for the hook. */
export const LOOKAHEAD_HOOK = Symbol.for('restorec.chevrotainLookahead');

/** Paths by production: `rule/kind/occurrence/k`, each token by name. */
export type RecordedLookahead = Record<string, string[][][]>;

/**
 * The production a call is for, or undefined for a call the cache must not answer: an
 * alternation's paths asked with the alternation itself (`b`: chevrotain's ambiguity checks).
 * For an alternation `a` is k; for an optional production `a` is its kind and `b` is k.
 */
function keyOf(kind: 'or' | 'optional', occurrence: number, rule: Rule, a: unknown, b: unknown): string | undefined {
  if (kind === 'or') return b === undefined ? `${rule.name}/or/${occurrence}/${String(a)}` : undefined;
  return `${rule.name}/optional${String(a)}/${occurrence}/${String(b)}`;
}

const hooks = globalThis as unknown as Record<symbol, LookaheadHook | undefined>;

/** Runs `fn` with `hook` installed, then puts back what was there. */
function withHook<T>(hook: LookaheadHook, fn: () => T): T {
  const before = hooks[LOOKAHEAD_HOOK];
  hooks[LOOKAHEAD_HOOK] = hook;
  try {
    return fn();
  } finally {
    hooks[LOOKAHEAD_HOOK] = before;
  }
}

/** Runs `fn` (building parsers) and records every path chevrotain computes meanwhile. */
export function recordLookahead(fn: () => void): RecordedLookahead {
  const out: RecordedLookahead = {};
  withHook(
    (kind, occurrence, rule, a, b, compute) => {
      const paths = compute(occurrence, rule, a, b);
      const key = keyOf(kind, occurrence, rule, a, b);
      if (key !== undefined) out[key] = paths.map((alt) => alt.map((path) => path.map((t) => t.name)));
      return paths;
    },
    fn,
  );
  return out;
}

/**
 * Runs `fn` (building a parser) with the recorded paths answering chevrotain; a production they
 * do not hold is computed as usual. `stats` counts both, for RESTOREC_TRACE_INIT.
 */
export function withRecordedLookahead<T>(recorded: RecordedLookahead, tokens: ReadonlyMap<string, TokenType>, stats: { recorded: number; computed: number }, fn: () => T): T {
  const token = (name: string): TokenType => {
    const t = tokens.get(name);
    if (!t) throw new Error(`lookahead-cache: no token ${name}`);
    return t;
  };
  return withHook((kind, occurrence, rule, a, b, compute) => {
    const key = keyOf(kind, occurrence, rule, a, b);
    const data = key === undefined ? undefined : recorded[key];
    if (data === undefined) {
      stats.computed++;
      return compute(occurrence, rule, a, b);
    }
    stats.recorded++;
    return data.map((alt) => alt.map((path) => path.map(token)));
  }, fn);
}
