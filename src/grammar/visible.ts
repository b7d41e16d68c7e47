// Characters that must never reach a terminal or a review as they are: they show as nothing or
// reorder the text around them ("Trojan Source"), so a name or a line holding one displays
// differently from what it is. Shared by code frames (grammar) and names in messages (compiler).

/** Zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, word joiner and
 *  invisible operators, the BOM, the soft hyphen, the Arabic letter mark, the Mongolian vowel separator. */
export const INVISIBLE_RANGES = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

export const INVISIBLE_CHAR = new RegExp(`[${INVISIBLE_RANGES}]`);

/** `\uXXXX` for a character, as JavaScript and JSON write it. */
export const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
