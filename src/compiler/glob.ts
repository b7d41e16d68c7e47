// Compiling one name of a spec (database or table, never `db.table`) into a matcher, once.
// Exact names (backquoted, or bare without glob characters) are looked up, never matched.
// Patterns are parsed (glob-syntax.ts) and run as an automaton (glob-match.ts): one engine for
// matching and for the captures rename templates need, so the two cannot disagree, and linear in
// the name whatever the pattern (a backtracking regex is not: see glob-match.ts).
import { buildAutomaton } from './glob-match.ts';
import { GlobSyntaxError, parseGlob } from './glob-syntax.ts';
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
  try {
    automaton = buildAutomaton(parseGlob(glob), caseInsensitive);
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    return error('pattern/invalid', `the ${what} pattern \`${glob}\` cannot be used: ${e.message}`, node.span, e.help ? { help: e.help } : {});
  }
  return { kind: 'pattern', node, wildcards: automaton.groups, test: automaton.test, capture: automaton.capture };
}

export function isDiagnostic(x: NameMatcher | Diagnostic): x is Diagnostic {
  return 'severity' in x;
}
