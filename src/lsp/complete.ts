// Completion: the keywords the grammar allows at the cursor (asked of the parser itself with
// Chevrotain's computeContentAssist, so there is no second grammar to keep in step), database
// and table names from the snapshot (tables scoped to the enclosing `restore db`), and rule ids
// in suppression comments.
import type { IToken } from 'chevrotain';
import type { CompletionItem, CompletionItemKind, CompletionList, Range } from 'vscode-languageserver';
import { writeExactName, type Comment, type Document } from '../grammar/index.ts';
import { tokenize } from '../grammar/lexer.ts';
import { getParser } from '../grammar/parser.ts';
import { rules } from '../lint/registry.ts';
import type { Analysis } from './analyze.ts';
import { enclosingRestore } from './locate.ts';
import { toRange } from './positions.ts';
import { analysisScope, matchDatabases } from './scope.ts';

/** At most this many names per answer; the list is marked incomplete so the editor asks again. */
const MAX_ITEMS = 500;
const KEYWORD: CompletionItemKind = 14;
const MODULE: CompletionItemKind = 9;
const FIELD: CompletionItemKind = 5;
const VALUE: CompletionItemKind = 12;

const NAME_TOKENS = new Set(['Name', 'Backquoted', 'UnterminatedBackquoted', 'Timestamp', 'Instance', 'From', 'At', 'Region', 'Instant', 'Recovery', 'Restore', 'Backup', 'CrossRegion', 'Db', 'As', 'Table', 'Except']);

/** What each keyword token inserts (a keyword that always takes a second one gets both). */
function keywordTexts(type: string, inBlock: boolean): string[] {
  // `from` starts three statements: one item for each.
  if (type === 'From') return ['from backup', 'from cross-region backup', 'from region'];
  const text = keywordText(type, inBlock);
  return text === undefined ? [] : [text];
}

function keywordText(type: string, inBlock: boolean): string | undefined {
  switch (type) {
    case 'Instance': return 'instance';
    case 'At': return 'at';
    case 'Region': return 'region';
    case 'CrossRegion': return 'cross-region backup';
    case 'Instant': return 'instant recovery';
    case 'Recovery': return 'recovery';
    case 'Restore': return 'restore db';
    case 'Backup': return 'backup';
    case 'Db': return 'db';
    case 'As': return 'as';
    case 'Table': return 'table';
    case 'Except': return inBlock ? 'except table' : 'except db';
    default: return undefined;
  }
}

function directiveItems(comment: Comment, offset: number, source: Analysis['parsed']['source']): CompletionItem[] | undefined {
  const before = source.text.slice(comment.span.start, offset);
  const word = /[^\s,#]*$/.exec(before)![0];
  const range = toRange(source, { start: offset - word.length, end: offset });
  const directive = /^#\s*restorec-disable-(next-line|file)\b/.exec(before);
  if (directive) {
    if (before.includes('--') || before.length === directive[0].length) return [];
    const listed = new Set(before.slice(directive[0].length).split(/[\s,]+/));
    return rules
      .filter((r) => !listed.has(r.id) && r.id.startsWith(word))
      .map((r) => ({ label: r.id, kind: VALUE, detail: `${r.defaultSeverity}`, documentation: r.description, textEdit: { range, newText: r.id } }));
  }
  if (!/^#\s*[a-z-]*$/.test(before) || word.length === 0) return undefined;
  return ['restorec-disable-next-line', 'restorec-disable-file']
    .filter((d) => d.startsWith(word))
    .map((d) => ({ label: d, kind: KEYWORD, detail: 'suppress rules', textEdit: { range, newText: `${d} ` } }));
}

/** The parser's content assist walks every token it is given (about 10 µs each): a window. */
const WINDOW = 300;
const ITEM_START = new Set(['Table', 'Except']);
const NOT_BEFORE_ITEM = new Set(['As', 'Table', 'Except', 'Db']);

/** The tokens from the start of the statement the cursor is in, at most about WINDOW of them. */
function statementTokens(tokens: IToken[], doc: Document, before: number): IToken[] {
  let start = 0;
  for (const s of doc.statements) if (s.span.start < before) start = s.span.start;
  let i = 0;
  while (i < tokens.length && tokens[i]!.startOffset < start) i++;
  let end = i;
  while (end < tokens.length && tokens[end]!.startOffset < before) end++;
  const list = tokens.slice(i, end);
  if (list.length <= WINDOW) return list;
  // Outside a block any suffix parses (every token can start a statement or be a stray);
  // inside a long block, the statement's header up to `<`, then the last items.
  const open = list.findIndex((t) => t.tokenType.name === 'LAngle');
  const closed = open >= 0 && list.slice(open).some((t) => t.tokenType.name === 'RAngle');
  if (open < 0 || closed || open > WINDOW / 2) return list.slice(-WINDOW);
  for (let j = list.length - WINDOW / 2; j < list.length; j++) {
    if (ITEM_START.has(list[j]!.tokenType.name) && !NOT_BEFORE_ITEM.has(list[j - 1]!.tokenType.name)) return [...list.slice(0, open + 1), ...list.slice(j)];
  }
  return [...list.slice(0, open + 1), ...list.slice(-WINDOW / 2)];
}

/** `raw`: inserted as is (a timestamp is not a name and is never backquoted). */
function names(list: Iterable<string>, prefix: string, range: Range, kind: CompletionItemKind, detail: string, raw = false): CompletionList {
  const typed = prefix.replace(/^`/, '').replace(/``/g, '`').toLowerCase();
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  let incomplete = false;
  for (const n of list) {
    if (seen.has(n) || !n.toLowerCase().startsWith(typed)) continue;
    if (items.length >= MAX_ITEMS) {
      incomplete = true;
      break;
    }
    seen.add(n);
    const text = raw ? n : prefix.startsWith('`') ? '`' + n.replace(/`/g, '``') + '`' : writeExactName(n);
    items.push({ label: n, kind, detail, filterText: prefix.startsWith('`') ? text : n, textEdit: { range, newText: text } });
  }
  return { isIncomplete: incomplete, items };
}

export function complete(a: Analysis, offset: number): CompletionList {
  const { source, document } = a.parsed;
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const comment = document.comments.find((c) => c.span.start < offset && offset <= c.span.end);
  if (comment) return { isIncomplete: false, items: directiveItems(comment, offset, source) ?? [] };

  // Only what is before the cursor matters (a word it is in is cut at the cursor: the prefix).
  const { tokens } = tokenize(source.text.slice(0, offset));
  const current = tokens.find((t) => t.startOffset < offset && offset <= t.startOffset + t.image.length && NAME_TOKENS.has(t.tokenType.name));
  const replaceStart = current ? current.startOffset : offset;
  const prefix = source.text.slice(replaceStart, offset);
  const range = toRange(source, { start: replaceStart, end: offset });
  let paths;
  try {
    paths = getParser().computeContentAssist('document', statementTokens(tokens, document, replaceStart));
  } catch {
    return empty;
  }
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const type = p.nextTokenType.name;
    const rule = p.ruleStack[p.ruleStack.length - 1];
    if (type === 'NameLike' && rule === 'name') {
      const list = nameList(a, p.ruleStack[p.ruleStack.length - 2] ?? '', p.occurrenceStack[p.occurrenceStack.length - 1] ?? 0, offset);
      if (list) return names(list.names, prefix, range, list.kind, list.detail, list.raw);
      continue;
    }
    for (const text of keywordTexts(type, p.ruleStack.includes('block'))) {
      if (seen.has(text) || !text.startsWith(prefix.toLowerCase())) continue;
      seen.add(text);
      items.push({ label: text, kind: KEYWORD, textEdit: { range, newText: `${text} ` } });
    }
  }
  return { isIncomplete: false, items };
}

/** Names for a `name` at `occurrence` in `rule` (0 a source, 2 a target, 3 an `except db`). */
function nameList(a: Analysis, rule: string, occurrence: number, offset: number): { names: Iterable<string>; kind: CompletionItemKind; detail: string; raw?: boolean } | undefined {
  if (a.snapshot.kind !== 'ok') return undefined;
  const inv = a.snapshot.snapshot.inventory;
  const scope = analysisScope(a);
  switch (rule) {
    case 'instanceStatement':
      return { names: [inv.instance.DBInstanceId], kind: VALUE, detail: 'instance in the snapshot' };
    case 'fromBackupStatement':
      return { names: [...(inv.backups ?? []).map((b) => b.BackupId), ...inv.contents.flatMap((c) => (c.BackupId ? [c.BackupId] : []))], kind: VALUE, detail: 'backup in the snapshot' };
    case 'atStatement':
      return { names: inv.contents.flatMap((c) => (c.RestoreTime ? [c.RestoreTime] : [])), kind: VALUE, detail: 'point in time in the snapshot', raw: true };
    case 'regionStatement':
      return inv.instance.RegionId ? { names: [inv.instance.RegionId], kind: VALUE, detail: 'region in the snapshot' } : undefined;
    case 'fromCrossRegionBackupStatement':
      return { names: [...(inv.crossRegion?.backups ?? []).map((b) => b.CrossBackupId), ...(inv.crossRegion?.contents ?? []).flatMap((c) => (c.BackupId ? [c.BackupId] : []))], kind: VALUE, detail: 'cross-region backup in the snapshot' };
    case 'fromRegionStatement': {
      const x = inv.crossRegion;
      if (!x) return undefined;
      // occurrence 0: the region; 2: the instance (SUBRULE2).
      return occurrence === 0 ? { names: [x.RegionId], kind: VALUE, detail: 'cross-region source region in the snapshot' } : { names: [x.DBInstanceId], kind: VALUE, detail: 'cross-region source instance in the snapshot' };
    }
    case 'restoreStatement': {
      if (occurrence !== 0 && occurrence !== 3) return undefined; // a target: any new name
      const contents = scope ? [scope.contents] : inv.contents;
      return { names: contents.flatMap((c) => c.Databases.map((d) => d.Database)), kind: MODULE, detail: scope ? `database in ${scope.label}` : 'database in the snapshot' };
    }
    case 'tableItem':
    case 'exceptTableItem': {
      if (occurrence !== 0 || !scope) return undefined;
      const restore = enclosingRestore(a.parsed.document, offset);
      if (!restore) return undefined;
      const dbs = matchDatabases(scope, restore.source);
      const detail = dbs.length === 1 ? `table of ${dbs[0]!.Database}` : `table of ${dbs.length} databases \`${restore.source.value}\` matches`;
      return { names: (function* () { for (const db of dbs) yield* scope.index.tableList(db); })(), kind: FIELD, detail };
    }
    default:
      return undefined;
  }
}
