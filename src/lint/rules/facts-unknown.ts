// Honesty: the instance and source rules stay silent when the inventory lacks the fact they
// check; this rule says which facts were missing and which rules could therefore not decide.
import { defineRule } from '../rule.ts';
import { baseCrossBackup } from '../../compiler/inventory.ts';
import { sourceOf } from '../../compiler/source.ts';
import type { RuleContext } from '../rule.ts';
import { instanceSpan, sourceSpan } from './spans.ts';

export default defineRule({
  id: 'facts-unknown',
  description: 'Facts that instance, log backup and backup rules need are missing from the inventory, so those rules could not decide.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['inventory'],
  messages: {
    instance: 'the inventory of instance {{id}} does not record {{facts}}; not checked: {{rules}}',
    source: 'the inventory does not record {{facts}}; not checked: {{rules}}',
  },
  check(ctx) {
    const inv = ctx.inventory!;
    const inst = inv.instance;
    const instance: [string, string][] = [];
    if (inst.Category === undefined) instance.push(['the edition (Category)', 'instance-eligibility']);
    if (inst.DBInstanceStorageType === undefined) instance.push(['the storage type', 'instance-eligibility']);
    if (inst.LockMode === undefined) instance.push(['the lock mode', 'instance-lock']);
    if (inst.DBInstanceType === undefined) instance.push(['the instance type', 'child-instances']);
    if (inv.tasks === undefined && inv.migrationTasks === undefined) instance.push(['the tasks in progress (DescribeHistoryTasks)', 'migration-running']);
    if (inst.Engine.toLowerCase() === 'mysql' && ['5.6', '5.7'].includes(inst.EngineVersion) && inv.backupPolicy?.CompressType === undefined) {
      instance.push(['the backup format (CompressType)', 'table-restore-enabled']);
    }
    const source: [string, string][] = [];
    const cross = sourceOf(ctx.document)?.ref.crossRegion !== undefined;
    const at = !cross && ctx.document.statements.some((s) => s.kind === 'At');
    const from = ctx.document.statements.some((s) => s.kind === 'FromBackup');
    if (at && inv.recoveryWindow === undefined) {
      if (inv.backupPolicy?.EnableBackupLog === undefined) source.push(['whether log backup is on', 'log-backup-required']);
      if (inv.backupPolicy?.EnableBackupLog !== '0') source.push(['the recovery window', 'restore-time-window']);
    }
    if (from && inv.backups === undefined) source.push(['the list of backups', 'backup-usable']);
    crossFacts(ctx, source);
    const help = 'take a complete snapshot (`restorec inventory pull`), or check these by hand before applying';
    const data = (list: [string, string][]) => ({ facts: list.map(([f]) => f).join(', '), rules: [...new Set(list.map(([, r]) => r))].join(', ') });
    if (instance.length > 0) ctx.report({ messageId: 'instance', data: { id: inst.DBInstanceId, ...data(instance) }, span: instanceSpan(ctx), help });
    if (source.length > 0) ctx.report({ messageId: 'source', data: data(source), span: sourceSpan(ctx), help });
  },
});

/** The cross-region facts a cross-region spec's rules need (the source's own facts are above). */
function crossFacts(ctx: RuleContext, out: [string, string][]): void {
  const ref = sourceOf(ctx.document)?.ref;
  if (!ref?.crossRegion) return;
  const x = ctx.inventory!.crossRegion;
  if (!x) {
    out.push(['the cross-region source (DescribeCrossRegionBackups)', 'cross-region-supported, cross-region-backup-usable, cross-region-backup-available, cross-region-time-window']);
    return;
  }
  if (x.supported === false || x.DBInstanceId !== ref.crossRegion.instanceId || x.RegionId !== ref.crossRegion.region) return;
  if (!x.backups) out.push(['the list of cross-region backups', 'cross-region-backup-usable, cross-region-backup-available']);
  const base = ref.restoreTime !== undefined && x.backups ? baseCrossBackup(x.backups, ref.restoreTime) : undefined;
  const w = x.recoveryWindow;
  const t = Date.parse(ref.restoreTime ?? '');
  const decided = w === null || (w && (w.CrossBackupId === base?.CrossBackupId || (t >= Date.parse(w.RecoveryBeginTime) && t <= Date.parse(w.RecoveryEndTime))));
  if (ref.restoreTime !== undefined && (base || !x.backups) && !decided) out.push(['the cross-region recovery window (DescribeAvailableRecoveryTime)', 'cross-region-time-window']);
}
