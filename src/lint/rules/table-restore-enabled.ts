// On MySQL 5.6 and 5.7, table restore needs the backup format that records table lists
// (CompressType 4): the console's "Restore individual databases and tables" switch.
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

const NEEDS_SWITCH = new Set(['5.6', '5.7']);

export default defineRule({
  id: 'table-restore-enabled',
  description: '"Restore individual databases and tables" must be enabled (CompressType 4) on MySQL 5.6 and 5.7.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    off: '"Restore individual databases and tables" is off on instance {{id}} (backup CompressType {{type}}, not 4)',
  },
  predicts: ['IncorrectBackupSetState'],
  check(ctx) {
    const inv = ctx.inventory!;
    const inst = inv.instance;
    const type = inv.backupPolicy?.CompressType;
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
