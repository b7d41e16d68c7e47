// A point-in-time restore replays log backups: with log backup off there is nothing to replay.
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
    if (at?.kind !== 'At') return;
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
