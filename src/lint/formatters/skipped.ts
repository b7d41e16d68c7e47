// What a run could not check, in one place for every output format: the rules it skipped (and
// on how many files), and the patterns it left unresolved without an inventory, so that a run
// that was not a full check never reads as "no problems".
import type { FileResult } from '../lint.ts';
import { rangeOf } from './positions.ts';

export interface UnresolvedAt {
  file: string;
  line: number;
  column: number;
  pattern: string;
  what: 'database' | 'table';
}

export interface NotChecked {
  /** Rule ids skipped on at least one file, sorted. */
  rules: string[];
  /** Files on which at least one rule was skipped. */
  files: number;
  /** Patterns left unresolved, in file order. */
  unresolved: UnresolvedAt[];
}

export function notChecked(results: readonly FileResult[]): NotChecked {
  const rules = new Set<string>();
  let files = 0;
  const unresolved: UnresolvedAt[] = [];
  for (const r of results) {
    if (r.skipped.length > 0) files++;
    for (const s of r.skipped) rules.add(s.ruleId);
    for (const u of r.unresolved ?? []) {
      const p = rangeOf(r, u);
      unresolved.push({ file: r.file, line: p.line, column: p.column, pattern: u.pattern, what: u.what });
    }
  }
  return { rules: [...rules].sort(), files, unresolved };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** At most this many unresolved patterns are listed by place; the rest are counted. */
const LISTED = 10;

/** One paragraph for machine formats (SARIF notifications, GitHub notices), or undefined when everything ran. */
export function notCheckedText(n: NotChecked): string | undefined {
  const parts: string[] = [];
  if (n.rules.length > 0) parts.push(`${plural(n.rules.length, 'rule')} skipped on ${plural(n.files, 'file')}, so this is not a full check: ${n.rules.join(', ')}.`);
  if (n.unresolved.length > 0) parts.push(`${unresolvedText(n.unresolved)}.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** "2 patterns unresolved without an inventory (...): a.restore:5:9 `order_*`, ..." */
export function unresolvedText(list: readonly UnresolvedAt[]): string {
  const shown = list.slice(0, LISTED).map((u) => `${u.file}:${u.line}:${u.column} \`${u.pattern}\``);
  const more = list.length > LISTED ? ` and ${list.length - LISTED} more` : '';
  return `${plural(list.length, 'pattern')} left unresolved without an inventory (the spec-only checks covered exact names only): ${shown.join(', ')}${more}`;
}
