// The lexer, and the translation of its errors into diagnostics.
import { Lexer, type IToken } from 'chevrotain';
import { allTokens } from './tokens.ts';
import { error, type Diagnostic } from './diagnostic.ts';

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  // Offsets only: line and column are derived when printing. Validations run in the tests.
  // safeMode skips the first-character analysis of every pattern: it costs more at start-up
  // than it saves on files of the size spec files have (at most 1 MiB, see MAX_SOURCE_BYTES).
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', skipValidations: true, safeMode: true });
  return lexer;
}

export function validateLexer(): Lexer {
  return new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
  if (code < 0x20 || code === 0x7f) return hex;
  return `\`${ch}\` (${hex})`;
}

function lexErrorFor(text: string, offset: number, length: number): Diagnostic {
  const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  const span = { start: offset, end: offset + length };
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
    return error('syntax/invalid-character', 'found `.`: database and table names are written separately, not as `db.table`', span, {
      help: 'write `restore db shop < table orders >`, or put a name containing `.` in backquotes',
    });
  }
  const what = length > 1 ? `${length} unexpected characters starting with ${describeChar(ch)}` : `unexpected character ${describeChar(ch)}`;
  return error('syntax/invalid-character', `found ${what}; names may contain letters, digits, _ $ - and glob characters`, span, {
    help: 'put a name with other characters in backquotes: `my name`',
  });
}

export function tokenize(text: string): LexResult {
  const result = getLexer().tokenize(text);
  const diagnostics = result.errors.map((e) => lexErrorFor(text, e.offset, e.length));
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], diagnostics };
}
