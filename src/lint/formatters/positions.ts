// Line/column ranges of lint messages, as every output format wants them (1-based; the end
// column is exclusive, as ESLint and SARIF count).
import type { FileResult, LintMessage } from '../lint.ts';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function rangeOf(result: FileResult, m: { span: LintMessage['span'] }): Range {
  const start = result.source.position(m.span.start);
  const end = result.source.position(m.span.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function ruleLabel(m: LintMessage): string {
  return m.ruleId ?? m.code ?? 'restorec';
}
