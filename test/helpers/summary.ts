// A one-line summary of a syntax tree, for compact table tests.
import type { Document, NameNode, Statement } from '../../src/grammar/index.ts';

function n(name: NameNode): string {
  return (name.quoted ? 'q:' : name.pattern ? 'p:' : '') + name.value;
}

function statement(s: Statement): string {
  switch (s.kind) {
    case 'Instance':
      return `instance ${n(s.id)}`;
    case 'FromBackup':
      return `backup ${n(s.backupId)}`;
    case 'FromCrossRegionBackup':
      return `cross-region backup ${n(s.backupId)}`;
    case 'FromRegion':
      return `from region ${n(s.region)} instance ${n(s.instance)}`;
    case 'At':
      return `at ${s.utc}`;
    case 'Region':
      return `region ${n(s.region)}`;
    case 'InstantRecovery':
      return 'instant-recovery';
    case 'Restore': {
      let out = `restore ${n(s.source)}${s.target ? '->' + n(s.target) : ''}`;
      if (s.exceptDbs.length) out += ` except[${s.exceptDbs.map(n).join(',')}]`;
      if (s.block) {
        out += ` {${s.block.items.map((i) => (i.kind === 'Table' ? `${n(i.source)}${i.target ? '->' + n(i.target) : ''}` : `-${n(i.pattern)}`)).join(', ')}}`;
      }
      return out;
    }
  }
}

export function summarize(doc: Document): string[] {
  return doc.statements.map(statement);
}
