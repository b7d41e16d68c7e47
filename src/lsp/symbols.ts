// Document symbols (the outline): one per statement, and one per entry of a restore's block.
import type { DocumentSymbol } from 'vscode-languageserver';
import { printName, type BlockItem, type SourceFile, type Statement } from '../grammar/index.ts';
import { toRange } from './positions.ts';

const NAMESPACE = 3;
const FIELD = 8;
const CONSTANT = 14;
const PROPERTY = 7;

function itemSymbol(source: SourceFile, item: BlockItem): DocumentSymbol {
  const name = item.kind === 'ExceptTable' ? item.pattern : item.source;
  return {
    name: item.kind === 'ExceptTable' ? `except table ${printName(item.pattern)}` : `table ${printName(item.source)}`,
    ...(item.kind === 'Table' && item.target ? { detail: `as ${printName(item.target)}` } : {}),
    kind: FIELD,
    range: toRange(source, item.span),
    selectionRange: toRange(source, name.span),
  };
}

function statementSymbol(source: SourceFile, s: Statement): DocumentSymbol {
  const range = toRange(source, s.span);
  switch (s.kind) {
    case 'Instance':
      return { name: `instance ${printName(s.id)}`, kind: CONSTANT, range, selectionRange: toRange(source, s.id.span) };
    case 'FromBackup':
      return { name: `from backup ${printName(s.backupId)}`, kind: CONSTANT, range, selectionRange: toRange(source, s.backupId.span) };
    case 'FromCrossRegionBackup':
      return { name: `from cross-region backup ${printName(s.backupId)}`, detail: 'RestoreDdrTable', kind: CONSTANT, range, selectionRange: toRange(source, s.backupId.span) };
    case 'FromRegion':
      return { name: `from region ${printName(s.region)} instance ${printName(s.instance)}`, detail: 'cross-region source', kind: PROPERTY, range, selectionRange: toRange(source, s.instance.span) };
    case 'At':
      return { name: `at ${s.raw}`, ...(s.raw !== s.utc ? { detail: s.utc } : {}), kind: CONSTANT, range, selectionRange: toRange(source, s.rawSpan) };
    case 'Region':
      return { name: `region ${printName(s.region)}`, kind: PROPERTY, range, selectionRange: toRange(source, s.region.span) };
    case 'InstantRecovery':
      return { name: 'instant recovery', detail: 'InstantRecovery=true', kind: PROPERTY, range, selectionRange: range };
    case 'Restore': {
      const detail = [s.target && `as ${printName(s.target)}`, s.exceptDbs.length > 0 && `except db ${s.exceptDbs.map(printName).join(', ')}`].filter(Boolean).join(' ');
      return {
        name: `restore db ${printName(s.source)}`,
        ...(detail ? { detail } : {}),
        kind: NAMESPACE,
        range,
        selectionRange: toRange(source, s.source.span),
        children: (s.block?.items ?? []).map((i) => itemSymbol(source, i)),
      };
    }
  }
}

export function documentSymbols(source: SourceFile, statements: readonly Statement[]): DocumentSymbol[] {
  return statements.map((s) => statementSymbol(source, s));
}
