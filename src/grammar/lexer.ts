// The lexer, and the translation of its errors into diagnostics.
import { Lexer, type ILexerErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { allTokens, forgetNameText, MAX_PATTERN_LENGTH, MAX_SET_BODY } from './tokens.ts';
import { error, type Diagnostic } from './diagnostic.ts';

let lexer: Lexer | undefined;

const SILENT_ERRORS: ILexerErrorMessageProvider = {
  buildUnexpectedCharactersMessage: () => 'unexpected characters',
  buildUnableToPopLexerModeMessage: () => 'unable to pop a lexer mode',
};

/**
 * Chevrotain's offset-only tokens have no endOffset, which the parser's node locations
 * (nodeLocationTracking: the spans of statements and items) are built from: tokens are made here
 * with one. Its constructor picks this method by name for positionTracking 'onlyOffset'.
 */
class OffsetLexer extends Lexer {
  createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
    return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType };
  }
}

function getLexer(): Lexer {
  // Offsets only: line and column are derived when printing. Validations run in the tests.
  // safeMode skips the first-character analysis of every pattern: it costs more at start-up
  // than it saves on files of the size spec files have (at most 1 MiB, see MAX_SOURCE_BYTES).
  // Its error messages are never shown (lexErrorFor words each error): no string is made for each.
  lexer ??= new OffsetLexer(allTokens, { positionTracking: 'onlyOffset', skipValidations: true, safeMode: true, errorMessageProvider: SILENT_ERRORS });
  return lexer;
}

/** The lexer getLexer() builds, with Chevrotain's validation of the token definitions (for the tests). */
export function validateLexer(): Lexer {
  return new OffsetLexer(allTokens, { positionTracking: 'onlyOffset', safeMode: true });
}

/**
 * How far lexer errors are described: past MAX_LEX_LINES lines holding one, or MAX_LEX_ERRORS in
 * all, reading stops at the next (parse.ts cuts the tokens there and says so), as the parser
 * stops after MAX_SYNTAX_ERRORS of its own. A 1 MiB file of stray characters holds half a
 * million lexer errors: describing every one, to show the first hundred lines, took over 300 s.
 * A line shows one syntax error (oneErrorPerLine), so the limit is on lines, with a bound on the
 * total for a long line of them.
 */
export const MAX_LEX_LINES = 300;
export const MAX_LEX_ERRORS = 2_000;

export interface LexResult {
  /** Every token of the text, also past `stoppedAt`. */
  tokens: IToken[];
  comments: IToken[];
  /** The lexer errors before `stoppedAt`, described. */
  diagnostics: Diagnostic[];
  /** Where the first lexer error past the limits starts (see MAX_LEX_LINES), when there is one. */
  stoppedAt?: number;
}

/**
 * Where the last `<`, `>` and newline before an offset are, and the first newline from it, for
 * offsets met in increasing order (as lexer errors come): the text is read once for all the
 * errors, not once per error. An offset before the last one asked is answered by searching.
 * (Exported for test/grammar/lexer.test.ts, which holds it to the string searches it replaces.)
 */
export class TextScan {
  readonly #text: string;
  /** Characters before this index have been read. */
  #pos = 0;
  #lastOpen = -1;
  #lastClose = -1;
  #lastNewline = -1;
  /** Newlines before #pos. */
  #newlines = 0;
  #nextNewline = -2;
  #from = 0;
  constructor(text: string) {
    this.#text = text;
  }

  #readTo(end: number): boolean {
    if (end < this.#pos) return false;
    const text = this.#text;
    for (let i = this.#pos; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3c) this.#lastOpen = i;
      else if (c === 0x3e) this.#lastClose = i;
      else if (c === 0x0a) {
        this.#lastNewline = i;
        this.#newlines++;
      }
    }
    this.#pos = end;
    return true;
  }

  /** The index of the last `c` before `offset`, or -1, by searching. */
  #lastBefore(c: string, offset: number): number {
    return offset <= 0 ? -1 : this.#text.lastIndexOf(c, offset - 1);
  }

  /** Whether the last angle bracket before `offset` opens a block (`<`). */
  insideBlock(offset: number): boolean {
    if (!this.#readTo(offset)) return this.#lastBefore('<', offset) > this.#lastBefore('>', offset);
    return this.#lastOpen > this.#lastClose;
  }

  /** The line (from 0) holding `offset`, for offsets in increasing order; -1 for an earlier one. */
  line(offset: number): number {
    return this.#readTo(offset) ? this.#newlines : -1;
  }

  /** The index where the line holding `offset` starts. */
  lineStart(offset: number): number {
    if (!this.#readTo(offset)) return this.#lastBefore('\n', offset) + 1;
    return this.#lastNewline + 1;
  }

  /** The index of the first newline at or after `offset`, or -1. */
  lineEnd(offset: number): number {
    // The newline found for an earlier offset is the first one from `offset` too, if not before it.
    if (offset >= this.#from && (this.#nextNewline >= offset || this.#nextNewline === -1)) {
      this.#from = offset;
      return this.#nextNewline;
    }
    this.#from = offset;
    this.#nextNewline = this.#text.indexOf('\n', offset);
    return this.#nextNewline;
  }
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  if (code < 0x20 || code === 0x7f) return hex;
  return `\`${ch}\` (${hex})`;
}

/** The index of the `close` that matches the `open` at `from`, within a bounded distance. */
function matching(text: string, from: number, open: string, close: string): number {
  let depth = 0;
  const end = Math.min(text.length, from + 10_000);
  for (let i = from; i < end; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i;
  }
  return -1;
}

/** The name-like word that ends just before `offset` and the one that starts after it. */
function around(text: string, offset: number, length: number): { before: string; after: string } {
  const word = /[A-Za-z0-9_$*?\-\u00c0-\ufffc]+/y;
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_$*?\-\u00c0-\ufffc]/.test(text[i - 1]!)) i--;
  let j = offset + length;
  while (text[j] === ' ' || text[j] === '\t') j++;
  word.lastIndex = j;
  return { before: text.slice(i, offset), after: word.exec(text)?.[0] ?? '' };
}

/** Whether the line holding `offset` starts with a statement keyword just before it (`instance:`). */
function afterLineKeyword(text: string, offset: number, lineStart: number): string | undefined {
  const m = /^[ \t]*(instance|from backup|from|backup|at|region|restore|instant recovery)[ \t]*$/i.exec(text.slice(lineStart, offset));
  return m?.[1];
}

/** The rest of a word after an unclosed `[` or `{`, up to one character past the longest body the lexer reads. */
const SET_BODY = new RegExp(`[^\\s<>#\`]{0,${MAX_SET_BODY + 1}}`, 'y');

/**
 * A character no token starts with, said in the words of the mistake it usually is: `{ }` or
 * `( )` for a block, `;` after a statement, quotes around a name, `=>` for `as`, `db.table`.
 */
function lexErrorFor(text: string, offset: number, length: number, scan: TextScan): Diagnostic {
  const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  const span = { start: offset, end: offset + length };
  const one = { start: offset, end: offset + 1 };
  if (ch === '\0') {
    return error('syntax/nul-byte', 'found a NUL byte (U+0000); a spec file is text and cannot contain NUL bytes', span, {
      help: 'remove it; the file may have been saved in UTF-16 or be binary',
    });
  }
  if (ch === '\ufffd') {
    return error('syntax/invalid-character', 'found U+FFFD, the replacement character; the file is not valid UTF-8 here', span, {
      help: 'save the file as UTF-8',
    });
  }
  if (ch === '.') {
    const { before, after } = around(text, offset, 1);
    const example = before && after ? `restore db ${before} < table ${after} as ${after}_restored >` : 'restore db shop < table orders as orders_restored >';
    return error('syntax/invalid-character', 'found `.`: database and table names are written separately, not as `db.table`', one, {
      help: `write \`${example}\`, or put a name that holds a \`.\` in backquotes`,
    });
  }
  const inName = offset > 0 && /[A-Za-z0-9_$*?\-\u00c0-\ufffc\]}]/.test(text[offset - 1]!);
  if ((ch === '[' && (inName || /^[^\s<>#`]$/.test(text.slice(offset + 1, offset + 2)))) || (ch === '{' && inName)) {
    // A class or a brace set in a pattern, not closed before the name ends (read no further
    // than the longest body the lexer takes: one word of `a[a[a[…` holds thousands of these).
    const what = ch === '[' ? 'class' : 'set of alternatives';
    const close = ch === '[' ? ']' : '}';
    SET_BODY.lastIndex = offset + 1;
    const body = SET_BODY.exec(text)![0];
    const at = offset + 1 + body.length;
    if (body.includes(close) || body.length > MAX_SET_BODY) {
      // Closed only past the longest body the lexer takes, or not at all within it.
      return error('syntax/invalid-character', `the ${what} that starts here is not closed within ${MAX_SET_BODY} characters; a whole pattern is at most ${MAX_PATTERN_LENGTH}`, one, {
        help: `close it with \`${close}\` where it should end, or put a name that holds \`${ch}\` in backquotes`,
      });
    }
    return error('syntax/invalid-character', `the ${what} \`${ch}${body}\` is not closed: \`${close}\` is missing`, { start: offset, end: at }, {
      help: `close it: \`${ch}${body}${close}\`, or put a name that holds \`${ch}\` in backquotes`,
      fix: { span: { start: at, end: at }, text: close },
    });
  }
  if (ch === '{' || ch === '(') {
    const close = ch === '{' ? '}' : ')';
    const end = matching(text, offset, ch, close);
    return error('syntax/invalid-character', `found \`${ch}\`: a table block is written \`< ... >\`, not \`${ch} ... ${close}\``, one, {
      help: `write \`<\` for \`${ch}\` and \`>\` for \`${close}\``,
      ...(end !== -1 ? { fix: { span: { start: offset, end: end + 1 }, text: `<${text.slice(offset + 1, end)}>` }, related: [{ span: { start: end, end: end + 1 }, message: `and \`${close}\` here` }] } : {}),
    });
  }
  if (ch === '}' || ch === ')') {
    return error('syntax/invalid-character', `found \`${ch}\`: a table block is closed with \`>\``, one, { help: 'write `>`', fix: { span: one, text: '>' } });
  }
  if (ch === ';') {
    // Between the items of a block (the last angle bracket before it opens one), a separator.
    if (scan.insideBlock(offset)) {
      return error('syntax/invalid-character', 'found `;`: the items of a block are separated by a newline or `,`', one, { help: 'write `,` or start a new line', fix: { span: one, text: ',' } });
    }
    return error('syntax/invalid-character', 'found `;`: statements need no `;`, each ends where the next begins', one, { help: 'remove the `;`', fix: { span: one, text: '' } });
  }
  if (ch === ':') {
    const lineStart = scan.lineStart(offset);
    const lineEnd = scan.lineEnd(offset);
    const keyword = afterLineKeyword(text, offset, lineStart);
    // `restore db shop:` and the tables on the lines below, as in YAML or Python.
    if (/^[ \t]*restore\b/i.test(text.slice(lineStart, offset)) && text.slice(offset + 1, lineEnd === -1 ? text.length : lineEnd).trim() === '') {
      return error('syntax/invalid-character', 'found `:`: the tables of a restore go in a block, `< ... >`', one, { help: 'write `<` for the `:`, and `>` after the last table', fix: { span: one, text: ' <' } });
    }
    const value = around(text, offset, 1).after;
    const example: Record<string, string> = { backup: `from backup ${value || 'ID'}`, 'from backup': `from backup ${value || 'ID'}`, restore: 'restore db DATABASE < table TABLE as NEW_NAME >' };
    return error('syntax/invalid-character', keyword ? `found \`:\` after \`${keyword}\`: a statement is written without a colon` : 'found `:`, which has no meaning here; statements are written without colons', one, {
      help: keyword ? `write \`${example[keyword.toLowerCase()] ?? `${keyword.toLowerCase()} ${value || 'VALUE'}`}\`` : 'remove it, or put a name that holds a `:` in backquotes',
      fix: { span: one, text: '' },
    });
  }
  if (ch === '"' || ch === "'") {
    const end = text.indexOf(ch, offset + 1);
    const lineEnd = scan.lineEnd(offset);
    const closed = end !== -1 && (lineEnd === -1 || end < lineEnd);
    const inner = closed ? text.slice(offset + 1, end) : '';
    if (closed && /^\d{4}-/.test(inner)) {
      return error('syntax/invalid-character', `found \`${ch}\`: a time is written without quotes`, one, { help: `write \`${inner}\``, fix: { span: { start: offset, end: end + 1 }, text: inner }, related: [{ span: { start: end, end: end + 1 }, message: 'and here' }] });
    }
    const quoted = '`' + inner.replace(/`/g, '``') + '`';
    return error('syntax/invalid-character', `found \`${ch}\`: names are quoted with backquotes, as in MySQL`, one, {
      help: closed ? `write \`\` ${quoted} \`\`, or leave the quotes out if the name is plain` : 'quote a name with backquotes: `my name`',
      ...(closed ? { fix: { span: { start: offset, end: end + 1 }, text: quoted } } : {}),
    });
  }
  if (ch === '=') {
    const arrow = text[offset + 1] === '>' ? '=>' : '=';
    return error('syntax/invalid-character', `found \`${arrow}\`: a new name is given with \`as\``, { start: offset, end: offset + arrow.length }, {
      help: 'write `table orders as orders_restored`',
      fix: { span: { start: offset, end: offset + arrow.length }, text: 'as' },
    });
  }
  const what = length > 1 ? `${length} unexpected characters starting with ${describeChar(ch)}` : `unexpected character ${describeChar(ch)}`;
  return error('syntax/invalid-character', `found ${what}; names may contain letters, digits, _ $ - and glob characters`, span, {
    help: 'put a name with other characters in backquotes: `my name`',
  });
}

export function tokenize(text: string): LexResult {
  // The name token keeps what it read of the text it was last given: not across texts.
  forgetNameText();
  let result;
  try {
    result = getLexer().tokenize(text);
  } finally {
    forgetNameText();
  }
  const scan = new TextScan(text);
  const errors = result.errors;
  const diagnostics: Diagnostic[] = [];
  const comments = result.groups['comments'] ?? [];
  let lines = 0;
  let lastLine = -1;
  for (const e of errors) {
    const line = scan.line(e.offset);
    if (line !== lastLine) lines++;
    lastLine = line;
    if (lines > MAX_LEX_LINES || diagnostics.length === MAX_LEX_ERRORS) return { tokens: result.tokens, comments, diagnostics, stoppedAt: e.offset };
    diagnostics.push(lexErrorFor(text, e.offset, e.length, scan));
  }
  return { tokens: result.tokens, comments, diagnostics };
}
