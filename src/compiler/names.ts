// MySQL name rules and case folding: the facts every stage that handles names agrees on.

/** MySQL database and table names are at most 64 characters. */
export const MAX_NAME_LENGTH = 64;

/**
 * Patterns may be longer than names (classes and brace sets take room), but not much: longer
 * ones are refused before they are compiled.
 */
export const MAX_PATTERN_LENGTH = 128;

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

/** Names MySQL or tools treat specially: matched like any other, but worth a reviewer's look. */
export function isUnusualName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#');
}

/** Sorts by UTF-16 code unit, the order expansions are emitted in (locale-independent). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A name as shown in messages: backquoted, with control characters made visible. */
export function showName(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return '`' + visible.replace(/`/g, '``') + '`';
}
