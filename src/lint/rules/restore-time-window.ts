// An `at` time must lie in the instance's recovery window (log backups cover it), and cannot be
// in the future. Compares with the injected clock, never the system time. A cross-region time's
// window is cross-region-time-window's.
import { isCrossRegion } from '../../compiler/source.ts';
import { formatUtc } from '../../grammar/index.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'restore-time-window',
  description: 'A point-in-time restore time must be inside the recovery window and not in the future.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {
    future: 'the restore time {{time}} is in the future (now: {{now}})',
    before: 'the restore time {{time}} is before the recovery window of instance {{id}} ({{begin}} to {{end}})',
    after: 'the restore time {{time}} is after the recovery window of instance {{id}} ({{begin}} to {{end}})',
  },
  predicts: ['InvalidBackup.NotFound', 'InvalidBinlog.NotFound'],
  check(ctx) {
    const at = ctx.document.statements.find((s) => s.kind === 'At');
    if (at?.kind !== 'At') return;
    const time = Date.parse(at.utc);
    if (time > ctx.now.getTime()) {
      ctx.report({ messageId: 'future', data: { time: at.utc, now: formatUtc(ctx.now.getTime()) }, span: at.rawSpan, help: 'check the date and the time zone of the `at` line' });
      return;
    }
    const window = ctx.inventory?.recoveryWindow;
    if (!window || isCrossRegion(ctx.document)) return; // off: log-backup-required; unknown: facts-unknown
    const data = { time: at.utc, id: ctx.inventory!.instance.DBInstanceId, begin: window.RecoveryBeginTime, end: window.RecoveryEndTime };
    if (time < Date.parse(window.RecoveryBeginTime)) {
      ctx.report({ messageId: 'before', data, span: at.rawSpan, help: 'older logs are no longer kept: restore `from backup ID` of a backup taken near that time' });
    } else if (time > Date.parse(window.RecoveryEndTime)) {
      ctx.report({ messageId: 'after', data, span: at.rawSpan, help: 'the window ends at the last uploaded log: wait for the logs to upload and take a fresh snapshot' });
    }
  },
});
