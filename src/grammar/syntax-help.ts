// Syntax errors in the words of the mistake: a statement missing a name says which name and the
// statement's shape; SQL habits (`restore table orders from shop`) get the spec written out; a
// stray word gets "did you mean" on the word alone. One error per broken statement: what follows
// an error on its line is its echo (see oneErrorPerLine).
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { compareDiagnostics, error, type Diagnostic } from './diagnostic.ts';
import type { Span } from './source.ts';
import { describeFound, expectedAt } from './parse-messages.ts';
import { closest } from './suggest.ts';
import { firstAtLeast } from './sorted.ts';

/** Each statement and item as it is written, for the help of an error inside it. */
export const SHAPE: Record<string, string> = {
  instanceStatement: '`instance ID`, e.g. `instance rm-uf6wjk5xxxxxxxxxx`',
  fromBackupStatement: '`from backup ID`, with the BackupId from the console or `restorec inventory pull`, e.g. `from backup 9026262`',
  atStatement: '`at yyyy-MM-dd HH:mm ZONE`, with the zone the time was read in, e.g. Asia/Shanghai',
  regionStatement: '`region ID`, e.g. `region cn-hangzhou`',
  instantRecoveryStatement: '`instant recovery`',
  restoreStatement: '`restore db DATABASE [as NEW_NAME] [< table TABLE [as NEW_NAME] ... >]`',
  tableItem: '`table TABLE [as NEW_NAME]`',
  exceptTableItem: '`except table PATTERN`',
};

const STATEMENT_WORDS = ['instance', 'from', 'at', 'region', 'instant', 'restore'];
const BLOCK_WORDS = ['table', 'except'];

export interface SyntaxContext {
  text: string;
  tokens: IToken[];
  /** A token's index in `tokens`, or -1 (a token inserted in recovery). */
  indexOf: (t: IToken) => number;
  /** The `<` tokens, and their offsets (ascending). */
  opens: { tokens: IToken[]; offsets: number[] };
}

export function tokenSpan(t: IToken, textLength: number): Span {
  if (t.tokenType === EOF || Number.isNaN(t.startOffset)) return { start: textLength, end: textLength };
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

function didYouMean(word: string, candidates: string[], span: Span): Partial<Diagnostic> {
  const guess = closest(word, candidates);
  return guess ? { help: `did you mean \`${guess}\`?`, fix: { span, text: guess } } : {};
}

const is = (t: IToken | undefined, name: string) => t !== undefined && t.tokenType.name === name;
const isWord = (t: IToken | undefined) => t !== undefined && (t.tokenType.name === 'Name' || t.tokenType.name === 'Backquoted');

/** What is missing where a name was expected, by the statement and the word before it. */
function missingName(rule: string, prev: IToken | undefined, beforePrev: IToken | undefined): string {
  switch (rule) {
    case 'instanceStatement':
      return 'the instance id';
    case 'fromBackupStatement':
      return 'the backup set id';
    case 'atStatement':
      return 'the time';
    case 'regionStatement':
      return 'the region id';
    case 'tableItem':
      return is(prev, 'As') ? 'the new table name' : 'the table name (or a pattern)';
    case 'exceptTableItem':
      return 'the pattern of the tables to leave out';
    default:
      if (is(prev, 'As')) return 'the new database name';
      if (is(prev, 'Comma') || (is(prev, 'Db') && is(beforePrev, 'Except'))) return 'the database to leave out';
      return 'the database name (or a pattern)';
  }
}

/** `restore table orders from shop`, `RESTORE TABLE shop.orders TO x`: the spec they mean. */
function sqlHabit(ctx: SyntaxContext, table: IToken): string {
  const i = ctx.indexOf(table);
  const line = (t: IToken | undefined) => t !== undefined && !ctx.text.slice(table.startOffset, t.startOffset).includes('\n');
  let db: string | undefined;
  let name: string | undefined;
  let target: string | undefined;
  for (let k = i + 1; k < ctx.tokens.length && line(ctx.tokens[k]); k++) {
    const t = ctx.tokens[k]!;
    const next = ctx.tokens[k + 1];
    if (name === undefined && k === i + 1) {
      // `shop.orders`: the `.` is a lexer error, so the two names are neighbours.
      if (ctx.text[t.startOffset + t.image.length] === '.' && next && line(next)) {
        db = t.image;
        name = next.image;
        k++;
      } else name = t.image;
    } else if (/^(from|in)$/i.test(t.image) && next && line(next)) db ??= next.image;
    else if (/^(to|as|into)$/i.test(t.image) && next && line(next)) target = next.image;
  }
  return `restore db ${db ?? 'DATABASE'} < table ${name ?? 'TABLE'} as ${target ?? `${name ?? 'TABLE'}_restored`} >`;
}

/** `restore db shop as shop_r except table tmp*` → the statement with the item in its block. */
function exceptInBlock(ctx: SyntaxContext, except: IToken, table: IToken): string {
  let k = Math.max(0, ctx.indexOf(except));
  while (k > 0 && !(is(ctx.tokens[k], 'Db') && is(ctx.tokens[k - 1], 'Restore'))) k--;
  const source = ctx.tokens[k + 1]?.image ?? 'DATABASE';
  const target = is(ctx.tokens[k + 2], 'As') ? ctx.tokens[k + 3]?.image : undefined;
  const pattern = ctx.tokens[Math.max(0, ctx.indexOf(table)) + 1]?.image ?? 'PATTERN';
  return target ? `restore db ${source} as ${target} < table * except table ${pattern} >` : `restore db ${source} < table * as {name}_restored except table ${pattern} >`;
}

export function recognitionDiagnostic(e: IRecognitionException, ctx: SyntaxContext): Diagnostic {
  const { text, opens } = ctx;
  const found = e.token;
  let span = tokenSpan(found, text.length);
  const expected = expectedAt.get(found) ?? [];
  const stack = e.context?.ruleStack ?? [];
  const rule = [...stack].reverse().find((r) => r in SHAPE) ?? '';
  const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
  const prevOk = prev && !Number.isNaN(prev.startOffset) ? prev : undefined;
  const beforePrev = prevOk ? ctx.tokens[Math.max(0, ctx.indexOf(prevOk)) - 1] : undefined;
  const shape = SHAPE[rule] ? { help: `write ${SHAPE[rule]}` } : {};
  if (expected.length === 1 && expected[0]!.name === 'RAngle') {
    // Point at the `<` this `>` would close, and offer to insert `>` after the last good token.
    // The last `<` before it: looked up, not searched for (one search per error made a file of
    // unclosed blocks quadratic: 16,000 of them took 19 s to parse).
    const open = opens.tokens[firstAtLeast(opens.offsets, span.start) - 1];
    const insertAt = prevOk ? tokenSpan(prevOk, text.length).end : span.start;
    // At the place the `>` goes, on the line of the block's last item: the next statement's line
    // may hold a mistake of its own.
    span = { start: insertAt, end: insertAt };
    return error('syntax/missing-close', e.message, span, {
      help: 'add `>` after the last item of the block',
      fix: { span: { start: insertAt, end: insertAt }, text: ' >' },
      ...(open ? { related: [{ span: tokenSpan(open, text.length), message: 'the block opened here' }] } : {}),
    });
  }
  // A name is missing: say which, at the word that needed it.
  if (stack[stack.length - 1] === 'name' || expected.some((t) => t.name === 'NameLike')) {
    const what = missingName(rule, prevOk, beforePrev);
    const at = prevOk ? tokenSpan(prevOk, text.length) : span;
    return error('syntax/unexpected-token', `${what} is missing after \`${prevOk?.image ?? ''}\`${found.tokenType === EOF ? ' at the end of the file' : `; found ${describeFound(found)}`}`, at, shape);
  }
  const want = (name: string) => expected.some((t) => t.name === name);
  if (rule === 'restoreStatement' && want('Db') && is(prevOk, 'Restore')) {
    if (is(found, 'Table')) {
      return error('syntax/unexpected-token', 'a restore names the database first, then its tables in a block', span, { help: `write \`${sqlHabit(ctx, found)}\`` });
    }
    const guess = isWord(found) ? closest(found.image, ['db', 'database']) : undefined;
    if (guess) return error('syntax/unexpected-token', `expected \`db\` or \`database\`, found ${describeFound(found)}`, span, { help: `did you mean \`${guess}\`?`, fix: { span, text: guess } });
    return error('syntax/unexpected-token', `\`restore\` is followed by \`db\` and the database name; found ${describeFound(found)}`, span, {
      help: `write ${SHAPE['restoreStatement']}`,
      ...(isWord(found) ? { fix: { span: { start: span.start, end: span.start }, text: 'db ' } } : {}),
    });
  }
  if (rule === 'restoreStatement' && want('Db') && is(prevOk, 'Except') && is(found, 'Table')) {
    return error('syntax/unexpected-token', '`except table` belongs in the table block; after the database, `except db` leaves databases out of a pattern', { start: prevOk!.startOffset, end: span.end }, {
      help: `write \`${exceptInBlock(ctx, prevOk!, found)}\``,
    });
  }
  // `from` opens three statements (`from backup`, `from cross-region backup`, `from region`):
  // when the word after it is none of them, the parser stops at `from` itself.
  if (is(found, 'From') && !stack.some((r) => r in SHAPE)) {
    const next = ctx.tokens[Math.max(0, ctx.indexOf(found)) + 1];
    if (next && !['Backup', 'CrossRegion', 'Region'].includes(next.tokenType.name)) {
      const at = tokenSpan(next, text.length);
      const guess = isWord(next) ? closest(next.image, ['backup']) : undefined;
      if (guess) return error('syntax/unexpected-token', `expected \`backup\`, found ${describeFound(next)}`, at, { help: 'did you mean `backup`?', fix: { span: at, text: 'backup' } });
      return error('syntax/unexpected-token', `\`from\` is followed by \`backup\` and the backup set id; found ${describeFound(next)}`, at, {
        help: `write ${SHAPE['fromBackupStatement']}`,
        ...(isWord(next) && /^\d+$/.test(next.image) ? { fix: { span: { start: at.start, end: at.start }, text: 'backup ' } } : {}),
      });
    }
  }
  if (rule === 'fromBackupStatement' && want('Backup')) {
    const guess = isWord(found) ? closest(found.image, ['backup']) : undefined;
    if (guess) return error('syntax/unexpected-token', `expected \`backup\`, found ${describeFound(found)}`, span, { help: 'did you mean `backup`?', fix: { span, text: 'backup' } });
    return error('syntax/unexpected-token', `\`from\` is followed by \`backup\` and the backup set id; found ${describeFound(found)}`, span, {
      ...shape,
      ...(isWord(found) && /^\d+$/.test(found.image) ? { fix: { span: { start: span.start, end: span.start }, text: 'backup ' } } : {}),
    });
  }
  if (rule === 'instantRecoveryStatement' && want('Recovery')) {
    const guess = isWord(found) ? closest(found.image, ['recovery']) : undefined;
    if (guess) return error('syntax/unexpected-token', `expected \`recovery\`, found ${describeFound(found)}`, span, { help: 'did you mean `recovery`?', fix: { span, text: 'recovery' } });
    const end = prevOk ? tokenSpan(prevOk, text.length).end : span.start;
    return error('syntax/unexpected-token', `\`instant\` is followed by \`recovery\`; found ${describeFound(found)}`, prevOk ? tokenSpan(prevOk, text.length) : span, { help: 'write `instant recovery`', fix: { span: { start: end, end }, text: ' recovery' } });
  }
  if (rule === 'exceptTableItem' && want('Table')) {
    return error('syntax/unexpected-token', `\`except\` in a block is followed by \`table\`; found ${describeFound(found)}`, span, {
      ...shape,
      ...(isWord(found) ? { fix: { span: { start: span.start, end: span.start }, text: 'table ' } } : {}),
    });
  }
  const words = expected.filter((t) => /^`[a-z]+`$/.test(t.LABEL ?? '')).map((t) => (t.LABEL as string).slice(1, -1));
  const extra = found.tokenType.name === 'Name' && words.length > 0 ? didYouMean(found.image, words, span) : {};
  return error('syntax/unexpected-token', e.message, span, { ...shape, ...extra });
}

/** A run of stray tokens (the parser skipped them): one diagnostic, on its first token. */
export function strayDiagnostic(first: IToken, inBlock: boolean, ctx: SyntaxContext): Diagnostic {
  const span = tokenSpan(first, ctx.text.length);
  const k = Math.max(0, ctx.indexOf(first));
  const prev = ctx.tokens[k - 1];
  const beforePrev = ctx.tokens[k - 2];
  const sameLine = (a: IToken | undefined) => a !== undefined && !ctx.text.slice(a.startOffset, first.startOffset).includes('\n');
  const type = first.tokenType.name;
  if (type === 'RAngle') {
    const twice = is(prev, 'RAngle') && sameLine(prev);
    return error('syntax/unexpected-token', twice ? 'one `>` too many: the block is closed already' : 'this `>` closes no block', span, {
      help: twice ? 'remove it' : 'open the block with `<` after the database name, or remove the `>`',
      fix: { span, text: '' },
    });
  }
  if (!inBlock) {
    if (type === 'Backup') {
      return error('syntax/unexpected-token', '`backup` goes after `from`', span, { help: `write ${SHAPE['fromBackupStatement']}`, fix: { span: { start: span.start, end: span.start }, text: 'from ' } });
    }
    if (type === 'Table' || type === 'Except') {
      return error('syntax/unexpected-token', `\`${first.image}\` items belong in the table block of a restore`, span, { help: `write ${SHAPE['restoreStatement']}` });
    }
    if (type === 'Comma' && sameLine(prev)) {
      return error('syntax/unexpected-token', '`restore db` takes one database, or one pattern', span, { help: 'write a `restore db` line for each database, or one pattern such as `{shop,crm}`' });
    }
    const message = `expected a statement (instance, from backup, at, region, instant recovery or restore), found ${describeFound(first)}`;
    return error('syntax/unexpected-token', message, span, type === 'Name' ? didYouMean(first.image, STATEMENT_WORDS, span) : {});
  }
  if (type === 'LAngle') return error('syntax/unexpected-token', 'one `<` opens a block; this is a second', span, { help: 'remove it', fix: { span, text: '' } });
  if (type === 'Name') {
    // A misspelt statement word at the start of a line: the block before it is the one not closed.
    const lineStart = !sameLine(prev);
    const statementWord = lineStart ? closest(first.image, STATEMENT_WORDS) : undefined;
    if (statementWord) return error('syntax/unexpected-token', `expected \`table\`, \`except table\` or \`>\` in the table block, found ${describeFound(first)}`, span, { help: `did you mean \`${statementWord}\`? (then the block above needs its \`>\`)`, fix: { span, text: statementWord } });
    const guess = closest(first.image, BLOCK_WORDS);
    if (guess) return error('syntax/unexpected-token', `expected \`table\`, \`except table\` or \`>\` in the table block, found ${describeFound(first)}`, span, { help: `did you mean \`${guess}\`?`, fix: { span, text: guess } });
    // Right after an item's source name: `to` for `as`, or the second word of a name with a space.
    const afterSource = sameLine(prev) && is(beforePrev, 'Table') && prev !== undefined && isWord(prev);
    if (afterSource && /^(to|into)$/i.test(first.image)) {
      const target = ctx.tokens[k + 1] && sameLine(ctx.tokens[k + 1]) && isWord(ctx.tokens[k + 1]) ? ctx.tokens[k + 1]!.image : 'NEW_NAME';
      return error('syntax/unexpected-token', `a new name is given with \`as\`, not \`${first.image}\``, span, { help: `write \`table ${prev.image} as ${target}\``, fix: { span, text: 'as' } });
    }
    if (afterSource && is(prev, 'Name')) {
      const both = ctx.text.slice(prev.startOffset, span.end);
      return error('syntax/unexpected-token', `\`${both}\` holds a space: a name with a space goes in backquotes`, { start: prev.startOffset, end: span.end }, {
        help: `write \`\` \`${both}\` \`\`, or join the words: \`${both.replace(/\s+/g, '_')}\``,
        fix: { span: { start: prev.startOffset, end: span.end }, text: '`' + both + '`' },
      });
    }
    return error('syntax/unexpected-token', `each item of the table block starts with \`table\` or \`except table\`; found ${describeFound(first)}`, span, {
      help: `write ${SHAPE['tableItem']}, one item per line or separated by commas`,
      fix: { span: { start: span.start, end: span.start }, text: 'table ' },
    });
  }
  return error('syntax/unexpected-token', `expected \`table\`, \`except table\` or \`>\` in the table block, found ${describeFound(first)}`, span, { help: `write ${SHAPE['tableItem']}` });
}

/**
 * One error per broken statement: after the first syntax error on a line, the rest of that line
 * is its echo (the parser resynchronising, the other half of a pair of quotes), and so is any
 * error inside the text an earlier error's fix replaces (`{ ... }` written for `< ... >`).
 */
export function oneErrorPerLine(diagnostics: Diagnostic[], lineOf: (offset: number) => number): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const linesWithError = new Set<number>();
  const covered: Span[] = [];
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    if (d.severity !== 'error' || !d.code.startsWith('syntax/')) {
      out.push(d);
      continue;
    }
    const line = lineOf(d.span.start);
    if (linesWithError.has(line) || covered.some((c) => d.span.start >= c.start && d.span.start < c.end)) continue;
    linesWithError.add(line);
    if (d.fix && d.fix.span.end > d.span.end) covered.push(d.fix.span);
    out.push(d);
  }
  return out;
}

export type { TokenType };
