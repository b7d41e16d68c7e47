// Compiling one name of a spec (database or table, never `db.table`) into a matcher, once.
// Exact names (backquoted, or bare without glob characters) are looked up, never matched.
// Patterns are matched with picomatch; a second regex, built here, captures what each `*` and
// each run of `?` stood for, which rename templates need (picomatch's own capture groups also
// cover brace sets and brackets and skip `?`, so they cannot be numbered by wildcard).
import picomatch from 'picomatch';
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

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;
const escapeRegex = (s: string): string => s.replace(REGEX_SPECIAL, '\\$&');

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits a brace body at its top-level commas. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/**
 * Regex source for a glob. Top-level `*` runs and `?` runs become capture groups; inside a
 * brace set they do not (an alternative that did not match would leave a hole in the numbering).
 */
function captureSource(p: string, top: boolean, counter: { n: number }): string {
  let out = '';
  for (let i = 0; i < p.length; ) {
    const c = p[i] as string;
    if (c === '*' || c === '?') {
      let j = i;
      while (p[j] === c) j++;
      const inner = c === '*' ? '[^]*?' : `[^]{${j - i}}`;
      out += top ? `(${inner})` : `(?:${inner})`;
      if (top) counter.n++;
      i = j;
    } else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) {
        out += '\\[';
        i++;
      } else {
        out += `[${p.slice(i + 1, close).replace(/\\/g, '\\\\').replace(/\[/g, '\\[')}]`;
        i = close + 1;
      }
    } else if (c === '{') {
      const close = closingBrace(p, i);
      const alts = close === -1 ? [] : alternatives(p.slice(i + 1, close));
      if (alts.length < 2) {
        out += '\\{';
        i++;
      } else {
        out += `(?:${alts.map((a) => captureSource(a, false, counter)).join('|')})`;
        i = close + 1;
      }
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  return out;
}

/** `/` is a path separator to picomatch but an ordinary character in a MySQL name; U+0000 can
 *  never occur in one, so it stands in for `/` while matching. */
const toMatchable = (name: string): string => (name.includes('/') ? name.replace(/\//g, '\u0000') : name);

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
  // `[!a-c]` negates a class in shells and in the language reference, but picomatch 4.0.7 reads
  // the `!` literally; `[^a-c]` means the same to both. A `[` in a bare name always opens a class.
  const glob = node.value.replace(/\[!/g, '[^');
  if (glob.length > MAX_PATTERN_LENGTH) {
    return error('pattern/too-long', `this ${what} pattern is ${glob.length} characters long; patterns are limited to ${MAX_PATTERN_LENGTH}`, node.span, {
      help: `a ${what} name is at most ${MAX_NAME_LENGTH} characters: use a shorter pattern with \`*\``,
    });
  }
  let re: RegExp;
  let captureRe: RegExp;
  const counter = { n: 0 };
  try {
    re = picomatch.makeRe(glob, { dot: true, nocase: caseInsensitive, noextglob: true, maxLength: MAX_PATTERN_LENGTH, strictBrackets: true });
    // Built in the same try: a class such as [z-a] is a user mistake, not a crash.
    captureRe = new RegExp(`^${captureSource(glob, true, counter)}$`, caseInsensitive ? 'i' : '');
  } catch (e) {
    return error('pattern/invalid', `the ${what} pattern \`${glob}\` cannot be compiled: ${(e as Error).message}`, node.span);
  }
  return {
    kind: 'pattern',
    node,
    wildcards: counter.n,
    test: (name) => re.test(toMatchable(name)),
    capture: (name) => {
      const m = captureRe.exec(name);
      return m ? m.slice(1).map((s) => s ?? '') : undefined;
    },
  };
}

export function isDiagnostic(x: NameMatcher | Diagnostic): x is Diagnostic {
  return 'severity' in x;
}
