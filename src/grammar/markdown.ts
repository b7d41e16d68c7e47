// Markdown for people (plan comments, the job summary, editor hovers) that no name or value from
// a snapshot can break out of: a code span a backquote cannot close early, plain text in which
// nothing opens a link, an image, HTML or emphasis, and a fenced block no line can close.
import { visibleText } from './visible.ts';

/** The longest run of backquotes in `text`. */
function longestBackquoteRun(text: string): number {
  let longest = 0;
  for (let i = 0, run = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * A code span showing `text` (visible already: no line break in it). CommonMark closes a span at
 * the first run of backquotes as long as the one that opened it, so the fence is one longer than
 * the text's longest run; and it strips one space from each end of a span that starts and ends
 * with one, so such a text (or one that starts or ends with a backquote, which needs a space
 * beside the fence) gets a space on each side.
 */
export function markdownCode(text: string): string {
  const fence = '`'.repeat(longestBackquoteRun(text) + 1);
  const spaced = text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  const pad = text.startsWith('`') || text.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `text` shown as itself in Markdown: on one line, control and bidi characters made visible, and every character Markdown reads inline escaped. */
export function markdownText(text: string): string {
  return visibleText(text.replace(/\r?\n/g, ' ')).replace(/[\\`*_[\]<>!|&~]/g, '\\$&');
}

/** A fenced code block of `lines` (visible already: none holds a line break), fenced longer than any run of backquotes in them. */
export function markdownBlock(lines: readonly string[], info = 'text'): string {
  const fence = '`'.repeat(Math.max(3, ...lines.map(longestBackquoteRun).map((n) => n + 1)));
  return `${fence}${info}\n${lines.join('\n')}\n${fence}`;
}
