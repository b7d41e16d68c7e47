// ESLint's `stylish` output, with a code frame under each message and under each related place.
import { codeFrame, plainStyle, type Style } from '../../grammar/codeframe.ts';
import { visibleText } from '../../grammar/visible.ts';
import type { FileResult } from '../lint.ts';
import { rangeOf, ruleLabel } from './positions.ts';

export function formatStylish(results: readonly FileResult[], style: Style = plainStyle): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    out.push(style.bold(visibleText(r.file)));
    for (const m of r.messages) {
      const p = rangeOf(r, m);
      const sev = m.severity === 2 ? style.red('error') : style.yellow('warning');
      out.push(`  ${style.dim(`${p.line}:${p.column}`)}  ${sev}  ${visibleText(m.message)}  ${style.dim(ruleLabel(m))}`);
      if (r.source.text.length > 0) out.push(codeFrame(r.source, m.span, style).replace(/^/gm, '  '));
      if (m.help) out.push(`     ${style.blue('help:')} ${visibleText(m.help)}`);
      for (const rel of m.related ?? []) {
        const rp = r.source.position(rel.span.start);
        out.push(`     ${style.blue('note:')} ${visibleText(rel.message)} (${rp.line}:${rp.column})`);
        // Each place its own code frame, as rustc shows secondary spans.
        if (r.source.text.length > 0) out.push(codeFrame(r.source, rel.span, style).replace(/^/gm, '  '));
      }
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total > 0) {
    const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push(errors > 0 ? style.red(style.bold(line)) : style.yellow(style.bold(line)));
    out.push('');
  }
  return out.join('\n');
}
