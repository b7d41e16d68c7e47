// Inline suppression comments in spec files, ESLint-style but with `#`:
//   # restorec-disable-next-line rule-a, rule-b -- why this is fine
//   # restorec-disable-file rule-a -- why
// A directive must name its rules. A rule it names that does not exist is an error; a rule it
// names that reports nothing there is itself reported, so stale suppressions do not pile up.
import type { Comment, SourceFile, Span } from '../grammar/index.ts';

export interface SuppressedRule {
  id: string;
  span: Span;
  used: boolean;
}

export interface Suppression {
  kind: 'next-line' | 'file';
  /** The 1-based line it applies to (next-line only). */
  line?: number;
  rules: SuppressedRule[];
  reason?: string;
  span: Span;
}

export interface DirectiveProblem {
  message: string;
  span: Span;
}

const DIRECTIVE = /^#\s*restorec-disable-(next-line|file)\b(.*)$/;

export function parseSuppressions(comments: readonly Comment[], source: SourceFile): { suppressions: Suppression[]; problems: DirectiveProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: DirectiveProblem[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.trimEnd());
    if (!m) {
      if (/^#\s*restorec-(disable|enable)/.test(c.text)) {
        problems.push({ message: 'unknown directive; use `restorec-disable-next-line RULE -- reason` or `restorec-disable-file RULE -- reason`', span: c.span });
      }
      continue;
    }
    const kind = m[1] as 'next-line' | 'file';
    const rest = m[2] ?? '';
    const restStart = c.span.start + c.text.length - rest.length;
    const sep = rest.indexOf('--');
    const list = sep === -1 ? rest : rest.slice(0, sep);
    const reason = sep === -1 ? undefined : rest.slice(sep + 2).trim() || undefined;
    const rules: SuppressedRule[] = [];
    for (const r of list.matchAll(/[^\s,]+/g)) {
      const start = restStart + (r.index ?? 0);
      rules.push({ id: r[0], span: { start, end: start + r[0].length }, used: false });
    }
    if (rules.length === 0) {
      problems.push({ message: `restorec-disable-${kind} must name the rule(s) it suppresses`, span: c.span });
      continue;
    }
    const s: Suppression = { kind, rules, span: c.span, ...(reason ? { reason } : {}) };
    if (kind === 'next-line') s.line = source.position(c.span.start).line + 1;
    suppressions.push(s);
  }
  return { suppressions, problems };
}

/** The suppressions of a file, by the line they apply to (file-wide ones apart): a message looks
 *  at its own line's, not at every directive of a file that may hold 20,000 of them. */
export class SuppressionIndex {
  readonly #byLine = new Map<number, Suppression[]>();
  readonly #file: Suppression[] = [];
  constructor(suppressions: readonly Suppression[]) {
    for (const s of suppressions) {
      if (s.kind === 'file') this.#file.push(s);
      else {
        const list = this.#byLine.get(s.line!);
        if (list) list.push(s);
        else this.#byLine.set(s.line!, [s]);
      }
    }
  }

  /** Marks and returns whether a message of `ruleId` starting on `line` is suppressed. */
  suppresses(ruleId: string, line: number): boolean {
    let hit = false;
    for (const list of [this.#file, this.#byLine.get(line) ?? []]) {
      for (const s of list) {
        for (const r of s.rules) {
          if (r.id === ruleId) {
            r.used = true;
            hit = true;
          }
        }
      }
    }
    return hit;
  }
}
