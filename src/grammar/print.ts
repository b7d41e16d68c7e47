// The canonical printer behind `restorec fmt` and the editor's formatting. It keeps every comment,
// one blank line wherever the author left one or more, and the text's kind of line break (see
// lineBreakOf), and never changes meaning: parse(print(x)) equals
// parse(x) apart from spans, and print(parse(print(x))) equals print(x).
import type * as A from './ast.ts';

const INDENT = '  ';
const BLANK_LINE = /\n[^\S\n]*\n/;

export function printName(name: A.NameNode): string {
  return name.quoted ? '`' + name.value.replace(/`/g, '``') + '`' : name.value;
}

/** Characters a bare name may have that are not glob characters (see Name in tokens.ts). */
const PLAIN_NAME = /^[A-Za-z0-9_$\-\u00c0-\ud7ff\ue000-\ufffc]+$/;

/** How an exact name (e.g. one from a snapshot) is written in a spec: bare when it can be, else
 *  backquoted, so that it is never read as a pattern. */
export function writeExactName(value: string): string {
  return PLAIN_NAME.test(value) ? value : '`' + value.replace(/`/g, '``') + '`';
}

function printItem(item: A.BlockItem): string {
  if (item.kind === 'ExceptTable') return `except table ${printName(item.pattern)}`;
  return item.target ? `table ${printName(item.source)} as ${printName(item.target)}` : `table ${printName(item.source)}`;
}

function printHeader(s: A.Statement): string {
  switch (s.kind) {
    case 'Instance':
      return `instance ${printName(s.id)}`;
    case 'FromBackup':
      return `from backup ${printName(s.backupId)}`;
    case 'FromCrossRegionBackup':
      return `from cross-region backup ${printName(s.backupId)}`;
    case 'FromRegion':
      return `from region ${printName(s.region)} instance ${printName(s.instance)}`;
    case 'At':
      return `at ${s.raw}`;
    case 'Region':
      return `region ${printName(s.region)}`;
    case 'InstantRecovery':
      return 'instant recovery';
    case 'Restore': {
      let line = `restore db ${printName(s.source)}`;
      if (s.target) line += ` as ${printName(s.target)}`;
      if (s.exceptDbs.length > 0) line += ` except db ${s.exceptDbs.map(printName).join(', ')}`;
      return line;
    }
  }
}

/** Hands out comments in source order; each is printed exactly once. */
class Comments {
  #list: A.Comment[];
  #next = 0;
  constructor(list: A.Comment[]) {
    this.#list = [...list].sort((a, b) => a.span.start - b.span.start);
  }
  /** Every remaining comment that starts before `offset`. */
  takeBefore(offset: number): A.Comment[] {
    const out: A.Comment[] = [];
    while (this.#next < this.#list.length && this.#list[this.#next]!.span.start < offset) out.push(this.#list[this.#next++]!);
    return out;
  }
  /** The next comment, if it starts on the same line as `offset` (a trailing comment). */
  takeTrailing(text: string, offset: number): A.Comment | undefined {
    const c = this.#list[this.#next];
    if (!c || c.span.start < offset || /[\r\n]/.test(text.slice(offset, c.span.start))) return undefined;
    this.#next++;
    return c;
  }
  peekStart(): number | undefined {
    return this.#list[this.#next]?.span.start;
  }
}

/**
 * The line break print() writes: CRLF when the text's first line break is CRLF (git's
 * core.autocrlf checks files out so on Windows, and a formatter that turned them into LF would
 * fail every file there), else LF.
 */
function lineBreakOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

export function print(doc: A.Document, text: string): string {
  const out: string[] = [];
  const comments = new Comments(doc.comments);
  let prevEnd = -1;
  const blankBefore = (start: number) => {
    if (out.length > 0 && prevEnd >= 0 && BLANK_LINE.test(text.slice(prevEnd, start))) out.push('');
  };
  const emitLeading = (list: A.Comment[], indent: string) => {
    for (const c of list) {
      blankBefore(c.span.start);
      out.push(indent + c.text.trimEnd());
      prevEnd = c.span.end;
    }
  };
  const withTrailing = (line: string, end: number): string => {
    const t = comments.takeTrailing(text, end);
    if (!t) return line;
    prevEnd = t.span.end;
    return `${line} ${t.text.trimEnd()}`;
  };

  for (const s of doc.statements) {
    emitLeading(comments.takeBefore(s.span.start), '');
    blankBefore(s.span.start);
    const block = s.kind === 'Restore' ? s.block : undefined;
    // Comments inside the statement's header have no place of their own: they move above it.
    const headerEnd = block ? block.span.start : s.span.end;
    for (const c of comments.takeBefore(headerEnd)) out.push(c.text.trimEnd());
    const header = printHeader(s);
    prevEnd = s.span.end;
    if (!block) {
      out.push(withTrailing(header, s.span.end));
      continue;
    }
    const inside = comments.peekStart();
    const hasInnerComments = inside !== undefined && inside < block.span.end;
    if (block.items.length <= 1 && !hasInnerComments) {
      const body = block.items[0] ? ` ${printItem(block.items[0])} ` : ' ';
      out.push(withTrailing(`${header} <${body}>`, s.span.end));
      continue;
    }
    out.push(withTrailing(`${header} <`, block.span.start + 1));
    prevEnd = -1; // no blank line straight after `<`
    for (const item of block.items) {
      emitLeading(comments.takeBefore(item.span.start), INDENT);
      blankBefore(item.span.start);
      prevEnd = item.span.end;
      out.push(withTrailing(INDENT + printItem(item), item.span.end));
    }
    emitLeading(comments.takeBefore(block.span.end - 1), INDENT);
    prevEnd = s.span.end;
    out.push(withTrailing('>', s.span.end));
  }
  emitLeading(comments.takeBefore(Infinity), '');
  const nl = lineBreakOf(text);
  return out.length === 0 ? '' : out.join(nl) + nl;
}
