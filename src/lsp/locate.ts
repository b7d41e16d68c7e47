// What stands at a position of a spec: which name (and in which role), which statement, or
// which rule id of a suppression comment. Read from the parser's AST, never re-parsed.
import type { AtStatement, BlockItem, Comment, Document, NameNode, RestoreStatement, SourceFile, Statement } from '../grammar/index.ts';
import { parseSuppressions, type SuppressedRule } from '../lint/suppressions.ts';
import { touches } from './positions.ts';

export type Located =
  | { kind: 'restore-source' | 'restore-target' | 'except-db'; name: NameNode; statement: RestoreStatement }
  | { kind: 'table-source' | 'table-target' | 'except-table'; name: NameNode; statement: RestoreStatement; item: BlockItem }
  | { kind: 'instance' | 'backup' | 'region' | 'cross-backup' | 'source-region' | 'source-instance'; name: NameNode; statement: Statement }
  | { kind: 'time'; statement: AtStatement }
  | { kind: 'rule-id'; rule: SuppressedRule; comment: Comment };

function inRestore(s: RestoreStatement, offset: number): Located | undefined {
  if (touches(s.source.span, offset)) return { kind: 'restore-source', name: s.source, statement: s };
  if (s.target && touches(s.target.span, offset)) return { kind: 'restore-target', name: s.target, statement: s };
  for (const d of s.exceptDbs) if (touches(d.span, offset)) return { kind: 'except-db', name: d, statement: s };
  for (const item of s.block?.items ?? []) {
    if (item.kind === 'ExceptTable') {
      if (touches(item.pattern.span, offset)) return { kind: 'except-table', name: item.pattern, statement: s, item };
    } else {
      if (touches(item.source.span, offset)) return { kind: 'table-source', name: item.source, statement: s, item };
      if (item.target && touches(item.target.span, offset)) return { kind: 'table-target', name: item.target, statement: s, item };
    }
  }
  return undefined;
}

export function locate(doc: Document, source: SourceFile, offset: number): Located | undefined {
  const comment = doc.comments.find((c) => touches(c.span, offset));
  if (comment) {
    const { suppressions } = parseSuppressions([comment], source);
    for (const s of suppressions) for (const rule of s.rules) if (touches(rule.span, offset)) return { kind: 'rule-id', rule, comment };
    return undefined;
  }
  for (const s of doc.statements) {
    if (!touches(s.span, offset)) continue;
    switch (s.kind) {
      case 'Restore':
        return inRestore(s, offset);
      case 'Instance':
        return touches(s.id.span, offset) ? { kind: 'instance', name: s.id, statement: s } : undefined;
      case 'FromBackup':
        return touches(s.backupId.span, offset) ? { kind: 'backup', name: s.backupId, statement: s } : undefined;
      case 'Region':
        return touches(s.region.span, offset) ? { kind: 'region', name: s.region, statement: s } : undefined;
      case 'FromCrossRegionBackup':
        return touches(s.backupId.span, offset) ? { kind: 'cross-backup', name: s.backupId, statement: s } : undefined;
      case 'FromRegion':
        if (touches(s.region.span, offset)) return { kind: 'source-region', name: s.region, statement: s };
        return touches(s.instance.span, offset) ? { kind: 'source-instance', name: s.instance, statement: s } : undefined;
      case 'At':
        return touches(s.rawSpan, offset) ? { kind: 'time', statement: s } : undefined;
    }
  }
  return undefined;
}

/** The `restore db` statement around `offset`, or the last one before it (an unclosed block). */
export function enclosingRestore(doc: Document, offset: number): RestoreStatement | undefined {
  let found: RestoreStatement | undefined;
  for (const s of doc.statements) {
    if (s.span.start > offset) break;
    found = s.kind === 'Restore' ? s : undefined;
  }
  return found;
}
