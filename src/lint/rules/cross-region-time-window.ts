// A cross-region point-in-time restore replays the source's cross-region log backups from the
// backup set it starts from: the time must lie in the window DescribeAvailableRecoveryTime gives
// for that set, and the source must have cross-region log backup at all.
import { defineRule } from '../rule.ts';
import { crossSource, usedBackup } from './cross-source.ts';

export default defineRule({
  id: 'cross-region-time-window',
  description: 'A cross-region point-in-time restore needs cross-region log backup and a time inside the cross-region recovery window.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    noLog: 'instance {{id}} has no cross-region log backup (the API answered NoAvailableLogBackup); a cross-region point-in-time restore needs one',
    before: 'the restore time {{time}} is before the cross-region recovery window of instance {{id}} ({{begin}} to {{end}}, from cross-region backup {{backup}})',
    after: 'the restore time {{time}} is after the cross-region recovery window of instance {{id}} ({{begin}} to {{end}}, from cross-region backup {{backup}})',
  },
  predicts: ['InvalidBinlog.NotFound', 'InvalidBackup.NotFound', 'InvalidBackupLogStatus', 'NoAvailableLogBackup'],
  check(ctx) {
    const c = crossSource(ctx);
    if (!c || c.restoreTime === undefined || c.x.supported === false) return;
    const w = c.x.recoveryWindow;
    if (w === null) {
      ctx.report({ messageId: 'noLog', data: { id: c.x.DBInstanceId }, span: c.span, help: 'restore a cross-region backup set instead (`from cross-region backup ID`); cross-region log backup can be turned on for later restores' });
      return;
    }
    if (!w) return; // unknown: facts-unknown
    const t = Date.parse(c.restoreTime);
    const data = { time: c.restoreTime, id: c.x.DBInstanceId, begin: w.RecoveryBeginTime, end: w.RecoveryEndTime, backup: w.CrossBackupId };
    const inside = t >= Date.parse(w.RecoveryBeginTime) && t <= Date.parse(w.RecoveryEndTime);
    // A window read for another set than the one this time starts from decides only "inside".
    if (inside || usedBackup(c)?.CrossBackupId !== w.CrossBackupId) return;
    if (t < Date.parse(w.RecoveryBeginTime)) ctx.report({ messageId: 'before', data, span: c.span, help: 'a point in time starts from the newest cross-region backup before it: pick a time after that backup, or restore the backup set itself' });
    else ctx.report({ messageId: 'after', data, span: c.span, help: 'the window ends at the last cross-region log copied: wait for the logs to be copied and take a fresh snapshot, or pick an earlier time' });
  },
});
