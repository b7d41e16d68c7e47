// Compiling one name of a spec (database or table, never `db.table`) into a matcher, once.
// Exact names (backquoted, or bare without glob characters) are looked up, never matched.
// Patterns are parsed (glob-syntax.ts) and run as an automaton (glob-match.ts): one engine for
// matching and for the captures rename templates need, so the two cannot disagree, and linear in
// the name whatever the pattern (a backtracking regex is not: see glob-match.ts).
import { buildAutomaton } from './glob-match.ts';
import { GlobSyntaxError, parseGlob, type GlobNode } from './glob-syntax.ts';
import { error, type Diagnostic, type NameNode } from '../grammar/index.ts';
import { MAX_NAME_LENGTH, MAX_PATTERN_LENGTH, nameProblem, showName } from './names.ts';

export interface ExactName {
  kind: 'exact';
  node: NameNode;
  name: string;
}

export interface PatternName {
  kind: 'pattern';
  node: NameNode;
  /** True when `name` matches. */
  test(name: string): boolean;
  /** What each wildcard (`*`, or a run of `?`) captured, in order; undefined if no match. */
  capture(name: string): string[] | undefined;
  /** How many wildcards can be referred to from a template. */
  wildcards: number;
  /** The literal text every match starts with (lower case on a case-insensitive instance); '' if none can be used. */
  prefix: string;
}

export type NameMatcher = ExactName | PatternName;

/** Compiles a name of the spec once. A name that cannot work is a diagnostic, not a matcher. */
export function compileName(node: NameNode, caseInsensitive: boolean, what: 'database' | 'table'): NameMatcher | Diagnostic {
  if (!node.pattern) {
    const problem = nameProblem(node.value);
    if (problem) {
      return error('names/invalid', `the ${what} name ${showName(node.value)} ${problem}`, node.span, {
        ...(node.value.length > MAX_NAME_LENGTH ? { help: 'check that the name is complete and was not pasted twice' } : {}),
      });
    }
    return { kind: 'exact', node, name: node.value };
  }
  const glob = node.value;
  if (glob.length > MAX_PATTERN_LENGTH) {
    return error('pattern/too-long', `this ${what} pattern is ${glob.length} characters long; patterns are limited to ${MAX_PATTERN_LENGTH}`, node.span, {
      help: `a ${what} name is at most ${MAX_NAME_LENGTH} characters: use a shorter pattern with \`*\``,
    });
  }
  let automaton;
  let nodes: GlobNode[];
  try {
    nodes = parseGlob(glob);
    automaton = buildAutomaton(nodes, caseInsensitive);
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    return error('pattern/invalid', `the ${what} pattern \`${glob}\` cannot be used: ${e.message}`, node.span, e.help ? { help: e.help } : {});
  }
  return { kind: 'pattern', node, wildcards: automaton.groups, prefix: usablePrefix(nodes, caseInsensitive), test: withPrefilter(nodes, caseInsensitive, remembered(automaton.test)), capture: automaton.capture };
}

/** Names remembered per pattern: the same table names recur across thousands of sharded databases. */
const REMEMBERED = 1 << 16;

/**
 * A test that answers a name it has seen from memory (at most REMEMBERED names: bounded memory).
 * When the names do not repeat (one long list of distinct names), remembering only costs: once
 * the memory is full with few answers from it, the test runs bare.
 */
function remembered(test: (name: string) => boolean): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  let hits = 0;
  let bare = false;
  return (name) => {
    if (bare) return test(name);
    const hit = seen.get(name);
    if (hit !== undefined) {
      hits++;
      return hit;
    }
    const ok = test(name);
    if (seen.size < REMEMBERED) seen.set(name, ok);
    else if (hits < REMEMBERED) {
      bare = true;
      seen.clear();
    }
    return ok;
  };
}

/** The literal characters every match starts (or ends) with. */
function literalEnds(nodes: readonly GlobNode[], fromEnd: boolean): string {
  const order = fromEnd ? [...nodes].reverse() : nodes;
  let out = '';
  for (const n of order) {
    if (n.kind !== 'char' || n.test.kind !== 'literal') break;
    out = fromEnd ? n.test.char + out : out + n.test.char;
  }
  return out;
}

/** The literal prefix a name index can search by: ASCII only on a case-insensitive instance, so folding keeps lengths. */
function usablePrefix(nodes: readonly GlobNode[], caseInsensitive: boolean): string {
  const p = literalEnds(nodes, false);
  if (!caseInsensitive) return p;
  return /[^\x00-\x7f]/.test(p) ? '' : p.toLowerCase();
}

/**
 * Most names fail a pattern at its literal start or end (`orders_*` against a schema of other
 * tables): those are refused with a string comparison before the automaton runs, which made
 * expanding a million tables several times faster. `lit*` alone is decided by the comparison.
 */
function withPrefilter(nodes: readonly GlobNode[], caseInsensitive: boolean, test: (name: string) => boolean): (name: string) => boolean {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  // Case-insensitively, only ASCII literals: folding them never changes a string's length.
  const usable = (s: string) => (caseInsensitive && /[^\x00-\x7f]/.test(s) ? '' : s);
  const prefix = fold(usable(literalEnds(nodes, false)));
  const suffix = nodes.length > prefix.length ? fold(usable(literalEnds(nodes, true))) : '';
  const onlyStar = prefix !== '' && nodes.length === prefix.length + 1 && nodes[nodes.length - 1]!.kind === 'star';
  if (prefix === '' && suffix === '') return test;
  // Compared code unit by code unit, without making strings: a million names, no garbage.
  const same = (name: string, at: number, lit: string): boolean => {
    for (let i = 0; i < lit.length; i++) {
      let c = name.charCodeAt(at + i);
      const want = lit.charCodeAt(i);
      if (c === want) continue;
      if (!caseInsensitive) return false;
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) {
        // As the automaton compares (glob-match.ts): by lower case, or by upper case (`ſ` is `S`).
        const ch = name[at + i]!;
        if (ch.toLowerCase() !== lit[i] && ch.toUpperCase() !== lit[i]!.toUpperCase()) return false;
        continue;
      }
      if (c !== want) return false;
    }
    return true;
  };
  const starts = (name: string) => name.length >= prefix.length && same(name, 0, prefix);
  const ends = (name: string) => name.length >= suffix.length && same(name, name.length - suffix.length, suffix);
  if (onlyStar) return starts;
  return (name) => starts(name) && ends(name) && test(name);
}

export function isDiagnostic(x: NameMatcher | Diagnostic): x is Diagnostic {
  return 'severity' in x;
}
