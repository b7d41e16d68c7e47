// `from backup ID` must name a finished backup of this instance whose table list was recorded
// (MetaStatus OK): only such a backup can restore individual databases and tables.
import { defineRule } from '../rule.ts';
import { sourceSpan } from './spans.ts';

/** Why a backup with this MetaStatus cannot be used, in words (LARGE is instance-table-limit's). */
const META: Record<string, string> = {
  '': 'its table list was not recorded: it was taken before "Restore individual databases and tables" was enabled',
  EMPTY: 'recording its table list failed (MetaStatus EMPTY)',
};

export default defineRule({
  id: 'backup-usable',
  description: 'The backup of `from backup` must exist, have succeeded, and have MetaStatus OK.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    notFound: 'backup {{backup}} is not among the backups of instance {{id}}',
    failed: 'backup {{backup}} did not succeed (BackupStatus {{status}})',
    meta: 'backup {{backup}} cannot restore individual tables: {{why}}',
  },
  predicts: ['InvalidBackupSetID.NotFound', 'IncorrectBackupSetState', 'InvalidMeta.Empty', 'InvalidBakset.Invalid'],
  check(ctx) {
    const from = ctx.document.statements.find((s) => s.kind === 'FromBackup');
    const backups = ctx.inventory!.backups;
    if (from?.kind !== 'FromBackup' || !backups) return; // no list: facts-unknown
    const id = from.backupId.value;
    const span = sourceSpan(ctx);
    const usable = backups.filter((b) => b.BackupStatus === 'Success' && b.MetaStatus === 'OK').map((b) => b.BackupId);
    const pick = usable.length > 0 ? `backups that can be used: ${usable.slice(0, 5).join(', ')}${usable.length > 5 ? ', ...' : ''}` : 'no backup of this instance can be used: take a new backup';
    const backup = backups.find((b) => b.BackupId === id);
    if (!backup) {
      ctx.report({ messageId: 'notFound', data: { backup: id, id: ctx.inventory!.instance.DBInstanceId }, span, help: `check the id (DescribeBackups lists them); ${pick}` });
    } else if (backup.BackupStatus !== 'Success') {
      ctx.report({ messageId: 'failed', data: { backup: id, status: backup.BackupStatus }, span, help: pick });
    } else if (backup.MetaStatus in META) {
      ctx.report({ messageId: 'meta', data: { backup: id, why: META[backup.MetaStatus]! }, span, help: `take a new backup (with the feature on), or use another; ${pick}` });
    }
  },
});
