// Diagnostics are values, not exceptions: every user mistake found by any stage is one.
import type { Span } from './source.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedSpan {
  span: Span;
  message: string;
}

/** A machine-applicable edit: replace `span` with `text`. */
export interface Fix {
  span: Span;
  text: string;
}

export interface Diagnostic {
  /** Stable identifier, e.g. `syntax/unexpected-token`; documented in docs/diagnostics.md. */
  code: string;
  severity: Severity;
  /** Plain words: what was found and what was expected. */
  message: string;
  span: Span;
  related?: RelatedSpan[];
  /** What to do about it, when there is something to say. */
  help?: string;
  fix?: Fix;
}

export function error(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, span, ...extra };
}

/** Orders diagnostics by position, then code, so output is stable whatever found them first. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
