// Compiling one name of a spec (database or table, never `db.table`) into a matcher, once.
// Exact names (backquoted, or bare without glob characters) are looked up, never matched.
// Patterns are parsed (glob-syntax.ts) and run as an automaton (glob-match.ts): one engine for
// matching and for the captures rename templates need, so the two cannot disagree, and linear in
// the name whatever the pattern (a backtracking regex is not: see glob-match.ts).
import { buildAutomaton, type GlobAutomaton } from './glob-match.ts';
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
  const key = `${caseInsensitive ? 'i' : 's'}${glob}`;
  let built = BUILT.get(key);
  if (!built) {
    try {
      const nodes = parseGlob(glob);
      built = { nodes, automaton: buildAutomaton(nodes, caseInsensitive) };
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      return error('pattern/invalid', `the ${what} pattern \`${glob}\` cannot be used: ${e.message}`, node.span, e.help ? { help: e.help } : {});
    }
    if (BUILT.size >= MAX_BUILT) BUILT.clear();
    BUILT.set(key, built);
  }
  return new GlobPattern(node, built.nodes, built.automaton, caseInsensitive);
}

/**
 * Patterns parsed and built, by text and case rule: a lint of many specs (or the language
 * server, edit after edit) compiles the same few patterns again and again. An automaton's state
 * is only what it has worked out of its own pattern, so one serves every spec. Bounded: cleared
 * when full.
 */
const BUILT = new Map<string, { nodes: readonly GlobNode[]; automaton: GlobAutomaton }>();
const MAX_BUILT = 4096;

/** Names remembered per pattern: the same table names recur across thousands of sharded databases. */
const REMEMBERED = 1 << 16;

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

/**
 * The literal start (or end) of every match as names are compared with it: folded on a
 * case-insensitive instance, and there only when ASCII, so folding keeps its length; '' if none.
 */
function usableLiteral(nodes: readonly GlobNode[], caseInsensitive: boolean, fromEnd: boolean): string {
  const p = literalEnds(nodes, fromEnd);
  if (!caseInsensitive) return p;
  return /[^\x00-\x7f]/.test(p) ? '' : p.toLowerCase();
}

/**
 * A compiled pattern. A class, not an object of closures: every pattern shares one `test`, so the
 * expansion loops calling it stay optimized for one call target whatever pattern they are given
 * (with a closure per pattern, each new pattern deoptimized them and they were compiled again).
 *
 * `test` refuses most names by comparison before the automaton runs: they fail at the pattern's
 * literal start or end (`orders_*` against a schema of other tables), which made expanding a
 * million tables several times faster, and `lit*` alone is decided by the comparison. The
 * answers are remembered per name (at most REMEMBERED names: bounded memory); when names do not
 * repeat (one long list of distinct names), remembering only costs: once the memory is full with
 * few answers from it, the test runs bare.
 */
class GlobPattern implements PatternName {
  readonly kind = 'pattern' as const;
  readonly node: NameNode;
  readonly wildcards: number;
  readonly prefix: string;
  readonly #automaton: GlobAutomaton;
  readonly #ci: boolean;
  /** The folded literal end every match has ('' when none can be used); its start is `prefix`. */
  readonly #tail: string;
  /** The pattern is `lit*`: the comparison alone decides. */
  readonly #onlyStar: boolean;
  readonly #seen = new Map<string, boolean>();
  #hits = 0;
  #bare = false;

  constructor(node: NameNode, nodes: readonly GlobNode[], automaton: GlobAutomaton, caseInsensitive: boolean) {
    this.node = node;
    this.wildcards = automaton.groups;
    this.prefix = usableLiteral(nodes, caseInsensitive, false);
    this.#automaton = automaton;
    this.#ci = caseInsensitive;
    const lead = this.prefix;
    this.#tail = nodes.length > lead.length ? usableLiteral(nodes, caseInsensitive, true) : '';
    this.#onlyStar = lead !== '' && nodes.length === lead.length + 1 && nodes[nodes.length - 1]!.kind === 'star';
  }

  test(name: string): boolean {
    const lead = this.prefix;
    const tail = this.#tail;
    if (lead !== '' && !(name.length >= lead.length && this.#same(name, 0, lead))) return false;
    if (this.#onlyStar) return true;
    if (tail !== '' && !(name.length >= tail.length && this.#same(name, name.length - tail.length, tail))) return false;
    return this.#remembered(name);
  }

  capture(name: string): string[] | undefined {
    // `lit*` (`app_*`, the usual database pattern): the star holds what follows the literal.
    if (this.#onlyStar) return this.test(name) ? [name.slice(this.prefix.length)] : undefined;
    return this.#automaton.capture(name);
  }

  #remembered(name: string): boolean {
    if (this.#bare) return this.#automaton.test(name);
    const hit = this.#seen.get(name);
    if (hit !== undefined) {
      this.#hits++;
      return hit;
    }
    const ok = this.#automaton.test(name);
    if (this.#seen.size < REMEMBERED) this.#seen.set(name, ok);
    else if (this.#hits < REMEMBERED) {
      this.#bare = true;
      this.#seen.clear();
    }
    return ok;
  }

  /** Whether `name` holds the folded literal `lit` at `at`, compared code unit by code unit without making strings: a million names, no garbage. */
  #same(name: string, at: number, lit: string): boolean {
    for (let i = 0; i < lit.length; i++) {
      let c = name.charCodeAt(at + i);
      const want = lit.charCodeAt(i);
      if (c === want) continue;
      if (!this.#ci) return false;
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
  }
}

export function isDiagnostic(x: NameMatcher | Diagnostic): x is Diagnostic {
  return 'severity' in x;
}
