// The grammar's public entry: text in, {document, diagnostics} out. Never throws on user input.
import type { IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { SourceFile } from './source.ts';
import { error, type Diagnostic } from './diagnostic.ts';
import { tokenize } from './lexer.ts';
import { MAX_SYNTAX_ERRORS, parseTokens, type StrayToken } from './parser.ts';
import { AstBuilder } from './build-ast.ts';
import { oneErrorPerLine, recognitionDiagnostic, strayDiagnostic, type SyntaxContext } from './syntax-help.ts';
import { firstAtLeast } from './sorted.ts';
import { checkStructure } from './structure.ts';
import type { TimestampOptions } from './timestamp.ts';

/** Spec files are written and reviewed by people; anything larger is refused unread. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** More errors than this in one file are not useful: the rest are summarised in one line. */
export const MAX_ERRORS = 100;

export interface ParseOptions {
  /** The configured and likely zones, for the help of a time written without a zone; asked for
   *  only then (finding them may mean reading the config). */
  timestamps?: () => TimestampOptions;
}

export interface ParseResult {
  source: SourceFile;
  document: A.Document;
  diagnostics: Diagnostic[];
}

/** A token's index in `tokens` (sorted by offset, as the lexer gives them), or -1: a token the
 *  parser inserted in recovery is not there. A search, not a map of every token: it is asked
 *  only about errors and strays. */
function tokenIndex(tokens: readonly IToken[], t: IToken): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.startOffset < t.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo] === t ? lo : -1;
}

/**
 * Stray tokens right after another error are its echo (the parser resynchronising), not a
 * new mistake: a run is reported only when no error starts between the token two before it
 * and the run itself.
 */
function strayDiagnostics(strays: readonly StrayToken[], ctx: SyntaxContext, earlier: Diagnostic[]): Diagnostic[] {
  const errorStarts = earlier.map((d) => d.span.start).sort((a, b) => a - b);
  // A binary search, not a scan: a file can hold tens of thousands of errors and strays.
  const errorBetween = (from: number, to: number) => {
    const k = firstAtLeast(errorStarts, from);
    return k < errorStarts.length && errorStarts[k]! <= to;
  };
  const { tokens, indexOf } = ctx;
  const adjacent = (a: IToken, b: IToken) => {
    const k = indexOf(a);
    return k !== -1 && indexOf(b) === k + 1;
  };
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < strays.length) {
    // One diagnostic for each run of adjacent stray tokens.
    let j = i;
    while (j + 1 < strays.length && adjacent(strays[j]!.token, strays[j + 1]!.token) && strays[j + 1]!.inBlock === strays[i]!.inBlock) j++;
    const first = strays[i]!;
    i = j + 1;
    const k = Math.max(0, indexOf(first.token));
    const from = k >= 2 ? tokens[k - 2]!.startOffset : 0;
    if (errorBetween(from, first.token.startOffset)) continue;
    out.push(strayDiagnostic(first.token, first.inBlock, ctx));
  }
  return out;
}

function tooLarge(size: number): Diagnostic {
  const what = Number.isFinite(size) ? `the file is ${size} bytes` : `the input is larger than ${MAX_SOURCE_BYTES} bytes`;
  return error('input/too-large', `${what}; spec files larger than ${MAX_SOURCE_BYTES} bytes (1 MiB) are refused unread`, { start: 0, end: 0 }, {
    help: 'split the restore into several spec files, or check that this is the file you meant',
  });
}

/** Decodes file bytes as UTF-8, reporting each invalid sequence instead of failing. */
export function decodeSource(name: string, bytes: Uint8Array, size = bytes.length): { source: SourceFile; diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_SOURCE_BYTES || size > MAX_SOURCE_BYTES) return { source: new SourceFile(name, ''), diagnostics: [tooLarge(Math.max(size, bytes.length))] };
  let text: string;
  const diagnostics: Diagnostic[] = [];
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    for (let i = text.indexOf('\ufffd'); i !== -1 && diagnostics.length < MAX_ERRORS; i = text.indexOf('\ufffd', i + 1)) {
      diagnostics.push(error('syntax/invalid-utf8', 'the file is not valid UTF-8 here', { start: i, end: i + 1 }, { help: 'save the file as UTF-8' }));
    }
  }
  return { source: new SourceFile(name, text), diagnostics };
}

export function parse(text: string, name = '<input>', initial: Diagnostic[] = [], options: ParseOptions = {}): ParseResult {
  const source = new SourceFile(name, text);
  if (text.length > MAX_SOURCE_BYTES) {
    return { source: new SourceFile(name, ''), document: emptyDocument(0), diagnostics: [tooLarge(text.length)] };
  }
  const lexed = tokenize(text);
  // Past so many stray characters (see MAX_LEX_LINES), reading stops at the next: the tokens before it are parsed.
  const lexStop = lexed.stoppedAt;
  const before = (list: IToken[]) => (lexStop === undefined ? list : list.slice(0, firstAtLeast(list.map((t) => t.startOffset), lexStop)));
  const tokens = before(lexed.tokens);
  const comments = before(lexed.comments);
  const replaced = new Set(initial.filter((d) => d.code === 'syntax/invalid-utf8').map((d) => d.span.start));
  const diagnostics: Diagnostic[] = [...initial.filter((d) => lexStop === undefined || d.span.start < lexStop), ...lexed.diagnostics.filter((d) => !replaced.has(d.span.start))];
  const parsed = parseTokens(tokens, text);
  const { cst, errors } = parsed;
  // Where reading stopped, and after how many of which errors: the parser's stop comes first if both stopped.
  const stopped = parsed.stoppedAt !== undefined ? { at: parsed.stoppedAt, why: `${MAX_SYNTAX_ERRORS} syntax errors` } : lexStop !== undefined ? { at: lexStop, why: `${lexed.diagnostics.length} syntax errors` } : undefined;
  const openTokens = tokens.filter((t) => t.tokenType.name === 'LAngle');
  const ctx: SyntaxContext = { text, tokens, indexOf: (t) => tokenIndex(tokens, t), opens: { tokens: openTokens, offsets: openTokens.map((t) => t.startOffset) } };
  for (const e of errors) diagnostics.push(recognitionDiagnostic(e, ctx));
  // Loops, not push(...list): a file can hold 140,000 of these, past what a call's arguments hold.
  for (const d of strayDiagnostics(parsed.strays, ctx, diagnostics)) diagnostics.push(d);
  const builder = new AstBuilder(options.timestamps);
  const document = builder.document(cst, text.length);
  document.comments = comments.map((c) => ({ span: { start: c.startOffset, end: c.startOffset + c.image.length }, text: c.image }));
  for (const d of builder.diagnostics) diagnostics.push(d);
  if (!diagnostics.some((d) => d.severity === 'error')) for (const d of checkStructure(document)) diagnostics.push(d);
  const shown = oneErrorPerLine(diagnostics, (offset) => source.position(offset).line);
  return { source, document, diagnostics: capErrors(shown, stopped && { line: source.position(stopped.at).line, why: stopped.why }) };
}


function emptyDocument(length: number): A.Document {
  return { kind: 'Document', span: { start: 0, end: length }, statements: [], comments: [] };
}

/** Keeps the first MAX_ERRORS problems and says how many more there are (at least, when
 *  reading stopped early: on line `stopped.line`, after `stopped.why`). */
function capErrors(diagnostics: Diagnostic[], stopped?: { line: number; why: string }): Diagnostic[] {
  if (diagnostics.length <= MAX_ERRORS && stopped === undefined) return diagnostics;
  const kept = diagnostics.slice(0, MAX_ERRORS);
  const rest = diagnostics.length - kept.length;
  const at = kept[kept.length - 1]?.span ?? { start: 0, end: 0 };
  const where = stopped === undefined ? '' : `reading stopped at line ${stopped.line} after ${stopped.why}`;
  const more = rest === 1 ? '1 more problem in this file is not shown' : `${rest} more problems in this file are not shown`;
  // Stopped with every problem found so far shown: the rest of the file is unread.
  const message = stopped === undefined ? more : rest === 0 ? `${where}; the rest of the file may hold more problems` : `at least ${more}; ${where}`;
  kept.push(error('input/too-many-errors', message, { start: at.end, end: at.end }, {
    help: 'fix the problems above first, or check that this is a spec file',
  }));
  return kept;
}

/** Reads and parses a file's bytes: decoding, size limit and parsing in one place. */
export function parseBytes(name: string, bytes: Uint8Array, size = bytes.length, options: ParseOptions = {}): ParseResult {
  const decoded = decodeSource(name, bytes, size);
  if (decoded.diagnostics.some((d) => d.code === 'input/too-large')) {
    return { source: decoded.source, document: emptyDocument(0), diagnostics: decoded.diagnostics };
  }
  return parse(decoded.source.text, name, decoded.diagnostics, options);
}
