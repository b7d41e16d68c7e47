// A Markdown summary for $GITHUB_STEP_SUMMARY: annotations show only a few per step, so the
// full list goes to the job summary too.
import type { FileResult } from '../lint.ts';
import { rangeOf, ruleLabel } from './positions.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function formatSummaryMarkdown(results: readonly FileResult[]): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const lines = [`### restorec lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`, ''];
  if (errors + warnings === 0) return lines.join('\n') + 'No problems found.\n';
  lines.push('| file | line | severity | rule | message |', '|---|---|---|---|---|');
  for (const r of results) {
    for (const m of r.messages) {
      const p = rangeOf(r, m);
      lines.push(`| ${cell(r.file)} | ${p.line}:${p.column} | ${m.severity === 2 ? 'error' : 'warning'} | ${cell(ruleLabel(m))} | ${cell(m.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}
