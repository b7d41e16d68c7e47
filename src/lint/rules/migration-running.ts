// RestoreTable's documented precondition: no migration or other task in progress on the instance.
// For MySQL that shows in two places (rds-api.md): a DBInstanceStatus of a moving, importing or
// changing instance instead of Running, and DescribeHistoryTasks tasks that have not ended.
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

/** Statuses of an instance that is being migrated, changed or filled (DescribeDBInstanceAttribute). */
export const MIGRATION_STATUSES = new Set(['TRANSING', 'TransingToOthers', 'DBInstanceClassChanging', 'EngineVersionUpgrading', 'Importing', 'ImportingFromOthers', 'Restoring', 'INS_CLONING']);
/** DescribeHistoryTasks statuses of a task that has not ended. */
const UNFINISHED = new Set(['Scheduled', 'Running', 'Waiting', 'Cancelling']);
/** DescribeMigrateTasks statuses of an unfinished task (older snapshots only). */
const LEGACY_ACTIVE = new Set(['Running', 'NoStart', 'Waiting']);

export default defineRule({
  id: 'migration-running',
  description: 'No migration or other task may be in progress on the instance (its status, and DescribeHistoryTasks tasks that have not ended).',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    status: 'instance {{id}} is {{status}}: a migration or change is in progress, and a table restore needs none',
    running: 'instance {{id}} has {{count}} unfinished task{{s}} ({{tasks}}); a table restore needs none in progress',
  },
  // The API docs name no code for this precondition; the instance-state error is the likely one.
  predicts: ['IncorrectDBInstanceState'],
  check(ctx) {
    const inv = ctx.inventory!;
    const id = inv.instance.DBInstanceId;
    const span = instanceSpan(ctx);
    const status = inv.instance.DBInstanceStatus;
    if (status !== undefined && MIGRATION_STATUSES.has(status)) {
      ctx.report({ messageId: 'status', data: { id, status }, span, help: 'wait until the instance is Running again, take a fresh snapshot, then apply' });
    }
    const active = [
      ...(inv.tasks ?? []).filter((t) => UNFINISHED.has(t.Status)).map((t) => `${t.TaskType || 'task'} ${t.TaskId} ${t.Status}`),
      ...(inv.migrationTasks ?? []).filter((t) => LEGACY_ACTIVE.has(t.Status)).map((t) => `migration ${t.MigrateTaskId ?? t.DBName ?? ''} ${t.Status}`.replace('  ', ' ')),
    ];
    if (active.length === 0) return;
    const shown = active.slice(0, 5).join(', ') + (active.length > 5 ? `, and ${active.length - 5} more` : '');
    ctx.report({
      messageId: 'running',
      data: { id, count: active.length, s: active.length === 1 ? '' : 's', tasks: shown },
      span,
      help: 'wait for the tasks to end (the console lists them under Task Center), take a fresh snapshot, then apply',
    });
  },
});
