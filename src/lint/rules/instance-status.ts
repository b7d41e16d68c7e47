// RestoreTable needs the instance Running: any other status (Rebooting, Stopped, ...) refuses it.
// Statuses of a migration or change in progress are reported by migration-running instead.
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';
import { MIGRATION_STATUSES } from './migration-running.ts';

export default defineRule({
  id: 'instance-status',
  description: 'The instance must be Running for a table restore.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    notRunning: 'instance {{id}} is {{status}}; a table restore needs it Running',
    unknown: 'the status of instance {{id}} is unknown; it must be Running',
  },
  predicts: ['IncorrectDBInstanceState'],
  check(ctx) {
    const inst = ctx.inventory!.instance;
    const span = instanceSpan(ctx);
    if (inst.DBInstanceStatus === undefined) {
      ctx.report({ messageId: 'unknown', data: { id: inst.DBInstanceId }, span, help: 'take a fresh snapshot with `restorec inventory pull`' });
    } else if (inst.DBInstanceStatus !== 'Running' && !MIGRATION_STATUSES.has(inst.DBInstanceStatus)) {
      // A migration status is migration-running's: one problem, one report.
      ctx.report({ messageId: 'notRunning', data: { id: inst.DBInstanceId, status: inst.DBInstanceStatus }, span, help: 'wait until the instance is Running (a restore, upgrade or class change may be in progress), then apply' });
    }
  },
});
