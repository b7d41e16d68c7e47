// Printing diagnostics of parsed files to a stream.
import type { ParseResult } from '../grammar/parse.ts';
import { renderDiagnostic } from '../grammar/codeframe.ts';
import { styleFor } from './terminal.ts';

/** Prints the diagnostics of `result` at or above `minSeverity`; returns the error count. */
export function reportDiagnostics(result: ParseResult, stream: NodeJS.WriteStream = process.stderr, includeInfo = false): number {
  const style = styleFor(stream);
  let errors = 0;
  for (const d of result.diagnostics) {
    if (d.severity === 'error') errors++;
    if (d.severity === 'info' && !includeInfo) continue;
    stream.write(renderDiagnostic(result.source, d, style) + '\n');
  }
  return errors;
}
