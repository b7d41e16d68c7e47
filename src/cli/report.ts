// Printing diagnostics of parsed files to a stream.
import type { ParseResult } from '../grammar/parse.ts';
import { renderDiagnostic } from '../grammar/codeframe.ts';
import { styleFor } from './terminal.ts';
import { visibleText } from '../grammar/visible.ts';

/**
 * Prints the diagnostics of `result` (info notes only with `includeInfo`); returns the error
 * count. process.stderr is only touched when there is something to print: creating the stream
 * costs several milliseconds of start-up, and a clean `fmt --check` in a hook prints nothing.
 */
export function reportDiagnostics(result: ParseResult, stream?: NodeJS.WriteStream, includeInfo = false): number {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const shown = result.diagnostics.filter((d) => d.severity !== 'info' || includeInfo);
  if (shown.length === 0) return errors;
  const out = stream ?? process.stderr;
  const style = styleFor(out);
  for (const d of shown) out.write(renderDiagnostic(result.source, d, style) + '\n');
  return errors;
}

/** Prints problem lines (a snapshot's, a config's, the API's) one a line, each made visible: they quote names and answers. */
export function reportProblems(problems: readonly string[]): void {
  for (const p of problems) process.stderr.write(`${visibleText(p)}\n`);
}
