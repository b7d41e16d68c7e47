// Table restore is unavailable when the backup holds too many tables (documented: 50,000); the
// backup then records MetaStatus LARGE instead of its table list.
import { findContents } from '../../compiler/inventory.ts';
import { sourceOf } from '../../compiler/source.ts';
import { defineRule } from '../rule.ts';
import { sourceSpan } from './spans.ts';

export default defineRule({
  id: 'instance-table-limit',
  description: 'Table restore is unavailable when the backup holds more than 50,000 tables (or its MetaStatus is LARGE).',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    tooMany: 'the backup contents hold {{count}} tables; table restore is unavailable above {{max}}',
    large: 'backup {{backup}} has MetaStatus LARGE: it holds too many tables for table restore',
  },
  defaultOptions: { max: 50000 },
  predicts: ['InvalidMeta.TooLarge'],
  check(ctx) {
    const inv = ctx.inventory!;
    const max = Number(ctx.options['max']);
    const span = sourceSpan(ctx);
    const help = 'restore the whole instance to a new instance (clone) instead, then copy the tables over';
    const from = ctx.document.statements.find((s) => s.kind === 'FromBackup');
    if (from?.kind === 'FromBackup' && inv.backups?.find((b) => b.BackupId === from.backupId.value)?.MetaStatus === 'LARGE') {
      ctx.report({ messageId: 'large', data: { backup: from.backupId.value }, span, help });
      return;
    }
    const source = sourceOf(ctx.document)?.ref;
    const contents = source && findContents(inv, source);
    if (!contents) return;
    const count = contents.Databases.reduce((n, d) => n + d.Tables.length, 0);
    if (count > max) ctx.report({ messageId: 'tooMany', data: { count, max }, span, help });
  },
});
