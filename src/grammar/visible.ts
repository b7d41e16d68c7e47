// Characters that must never reach a terminal or a review as they are: they show as nothing or
// reorder the text around them ("Trojan Source"), so a name or a line holding one displays
// differently from what it is. Shared by code frames (grammar) and names in messages (compiler).

/** Zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, word joiner and
 *  invisible operators, the BOM, the soft hyphen, the Arabic letter mark, the Mongolian vowel separator. */
export const INVISIBLE_RANGES = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

export const INVISIBLE_CHAR = new RegExp(`[${INVISIBLE_RANGES}]`);

/** `\uXXXX` for a character, as JavaScript and JSON write it. */
export const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a terminal or a log, made safe as a whole: control characters (but tab and line
 * feed), C1 controls, line and paragraph separators and the invisible characters written as
 * `\uXXXX`. Messages quote names from specs, snapshots and API answers; an escape sequence in a
 * table name (`ESC [ 2 J`, a terminal title, a hyperlink) or a bidi override must show as what it
 * is, not act on the reader's terminal. Applied where messages are written for people (code
 * frames, the stylish, GitHub and summary formats, the CLI's own lines, the language server's
 * diagnostics); JSON and SARIF carry messages as JSON strings, for programs.
 */
const UNSAFE_IN_TEXT = unsafe('\\u0000-\\u0008\\u000b-\\u001f');

export function visibleText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escapeChar);
}

/** As visibleText, for one line (a name): tab and line feed written as `\uXXXX` too. */
const UNSAFE_IN_LINE = unsafe('\\u0000-\\u001f');

export function visibleLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}

/** The characters written as `\uXXXX`: the C0 controls given, DEL and C1, the separators, the invisible ones. */
function unsafe(c0: string): RegExp {
  return new RegExp(`[${c0}\\u007f-\\u009f\\u2028\\u2029${INVISIBLE_RANGES}]`, 'g');
}
