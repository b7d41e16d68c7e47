// Renders diagnostics for people: position, message, code frame with the span underlined,
// help and related places. Colour is decided by the caller (see cli/terminal.ts).
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { SourceFile, Span } from './source.ts';
import { escapeChar, INVISIBLE_CHAR, visibleText } from './visible.ts';

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const plainStyle: Style = { red: (s) => s, yellow: (s) => s, blue: (s) => s, dim: (s) => s, bold: (s) => s };

const MAX_WIDTH = 120;

/** Makes a source line safe and aligned for display: tabs as spaces, control characters visible,
 *  invisible and bidi characters as `\uXXXX` (raw, they would reorder the line on the terminal). */
function displayLine(line: string): { text: string; map: (col: number) => number } {
  let text = '';
  const widths: number[] = [];
  for (const ch of line) {
    const code = ch.charCodeAt(0);
    const shown = ch === '\t' ? '    ' : code < 0x20 || code === 0x7f ? String.fromCharCode(0x2400 + (code === 0x7f ? 0x21 : code)) : INVISIBLE_CHAR.test(ch) ? escapeChar(ch) : ch;
    for (let i = 0; i < ch.length; i++) widths.push(i === 0 ? shown.length : 0);
    text += shown;
  }
  const prefix = [0];
  for (const w of widths) prefix.push((prefix[prefix.length - 1] as number) + w);
  return { text, map: (col) => prefix[Math.max(0, Math.min(col, prefix.length - 1))] as number };
}

/**
 * How many characters of a long line are made safe for display on each side of the span: a
 * character shows as at least one, so the window shown (MAX_WIDTH from 20 before the span) lies
 * inside, and the frame is the one the whole line would give. displayLine reads every character
 * it is given: the frame of a span on a line of 1 MiB took a tenth of a second or more.
 */
const RAW_WINDOW = 4 * MAX_WIDTH;

/** A few lines showing `span` with a caret underline. `window`: see RAW_WINDOW (tests compare with none). */
export function codeFrame(source: SourceFile, span: Span, style: Style = plainStyle, label = '', window = RAW_WINDOW): string {
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  const lineNo = start.line;
  const line = source.lineText(lineNo);
  // A surrogate pair split by the cut shows as one odd character, outside what is shown.
  const long = line.length > 2 * window;
  const cutFrom = long ? Math.max(0, start.column - 1 - window) : 0;
  const shown = displayLine(long ? line.slice(cutFrom, start.column - 1 + window) : line);
  const from = shown.map(start.column - 1 - cutFrom);
  const to = end.line === lineNo ? Math.max(from + 1, shown.map(end.column - 1 - cutFrom)) : Math.max(from + 1, shown.text.length);
  // Long lines are shown as a window around the span.
  let text = shown.text;
  let offset = 0;
  if (text.length > MAX_WIDTH) {
    offset = Math.max(0, Math.min(from - 20, text.length - MAX_WIDTH));
    text = (offset > 0 ? '…' : '') + text.slice(offset, offset + MAX_WIDTH) + (offset + MAX_WIDTH < shown.text.length ? '…' : '');
    offset -= offset > 0 ? 1 : 0;
  }
  const gutterWidth = String(lineNo).length;
  const gutter = (n: string) => style.dim(` ${n.padStart(gutterWidth)} | `);
  const lines: string[] = [];
  if (lineNo > 1) {
    const previous = source.lineText(lineNo - 1);
    // Its first MAX_WIDTH characters show, and a long line's first characters are enough (but to tell it is blank).
    const head = previous.length > window ? displayLine(previous.slice(0, MAX_WIDTH + 1)).text : undefined;
    const before = head !== undefined && head.trim() !== '' ? head : displayLine(previous).text;
    if (before.trim() !== '') lines.push(gutter(String(lineNo - 1)) + (before.length > MAX_WIDTH ? before.slice(0, MAX_WIDTH) + '…' : before));
  }
  lines.push(gutter(String(lineNo)) + text);
  const width = Math.min(to - from, MAX_WIDTH);
  lines.push(gutter('') + ' '.repeat(Math.max(0, from - offset)) + style.red('^'.repeat(Math.max(1, width))) + (label ? ' ' + label : ''));
  return lines.join('\n');
}

function severityWord(sev: Severity, style: Style): string {
  return sev === 'error' ? style.red('error') : sev === 'warning' ? style.yellow('warning') : style.blue('info');
}

/** One diagnostic in full: `file:line:col severity message code`, the frame, help, related places. */
export function renderDiagnostic(source: SourceFile, d: Diagnostic, style: Style = plainStyle): string {
  const pos = source.position(d.span.start);
  const out = [`${style.bold(`${visibleText(source.name)}:${pos.line}:${pos.column}`)} ${severityWord(d.severity, style)} ${visibleText(d.message)}  ${style.dim(d.code)}`];
  if (source.text.length > 0) out.push(codeFrame(source, d.span, style));
  if (d.help) out.push(`   ${style.blue('help:')} ${visibleText(d.help)}`);
  for (const r of d.related ?? []) {
    const rp = source.position(r.span.start);
    out.push(`   ${style.blue('note:')} ${visibleText(r.message)} (${rp.line}:${rp.column})`);
    out.push(codeFrame(source, r.span, style));
  }
  return out.join('\n');
}
