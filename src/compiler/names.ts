// MySQL name rules and case folding: the facts every stage that handles names agrees on.
import { INVISIBLE_CHAR, visibleLine } from '../grammar/visible.ts';
import { writeExactName } from '../grammar/print.ts';

/** MySQL database and table names are at most 64 characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * Patterns may be longer than names (classes and brace sets take room), but not much: longer
 * ones are refused before they are compiled. Defined with the lexer, whose bound on a class or
 * brace set follows from it.
 */
export { MAX_PATTERN_LENGTH } from '../grammar/tokens.ts';

/**
 * Whether `name` can be a MySQL database or table name: nameProblem(name) === undefined, and the
 * schemas' `$defs.name` (1-64 characters of the Basic Multilingual Plane, no U+0000, no trailing
 * space), without making a message. One pass over the characters: snapshots hold a million names.
 */
export function isMySqlName(name: string): boolean {
  if (!isMySqlNameWithoutNulOrSurrogate(name)) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** isMySqlName of a name known to hold no U+0000 and no surrogate: its length and last character decide. */
export function isMySqlNameWithoutNulOrSurrogate(name: string): boolean {
  const n = name.length;
  return n > 0 && n <= MAX_NAME_LENGTH && name.charCodeAt(n - 1) !== 32;
}

/** Why `name` cannot be a MySQL database or table name, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.includes('\u0000')) return 'contains U+0000, which MySQL names cannot contain';
  if (/[\ud800-\udfff]/.test(name)) return 'contains a character outside the Basic Multilingual Plane, which MySQL names cannot contain';
  if (name.length > MAX_NAME_LENGTH) return `is ${name.length} characters long; MySQL names are at most ${MAX_NAME_LENGTH}`;
  if (name.endsWith(' ')) return 'ends with a space, which MySQL names cannot';
  return undefined;
}

/** The key names are compared by: as written, or lowercased when the instance ignores case. */
export function foldName(name: string, caseInsensitive: boolean): string {
  return caseInsensitive ? name.toLowerCase() : name;
}

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a name that MySQL accepts still deserves a reviewer's look, or undefined: a character that
 * is invisible or reorders text, a control character, `.` (`db.table` is not one name), or
 * `:` / `+` (a time or a URL pasted into the name).
 */
export function unusualCharacter(name: string): string | undefined {
  const invisible = INVISIBLE_CHAR.exec(name);
  if (invisible) return `holds ${hex(invisible[0])}, an invisible character that hides or reorders text, so it displays differently from what it is`;
  const control = /[\u0001-\u001f\u007f-\u009f]/.exec(name);
  if (control) return `holds the control character ${hex(control[0])}`;
  if (name.includes('.')) return 'holds `.`: database and table names are written separately (`db.table` is not one name)';
  const pasted = /[:+]/.exec(name);
  if (pasted) return `holds \`${pasted[0]}\`: check that a time or a URL was not pasted into it`;
  return undefined;
}

/**
 * Why a table name holding `,` cannot be restored by its name: DescribeMetaList gives a backup's
 * tables as one comma-separated string (`Tables`), where such a name reads as several.
 */
export const TABLE_NAME_COMMA = "holds `,`, which a backup's list of tables cannot show (DescribeMetaList gives them as one comma-separated string): a backup lists such a table as several names";

/** unusualCharacter for a table name: also `,` (TABLE_NAME_COMMA). */
export function unusualTableCharacter(name: string): string | undefined {
  return unusualCharacter(name) ?? (name.includes(',') ? TABLE_NAME_COMMA : undefined);
}

/** Why a name a pattern matches is worth a reviewer's look: hidden or internal (a leading `.` or
 *  `#`, as MySQL's `#sql-...` temporary tables), or an unusual character (for a table, `,` too). */
export function unusualName(name: string, table = false): string | undefined {
  if (name.startsWith('#')) return 'starts with `#`, as internal names do';
  if (name.startsWith('.')) return 'starts with `.`, as hidden names do';
  return table ? unusualTableCharacter(name) : unusualCharacter(name);
}

export function isUnusualName(name: string, table = false): boolean {
  return unusualName(name, table) !== undefined;
}

/** Sorts by UTF-16 code unit, the order expansions are emitted in (locale-independent). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts `names` by code unit in place. Names come in the order of their list, which the API
 * keeps sorted for most backups: an ordered array is only checked, never handed to sort().
 */
export function sortByCodeUnits<T extends string[]>(names: T): T {
  for (let i = 1; i < names.length; i++) if (names[i - 1]! > names[i]!) return names.sort(compareCodeUnits);
  return names;
}

/** `name` with control and invisible characters written as `\uXXXX` (visibleLine). */
export const visibleName = visibleLine;

/** A name as shown in messages: backquoted, with control and invisible characters made visible. */
export function showName(name: string): string {
  return '`' + visibleName(name).replace(/`/g, '``') + '`';
}

const PLAIN = /^[\p{L}\p{N}_$-]+$/u;
/** Plain names as they are (as plans and messages print `shop.orders`); anything else as showName. */
export function displayName(name: string): string {
  return PLAIN.test(name) ? name : showName(name);
}

/**
 * The code a help suggests for restoring `name` under a new one, `KEYWORD name as name_restored`
 * (`restore db shop as shop_restored`), names quoted as the language needs; a pattern, as
 * written, gets `{name}_restored`.
 */
export function restoredAs(keyword: string, name: string, pattern = false): string {
  return pattern ? `${keyword} ${name} as {name}_restored` : `${keyword} ${writeExactName(name)} as ${writeExactName(`${name}_restored`)}`;
}
