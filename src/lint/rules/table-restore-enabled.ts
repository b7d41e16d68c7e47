// On MySQL 5.6 and 5.7, table restore needs the backup format that records table lists
// (CompressType 4): the console's "Restore individual databases and tables" switch. CompressType
// 8 is a backup format that cannot restore individual databases or tables on any version.
import { sourceOf } from '../../compiler/source.ts';
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

const NEEDS_SWITCH = new Set(['5.6', '5.7']);

export default defineRule({
  id: 'table-restore-enabled',
  description: '"Restore individual databases and tables" must be enabled (CompressType 4) on MySQL 5.6 and 5.7, and no version restores tables from CompressType 8 backups.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    off: '"Restore individual databases and tables" is off on instance {{id}} (backup CompressType {{type}}, not 4)',
    format8: 'instance {{id}} takes its backups in a format that cannot restore individual databases or tables (CompressType 8)',
  },
  predicts: ['IncorrectBackupSetState', 'IncorrectBackupSetMethod'],
  check(ctx) {
    const inv = ctx.inventory!;
    const inst = inv.instance;
    // From another instance's cross-region backups, this instance's backup format is not used.
    const cross = sourceOf(ctx.document)?.ref.crossRegion;
    if (cross && cross.instanceId !== inst.DBInstanceId) return;
    const type = inv.backupPolicy?.CompressType;
    if (type === '8') {
      ctx.report({ messageId: 'format8', data: { id: inst.DBInstanceId }, span: instanceSpan(ctx), help: 'change the backup settings to a format that supports table restore, take a new backup, and restore from that (or restore the whole instance)' });
      return;
    }
    if (inst.Engine.toLowerCase() !== 'mysql' || !NEEDS_SWITCH.has(inst.EngineVersion)) return;
    if (type === undefined || type === '4') return; // unknown: facts-unknown
    ctx.report({
      messageId: 'off',
      data: { id: inst.DBInstanceId, type },
      span: instanceSpan(ctx),
      help: 'enable it in the console (Backup and Restoration, Backup Settings); only backups taken afterwards can be used, and it cannot be turned off again',
    });
  },
});
