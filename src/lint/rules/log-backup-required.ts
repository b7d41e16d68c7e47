// A point-in-time restore replays log backups: with log backup off there is nothing to replay.
// (A cross-region one replays the source's cross-region logs: cross-region-time-window.)
import { isCrossRegion } from '../../compiler/source.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'log-backup-required',
  description: 'A point-in-time restore (`at`) needs log backup enabled on the instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    off: 'a point-in-time restore needs log backup, but log backup is off on instance {{id}}',
  },
  predicts: ['LogBackupNotEnabled', 'InvalidBackupLogStatus'],
  check(ctx) {
    const at = ctx.document.statements.find((s) => s.kind === 'At');
    if (at?.kind !== 'At' || isCrossRegion(ctx.document)) return;
    const inv = ctx.inventory!;
    // A null window is DescribeLocalAvailableRecoveryTime answering LogBackupNotEnabled.
    if (inv.backupPolicy?.EnableBackupLog !== '0' && inv.recoveryWindow !== null) return; // unknown: facts-unknown
    ctx.report({
      messageId: 'off',
      data: { id: inv.instance.DBInstanceId },
      span: at.rawSpan,
      help: 'restore `from backup ID` instead; turning log backup on now covers only times after it is on',
    });
  },
});
