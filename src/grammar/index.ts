// The grammar layer's public surface: parse, print, diagnostics and their rendering.
export type * from './ast.ts';
export { SourceFile, span, joinSpans, type Span, type Position } from './source.ts';
export { error, compareDiagnostics, type Diagnostic, type Severity, type RelatedSpan, type Fix } from './diagnostic.ts';
export { parse, parseBytes, decodeSource, MAX_SOURCE_BYTES, MAX_ERRORS, type ParseResult, type ParseOptions } from './parse.ts';
export { parseTimestamp, formatUtc, type TimestampOptions, type ZoneHint } from './timestamp.ts';
export { print, printName, writeExactName } from './print.ts';
export { renderDiagnostic, codeFrame, plainStyle, type Style } from './codeframe.ts';
export { closest } from './suggest.ts';
export { visibleText } from './visible.ts';
