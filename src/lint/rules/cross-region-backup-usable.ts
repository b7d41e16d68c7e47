// The cross-region backup set a restore uses must be one of the source's cross-region backups,
// have succeeded, hold its table lists, and be restorable to the target instance's region.
import { defineRule } from '../rule.ts';
import { crossSource, usableList, usedBackup } from './cross-source.ts';

/** DescribeCrossBackupMetaList refusals that say the set cannot restore individual tables. */
const META_CODES: Record<string, string> = {
  'InvalidMeta.Empty': 'its table list was not recorded (taken before "Restore individual databases and tables" was enabled, or recording failed)',
  'InvalidMeta.TooLarge': 'it holds too many tables for table restore',
};

export default defineRule({
  id: 'cross-region-backup-usable',
  description: 'The cross-region backup set must exist among the source\'s cross-region backups, have succeeded, hold table lists, and restore to the target\'s region.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    notFound: 'cross-region backup {{backup}} is not among the cross-region backups of instance {{id}} ({{region}})',
    failed: 'cross-region backup {{backup}} failed (BackupSetStatus {{status}})',
    meta: 'cross-region backup {{backup}} cannot restore individual tables: {{why}} ({{operation}} answered {{code}})',
    region: 'cross-region backup {{backup}} restores to {{regions}}, not to {{target}}, where instance {{instance}} is',
  },
  // InvalidBakset.Invalid: the contract's "Specified bakset is not valid", the nearest documented
  // code for a set that cannot be used (which one the service gives for each case is not documented).
  predicts: ['InvalidBackupSetID.NotFound', 'IncorrectBackupSetState', 'InvalidBakset.Invalid', 'InvalidMeta.Empty', 'InvalidMeta.TooLarge'],
  check(ctx) {
    const c = crossSource(ctx);
    if (!c || c.x.supported === false || !c.x.backups) return; // cross-region-supported; facts-unknown
    const b = usedBackup(c);
    const data = { id: c.x.DBInstanceId, region: c.x.RegionId };
    if (c.backupId !== undefined && !b) {
      ctx.report({ messageId: 'notFound', data: { ...data, backup: c.backupId }, span: c.span, help: `check the id (DescribeCrossRegionBackups lists them); ${usableList(c.x)}` });
      return;
    }
    if (!b) return; // a time with no set before it: cross-region-backup-available
    if (b.BackupSetStatus !== 0) {
      ctx.report({ messageId: 'failed', data: { backup: b.CrossBackupId, status: b.BackupSetStatus }, span: c.span, help: usableList(c.x) });
      return;
    }
    const refused = c.x.refusals?.find((r) => r.CrossBackupId === b.CrossBackupId && Object.hasOwn(META_CODES, r.Code));
    if (refused) {
      ctx.report({ messageId: 'meta', data: { backup: b.CrossBackupId, why: META_CODES[refused.Code]!, operation: refused.Operation, code: refused.Code }, span: c.span, help: `restore from another cross-region backup taken with the feature on; ${usableList(c.x)}` });
    }
    const target = ctx.inventory!.instance.RegionId;
    if (b.RestoreRegions && b.RestoreRegions.length > 0 && target !== undefined && !b.RestoreRegions.includes(target)) {
      ctx.report({
        messageId: 'region',
        data: { backup: b.CrossBackupId, regions: b.RestoreRegions.join(', '), target, instance: ctx.inventory!.instance.DBInstanceId },
        span: c.span,
        help: 'restore into an instance in one of those regions (the `instance` line), or use a backup copied to this region',
      });
    }
  },
});
