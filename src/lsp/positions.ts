// Spans (UTF-16 offsets) ↔ LSP positions (0-based line, UTF-16 character). Both count UTF-16
// code units and break lines at \n, \r\n and \r, so the conversion is exact.
import type { Position as LspPosition, Range } from 'vscode-languageserver';
import type { SourceFile, Span } from '../grammar/index.ts';

export function toPosition(source: SourceFile, offset: number): LspPosition {
  const p = source.position(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toRange(source: SourceFile, span: Span): Range {
  return { start: toPosition(source, span.start), end: toPosition(source, span.end) };
}

export function toOffset(source: SourceFile, position: LspPosition): number {
  const starts = source.lineStarts;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return source.text.length;
  const start = starts[position.line] as number;
  const next = starts[position.line + 1];
  let end = next === undefined ? source.text.length : next;
  // A character past the end of the line means its end, not the next line (LSP's rule).
  while (end > start && (source.text[end - 1] === '\n' || source.text[end - 1] === '\r')) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

/** True when `offset` touches `span` (a cursor right after a name is still on it). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
