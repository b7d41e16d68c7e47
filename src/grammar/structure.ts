// Checks a well-formed document's shape: one instance, one source (backup, cross-region backup or
// time), a cross-region source only with what RestoreDdrTable takes, at least one restore. Run
// only when the file has no syntax errors, so each problem is reported once.
import type * as A from './ast.ts';
import { error, type Diagnostic } from './diagnostic.ts';

const START = { start: 0, end: 0 };
/** CrossBackupId is an int32 in DescribeCrossRegionBackups and DescribeAvailableRecoveryTime. */
const MAX_INT32 = 2 ** 31 - 1;
/** A region id as RDS writes them: `cn-hangzhou`, `ap-southeast-1`, `cn-hangzhou-finance`. */
const REGION_ID = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

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
  const crossBackups = of('FromCrossRegionBackup');
  const fromRegions = of('FromRegion');

  if (instances.length === 0) {
    out.push(error('spec/missing-instance', 'the file does not say which instance to restore into', START, {
      // `from region R instance I` names the source: a line `instance ...` after a `from region`
      // missing its `instance` part is read as that part.
      help: fromRegions.length > 0 ? 'the `instance` in `from region ... instance ...` names the instance the backups are of; add a line `instance rm-...` with the instance to restore into' : 'add a line `instance rm-...` with the RDS instance id',
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
  checkCrossRegion(fromRegions, crossBackups, backups, instant, out);

  const sources = [...backups, ...crossBackups, ...times].sort((a, b) => a.span.start - b.span.start);
  if (sources.length === 0) {
    out.push(error('spec/missing-source', 'the file does not say what to restore from', START, {
      help: 'add `from backup BACKUP_ID`, or `at yyyy-MM-dd HH:mm ZONE` with the zone the time was read in (e.g. Asia/Shanghai); from another region, `from cross-region backup ID`',
    }));
  }
  const firstSource = sources[0];
  for (const extra of sources.slice(1)) {
    out.push(error('spec/conflicting-source', 'a spec restores from one backup set or one point in time; this is a second source', extra.span, {
      related: firstSource ? [{ span: firstSource.span, message: 'the first source is given here' }] : [],
      help: 'keep one `from backup`, `from cross-region backup` or `at` line, or split the restore into two files',
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

/**
 * A cross-region restore (RestoreDdrTable) names its source with `from region R instance I`: its
 * point in time sends both (SourceRegion, SourceDBInstanceName), and a cross-region backup set is
 * looked up among that instance's cross-region backups. RestoreDdrTable has no InstantRecovery,
 * and a local `from backup` has no other region.
 */
function checkCrossRegion(fromRegions: A.FromRegionStatement[], crossBackups: A.FromCrossRegionBackupStatement[], backups: A.FromBackupStatement[], instant: A.InstantRecoveryStatement[], out: Diagnostic[]): void {
  onlyOnce(fromRegions, 'spec/duplicate-from-region', '`from region`', out);
  for (const s of fromRegions) {
    notPattern(s.region, 'the source region', out);
    notPattern(s.instance, 'the source instance id', out);
    if (!s.region.pattern && !REGION_ID.test(s.region.value)) {
      out.push(error('spec/invalid-region', `\`${s.region.value}\` is not a region id; RDS region ids look like cn-hangzhou or ap-southeast-1`, s.region.span, { help: 'write the region id of the source instance (DescribeRegions lists them)' }));
    }
  }
  for (const s of crossBackups) {
    notPattern(s.backupId, 'the cross-region backup id', out);
    if (!s.backupId.pattern && !(/^\d{1,10}$/.test(s.backupId.value) && Number(s.backupId.value) <= MAX_INT32)) {
      out.push(error('spec/invalid-backup-id', `the cross-region backup id \`${s.backupId.value}\` is not a CrossBackupId; they are integers up to ${MAX_INT32}`, s.backupId.span, { help: 'copy the CrossBackupId from DescribeCrossRegionBackups or `restorec inventory pull --from-region ...`, e.g. `from cross-region backup 12490001`' }));
    }
    if (fromRegions.length === 0) {
      out.push(error('spec/missing-from-region', 'a cross-region backup is restored from the backups of one instance in one region, and the file does not say which', s.span, { help: 'add `from region REGION instance ID` with the region and id of the instance the backup was taken of' }));
    }
  }
  const first = fromRegions[0];
  if (!first) return;
  for (const s of backups) {
    out.push(error('spec/local-backup-from-region', '`from backup` restores a backup of the instance itself, in its own region; with `from region`, the backup is a cross-region one', s.span, {
      related: [{ span: first.span, message: 'the cross-region source is given here' }],
      help: 'write `from cross-region backup ID` (a CrossBackupId), or remove the `from region` line',
    }));
  }
  for (const s of instant) {
    out.push(error('spec/instant-recovery-cross-region', 'a cross-region restore (RestoreDdrTable) has no instant recovery', s.span, {
      related: [{ span: first.span, message: 'the cross-region source is given here' }],
      help: 'remove `instant recovery`',
    }));
  }
}
