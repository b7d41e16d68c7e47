// Token definitions of the .restore language, in the order the lexer tries them.
import { createToken, Lexer, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

/**
 * Token categories for error recovery. A token that cannot start a statement (or, inside a
 * block, an item) is consumed by the parser as "stray" and reported, so one mistake does not
 * end the parse: every syntax error of a file is reported in one run.
 */
export const StatementStray = createToken({ name: 'StatementStray', pattern: Lexer.NA, label: 'stray token' });
export const BlockStray = createToken({ name: 'BlockStray', pattern: Lexer.NA, label: 'stray token' });
/** Every token that can stand where a name is expected: keywords are not reserved. One
 *  category keeps the parser's lookahead tables small, which matters for start-up time. */
export const NameLike = createToken({ name: 'NameLike', pattern: Lexer.NA, label: 'a name' });
/** Cannot start a statement, nor continue a block. */
const STRAY = [StatementStray, BlockStray];
const NAME_STRAY = [NameLike, StatementStray, BlockStray];

export const LAngle = createToken({ name: 'LAngle', pattern: /</, label: '`<`', categories: STRAY });
export const RAngle = createToken({ name: 'RAngle', pattern: />/, label: '`>`', categories: [StatementStray] });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`', categories: [StatementStray] });

/** `name` with backquotes; a doubled backquote stands for one, as in MySQL. */
export const Backquoted = createToken({ name: 'Backquoted', pattern: /`(?:[^`\r\n]|``)*`/, label: 'a backquoted name', categories: NAME_STRAY });
/** A backquote that is never closed on its line: kept as a token so the parser can recover
 *  and the AST builder can say exactly what is wrong. */
export const UnterminatedBackquoted = createToken({ name: 'UnterminatedBackquoted', pattern: /`(?:[^`\r\n]|``)*/, label: 'a backquoted name', categories: NAME_STRAY });

/**
 * A bare name or pattern: letters, digits, `_ $ - * ?`, bracket classes `[...]` and brace sets
 * `{a,b}` (commas allowed inside braces only), and non-ASCII letters of the BMP. Parentheses are
 * not allowed, so extglobs cannot be written bare.
 */
const NAME_CHAR = 'A-Za-z0-9_$*?\\-\\u00c0-\\ud7ff\\ue000-\\ufffc';
/** The longest pattern the compiler takes (a longer one is refused: pattern/too-long). */
export const MAX_PATTERN_LENGTH = 128;
/**
 * The longest body of a class or brace set the lexer reads: a longer one makes a pattern longer
 * than MAX_PATTERN_LENGTH, refused anyway. Unbounded, each `[` or `{` without its closer made the lexer read
 * the rest of the word, at every one of them: 16 KB of `a[` took 0.4 s and each doubling four
 * times as long (1 MiB: most of an hour).
 */
export const MAX_SET_BODY = MAX_PATTERN_LENGTH;
const NAME_RUN = new RegExp(`[${NAME_CHAR}]+`, 'y');

/**
 * Where the body of a class (`[`) or brace set (`{`) that starts at an offset ends: the first
 * character from it that is the closer or cannot be in a body. The last answer is kept, with the
 * stretch it covers: the lexer asks at increasing offsets, so one word of `a[a[a[…` is read once
 * in all, where reading each body again (up to MAX_SET_BODY characters at every `[`) made that
 * word take about three times as long to lex as a well-formed spec of its size.
 */
class BodyEnds {
  #text: string | undefined;
  #from = 0;
  #at = 0;
  readonly #stop: RegExp;
  constructor(stop: RegExp) {
    this.#stop = stop;
  }
  /** The first index at or after `from` holding a stop character, or text.length. */
  at(text: string, from: number): number {
    // Within one tokenize() the text is one string, so `===` is one pointer comparison: it is
    // forgotten between texts (forgetNameText), as two equal texts would be compared in full.
    if (from >= this.#from && from <= this.#at && text === this.#text) return this.#at;
    this.#stop.lastIndex = from;
    const m = this.#stop.exec(text);
    this.#text = text;
    this.#from = from;
    this.#at = m === null ? text.length : m.index;
    return this.#at;
  }
  forget(): void {
    this.#text = undefined;
  }
}
const CLASS_END = new BodyEnds(/[\]\s`<>#]/g);
const SET_END = new BodyEnds(/[}\s`<>#]/g);

/** Drops the text the name token last read (lexer.ts: before and after each text). */
export function forgetNameText(): void {
  CLASS_END.forget();
  SET_END.forget();
}

/**
 * A name: what `(?:[NAME_CHAR]|\[[^\]\s`<>#]{0,MAX_SET_BODY}\]|\{[^}\s`<>#]{0,MAX_SET_BODY}\})+`
 * matches at `offset` (test/grammar/name-token.property.test.ts holds the two equal), read as
 * runs of name characters joined by closed classes and sets.
 */
function matchName(text: string, offset: number): [string] | null {
  let p = offset;
  for (;;) {
    NAME_RUN.lastIndex = p;
    if (NAME_RUN.test(text)) p = NAME_RUN.lastIndex;
    const c = text.charCodeAt(p);
    if (c !== 91 && c !== 123) break; // `[`, `{`
    const at = (c === 91 ? CLASS_END : SET_END).at(text, p + 1);
    if (at - (p + 1) > MAX_SET_BODY || text.charCodeAt(at) !== c + 2) break; // `]`, `}`
    p = at + 1;
  }
  return p === offset ? null : [text.slice(offset, p)];
}

export const Name = createToken({
  name: 'Name',
  pattern: { exec: matchName },
  line_breaks: false,
  label: 'a name',
  categories: NAME_STRAY,
});

/**
 * Anything that starts like a date: validated in the AST builder so a wrong timestamp gets one
 * precise message (missing zone, `/` in the date, an ambiguous abbreviation) instead of a run of
 * lexer errors. `longer_alt: Name` so `2026-11-20_orders` stays a name. A space joins a date and
 * a time only before `H:` or `HH:` (`restore db 2026-11-20 1` is two names, not one holding a
 * space), and a time and a zone only on one line: an offset (`03:15:00 +08:00`), an IANA name
 * (`Asia/Shanghai`) or a word of 2-5 letters that is not a keyword (`UTC`, `CST`) after a time.
 */
const DATE = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})`;
const TIME = String.raw`(?:(?:T|[ \t]+(?=\d{1,2}:))\d{1,2}(?::\d{1,2}){0,2}(?:[.,]\d+)?)`;
const SLASH_ZONE = String.raw`[a-z][\w+-]*(?:/[\w+-]+)+`;
const ZONE_WORD = String.raw`${SLASH_ZONE}|(?!(?:at|as|db|from|table)\b)[a-z]{2,5}\b`;
const OFFSET = String.raw`Z|[+-]\d{1,2}(?::?\d{2})?|[ \t]+[+-]\d{2}:?\d{2}`;
// A bare word is read as a zone only after a time: `restore db 2026-11-20 foo` is two names.
// (Exported for test/grammar/name-token.property.test.ts, which holds the token to it.)
export const TIMESTAMP = new RegExp(String.raw`${DATE}(?:${TIME}(?:${OFFSET}|[ \t]+(?:${ZONE_WORD}))?|${OFFSET}|[ \t]+(?:${SLASH_ZONE}))?`, 'iy');
export const Timestamp = createToken({
  name: 'Timestamp',
  // Tried only where a digit starts: the lexer (safeMode, see lexer.ts) tries every pattern at
  // every token, and at start-up V8 compiled this one, the largest, to machine code on its
  // second try (1-1.5 ms of a one-spec run), mostly at words it could never match.
  pattern: {
    exec(text: string, offset: number): RegExpExecArray | null {
      const c = text.charCodeAt(offset);
      if (c < 48 || c > 57) return null;
      TIMESTAMP.lastIndex = offset;
      return TIMESTAMP.exec(text);
    },
  },
  line_breaks: false,
  longer_alt: Name,
  label: 'a timestamp',
  categories: NAME_STRAY,
});

// Keywords come before Name so that `restore` is a keyword, and each has `longer_alt: Name`
// so that `restored` or `db1` stay names. Keywords are case-insensitive and not reserved:
// the parser accepts them wherever a name is expected.
function keyword(name: string, pattern: RegExp, categories: TokenType[]): TokenType {
  return createToken({ name, pattern, longer_alt: Name, label: '`' + name.toLowerCase() + '`', categories: [NameLike, ...categories] });
}
// Statement keywords end a block (a missing `>`); block keywords are stray outside a block.
export const Instance = keyword('Instance', /instance/i, []);
export const From = keyword('From', /from/i, []);
export const At = keyword('At', /at/i, []);
export const Region = keyword('Region', /region/i, []);
export const Restore = keyword('Restore', /restore/i, []);
export const Instant = keyword('Instant', /instant/i, []);
export const Recovery = keyword('Recovery', /recovery/i, STRAY);
export const Backup = keyword('Backup', /backup/i, STRAY);
/** `from cross-region backup ID`: one token, so `cross-region` reads as the console and API docs write it. */
export const CrossRegion = keyword('CrossRegion', /cross-region/i, STRAY);
export const Db = keyword('Db', /database|db/i, STRAY);
export const As = keyword('As', /as/i, STRAY);
export const Table = keyword('Table', /table/i, [StatementStray]);
export const Except = keyword('Except', /except/i, [StatementStray]);



export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  LAngle,
  RAngle,
  Comma,
  Backquoted,
  UnterminatedBackquoted,
  Timestamp,
  Instance,
  From,
  Backup,
  CrossRegion,
  At,
  Region,
  Restore,
  Instant,
  Recovery,
  Db,
  Table,
  As,
  Except,
  Name,
];
