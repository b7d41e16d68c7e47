// Honesty: the instance and source rules stay silent when the inventory lacks the fact they
// check; this rule says which facts were missing and which rules could therefore not decide.
import { defineRule } from '../rule.ts';
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
    const at = ctx.document.statements.some((s) => s.kind === 'At');
    const from = ctx.document.statements.some((s) => s.kind === 'FromBackup');
    if (at && inv.recoveryWindow === undefined) {
      if (inv.backupPolicy?.EnableBackupLog === undefined) source.push(['whether log backup is on', 'log-backup-required']);
      if (inv.backupPolicy?.EnableBackupLog !== '0') source.push(['the recovery window', 'restore-time-window']);
    }
    if (from && inv.backups === undefined) source.push(['the list of backups', 'backup-usable']);
    const help = 'take a complete snapshot (`restorec inventory pull`), or check these by hand before applying';
    const data = (list: [string, string][]) => ({ facts: list.map(([f]) => f).join(', '), rules: [...new Set(list.map(([, r]) => r))].join(', ') });
    if (instance.length > 0) ctx.report({ messageId: 'instance', data: { id: inst.DBInstanceId, ...data(instance) }, span: instanceSpan(ctx), help });
    if (source.length > 0) ctx.report({ messageId: 'source', data: data(source), span: sourceSpan(ctx), help });
  },
});
