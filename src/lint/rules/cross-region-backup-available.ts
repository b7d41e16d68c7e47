// A cross-region restore needs a backup set the service will use for a disaster restore: for a
// point in time, one that succeeded at or before that time; and none the API refused with
// NoAvailableDisasterRestoreBakset (DescribeCrossBackupMetaList, DescribeAvailableRecoveryTime).
import { defineRule } from '../rule.ts';
import { crossSource, usableList, usedBackup } from './cross-source.ts';

export default defineRule({
  id: 'cross-region-backup-available',
  description: 'A cross-region restore needs an available cross-region backup set: for a point in time, one that succeeded at or before it (NoAvailableDisasterRestoreBakset).',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    noneBefore: 'no cross-region backup of instance {{id}} that succeeded stands at or before {{time}}; a point-in-time restore starts from one',
    refused: 'cross-region backup {{backup}} is not available for a disaster restore ({{operation}} answered NoAvailableDisasterRestoreBakset)',
  },
  predicts: ['NoAvailableDisasterRestoreBakset', 'InvalidBackup.NotFound'],
  check(ctx) {
    const c = crossSource(ctx);
    if (!c || c.x.supported === false || !c.x.backups) return; // cross-region-supported; facts-unknown
    const b = usedBackup(c);
    if (c.restoreTime !== undefined && !b) {
      ctx.report({ messageId: 'noneBefore', data: { id: c.x.DBInstanceId, time: c.restoreTime }, span: c.span, help: `pick a later time, or restore from the instance's own backups; ${usableList(c.x)}` });
      return;
    }
    const refused = b && c.x.refusals?.find((r) => r.CrossBackupId === b.CrossBackupId && r.Code === 'NoAvailableDisasterRestoreBakset');
    if (b && refused) {
      ctx.report({ messageId: 'refused', data: { backup: b.CrossBackupId, operation: refused.Operation }, span: c.span, help: `use another cross-region backup; ${usableList(c.x)}` });
    }
  },
});
