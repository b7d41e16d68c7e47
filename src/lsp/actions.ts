// Code actions: the fix each diagnostic carries (a misspelt keyword, a did-you-mean name, a
// missing `>`, an unclosed backquote, a timestamp in the wrong form), the closest rule id for an
// unknown one in a suppression comment, removing an unused suppression, and rewriting an offset
// `at` time in UTC.
import type { CodeAction, Diagnostic as LspDiagnostic, Range, TextEdit } from 'vscode-languageserver';
import { closest, type SourceFile, type Span } from '../grammar/index.ts';
import { rules } from '../lint/registry.ts';
import { parseSuppressions } from '../lint/suppressions.ts';
import type { Analysis, DiagnosticData } from './analyze.ts';
import { overlaps, toOffset, toRange } from './positions.ts';

const QUICKFIX = 'quickfix';

/** Inline code that may itself contain backquotes. */
const code = (s: string) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

function title(source: SourceFile, edit: TextEdit): string {
  const start = toOffset(source, edit.range.start);
  const end = toOffset(source, edit.range.end);
  const text = edit.newText.trim();
  if (start === end) return `Insert ${code(text)}`;
  return `Replace ${code(source.text.slice(start, end))} with ${code(text)}`;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** The diagnostic's own fix, from its data or (for clients that drop data) from the analysis. */
function fixOf(a: Analysis, d: LspDiagnostic): TextEdit | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (data?.fix) return data.fix;
  return (a.diagnostics.find((x) => x.code === d.code && x.message === d.message && sameRange(x.range, d.range))?.data as DiagnosticData | undefined)?.fix;
}

/** The suppression comment a lint/unknown-rule or lint/unused-suppression diagnostic is in. */
function suppressionAt(a: Analysis, span: Span) {
  const comment = a.parsed.document.comments.find((c) => c.span.start <= span.start && span.end <= c.span.end);
  if (!comment) return undefined;
  const s = parseSuppressions([comment], a.parsed.source).suppressions[0];
  const rule = s?.rules.find((r) => r.span.start === span.start && r.span.end === span.end);
  return s && rule ? { comment, suppression: s, rule } : undefined;
}

/** Removes one rule from a suppression comment, or the whole comment (and its line) if it was the only one. */
function removeRule(a: Analysis, span: Span): TextEdit | undefined {
  const found = suppressionAt(a, span);
  if (!found) return undefined;
  const { source } = a.parsed;
  const text = source.text;
  if (found.suppression.rules.length > 1) {
    const i = found.suppression.rules.indexOf(found.rule);
    const next = found.suppression.rules[i + 1];
    const prev = found.suppression.rules[i - 1];
    const cut = next ? { start: found.rule.span.start, end: next.span.start } : { start: prev!.span.end, end: found.rule.span.end };
    return { range: toRange(source, cut), newText: '' };
  }
  let { start, end } = found.comment.span;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
    // The comment is alone on its line: remove the line.
    start = lineStart;
    end = text.startsWith('\r\n', end) ? end + 2 : text[end] === '\n' || text[end] === '\r' ? end + 1 : end;
  } else {
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return { range: toRange(source, { start, end }), newText: '' };
}

function action(title: string, uri: string, edit: TextEdit, diagnostic?: LspDiagnostic, kind = QUICKFIX): CodeAction {
  return { title, kind, ...(diagnostic ? { diagnostics: [diagnostic], isPreferred: true } : {}), edit: { changes: { [uri]: [edit] } } };
}

export function codeActions(a: Analysis, range: Range, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const { source } = a.parsed;
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'restorec') continue;
    const fix = fixOf(a, d);
    if (fix) {
      out.push(action(title(source, fix), a.uri, fix, d));
      continue;
    }
    const span = { start: toOffset(source, d.range.start), end: toOffset(source, d.range.end) };
    if (d.code === 'lint/unknown-rule') {
      const id = source.text.slice(span.start, span.end);
      const guess = closest(id, rules.map((r) => r.id));
      if (guess) out.push(action(`Replace ${code(id)} with ${code(guess)}`, a.uri, { range: d.range, newText: guess }, d));
    } else if (d.code === 'lint/unused-suppression') {
      const edit = removeRule(a, span);
      if (edit) out.push(action(`Remove the unused suppression of ${code(source.text.slice(span.start, span.end))}`, a.uri, edit, d));
    }
  }
  // Not a problem, so not a diagnostic (lint shows none): an offset time can be written in UTC.
  const wanted = { start: toOffset(source, range.start), end: toOffset(source, range.end) };
  for (const d of a.parsed.diagnostics) {
    if (d.code === 'spec/time-offset' && d.fix && overlaps(d.span, wanted)) {
      out.push(action(`Write the time in UTC (${code(d.fix.text)})`, a.uri, { range: toRange(source, d.fix.span), newText: d.fix.text }, undefined, 'refactor.rewrite'));
    }
  }
  return out;
}
