// Checks a well-formed document's shape: one instance, one source (backup or time), at least
// one restore. Run only when the file has no syntax errors, so each problem is reported once.
import type * as A from './ast.ts';
import { error, type Diagnostic } from './diagnostic.ts';

const START = { start: 0, end: 0 };

function onlyOnce<S extends A.Statement>(list: S[], code: string, what: string, out: Diagnostic[]): void {
  const first = list[0];
  for (const dup of list.slice(1)) {
    out.push(error(code, `${what} is given more than once; a spec file describes one restore`, dup.span, {
      related: first ? [{ span: first.span, message: 'first given here' }] : [],
      help: 'keep one, or move the other restore to its own file',
    }));
  }
}

function notPattern(name: A.NameNode, what: string, out: Diagnostic[]): void {
  if (name.pattern) {
    out.push(error('spec/pattern-not-allowed', `${what} \`${name.value}\` contains glob characters; it must be an exact value`, name.span));
  }
}

export function checkStructure(doc: A.Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  const of = <K extends A.Statement['kind']>(kind: K) => doc.statements.filter((s): s is Extract<A.Statement, { kind: K }> => s.kind === kind);
  const instances = of('Instance');
  const backups = of('FromBackup');
  const times = of('At');
  const regions = of('Region');
  const instant = of('InstantRecovery');
  const restores = of('Restore');

  if (instances.length === 0) {
    out.push(error('spec/missing-instance', 'the file does not say which instance to restore into', START, {
      help: 'add a line `instance rm-...` with the RDS instance id',
    }));
  }
  onlyOnce(instances, 'spec/duplicate-instance', '`instance`', out);
  onlyOnce(regions, 'spec/duplicate-region', '`region`', out);
  onlyOnce(instant, 'spec/duplicate-instant-recovery', '`instant recovery`', out);
  for (const s of instances) notPattern(s.id, 'the instance id', out);
  for (const s of backups) {
    notPattern(s.backupId, 'the backup id', out);
    // Backup set ids are integers (DescribeMetaList's BackupSetID is an int64 in the contract).
    if (!s.backupId.pattern && !/^\d{1,19}$/.test(s.backupId.value)) {
      out.push(error('spec/invalid-backup-id', `the backup id \`${s.backupId.value}\` is not a number; RDS backup set ids are integers`, s.backupId.span, { help: 'copy the BackupId from the console or `restorec inventory pull`, e.g. `from backup 9026262`' }));
    }
  }
  for (const s of regions) notPattern(s.region, 'the region', out);

  const sources = [...backups, ...times].sort((a, b) => a.span.start - b.span.start);
  if (sources.length === 0) {
    out.push(error('spec/missing-source', 'the file does not say what to restore from', START, {
      help: 'add `from backup BACKUP_ID`, or `at yyyy-MM-dd HH:mm ZONE` with the zone the time was read in (e.g. Asia/Shanghai)',
    }));
  }
  const firstSource = sources[0];
  for (const extra of sources.slice(1)) {
    out.push(error('spec/conflicting-source', 'a spec restores from one backup set or one point in time; this is a second source', extra.span, {
      related: firstSource ? [{ span: firstSource.span, message: 'the first source is given here' }] : [],
      help: 'keep one `from backup` or `at` line, or split the restore into two files',
    }));
  }
  for (const r of restores) {
    if (r.block && r.block.items.length === 0) {
      out.push(error('spec/empty-block', 'this block lists no tables', r.block.span, {
        help: 'list tables as `table NAME`, or remove `< >` to restore every table of the database',
      }));
    } else if (r.block && r.block.items.every((i) => i.kind === 'ExceptTable')) {
      out.push(error('spec/only-exceptions', 'this block only excludes tables, so it restores nothing', r.block.span, {
        help: 'add `table *` to restore every table but the excluded ones',
      }));
    }
  }
  if (restores.length === 0) {
    out.push(error('spec/no-restore', 'the file restores nothing', START, {
      help: 'add a statement such as `restore db shop < table orders as orders_restored >`',
    }));
  }
  return out;
}
