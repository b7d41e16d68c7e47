// Test helpers: compare syntax trees without their spans, and summarise them compactly.
import type { Document } from '../../src/grammar/index.ts';

/** A deep copy of `value` without span fields: what "the same meaning" compares. */
export function stripSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'span' || k === 'rawSpan' ? undefined : v)));
}

/** The document's statements without spans and comments. */
export function meaning(doc: Document): unknown {
  return stripSpans(doc.statements);
}
