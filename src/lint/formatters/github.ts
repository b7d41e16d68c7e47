// GitHub Actions workflow commands: one annotation per message.
import type { FileResult } from '../lint.ts';
import { visibleText } from '../../grammar/visible.ts';
import { rangeOf, ruleLabel } from './positions.ts';
import { notChecked, notCheckedText } from './skipped.ts';

/** Escaping per GitHub's toolkit: data escapes % CR LF; properties also `:` and `,`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const p = rangeOf(r, m);
      const props = [`file=${escapeProperty(r.file)}`, `line=${p.line}`, `endLine=${p.endLine}`, `col=${p.column}`, `endColumn=${p.endColumn}`, `title=${escapeProperty(`restorec ${ruleLabel(m)}`)}`];
      // Control and bidi characters in a quoted name show as `\uXXXX` in the log and the annotation.
      const text = visibleText(m.help ? `${m.message} (${m.help})` : m.message);
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}`);
    }
  }
  // A run that was not a full check says so on the run's page too, not only in the summary.
  const note = notCheckedText(notChecked(results));
  if (note) lines.push(`::notice title=${escapeProperty('restorec: not a full check')}::${escapeData(note)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
