// Formatting: `restorec fmt`'s printer. A spec with syntax errors is left alone, as fmt leaves
// it. The edit covers only what changed, so the editor keeps the cursor and folds in place.
import type { TextEdit } from 'vscode-languageserver';
import { parse, print } from '../grammar/index.ts';
import { toRange } from './positions.ts';

export function formatEdits(text: string, name: string): TextEdit[] | undefined {
  const parsed = parse(text, name);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const formatted = print(parsed.document, text);
  if (formatted === text) return [];
  let start = 0;
  while (start < text.length && start < formatted.length && text[start] === formatted[start]) start++;
  let end = 0;
  while (end < text.length - start && end < formatted.length - start && text[text.length - 1 - end] === formatted[formatted.length - 1 - end]) end++;
  // Never split a surrogate pair or a \r\n.
  while (start > 0 && /[\udc00-\udfff\n]/.test(text[start] ?? '')) start--;
  while (end > 0 && /[\ud800-\udbff\r]/.test(text[text.length - end - 1] ?? '')) end--;
  return [{ range: toRange(parsed.source, { start, end: text.length - end }), newText: formatted.slice(start, formatted.length - end) }];
}
