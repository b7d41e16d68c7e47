// RestoreTable's documented precondition: no migration task in progress on the instance.
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

/** DescribeMigrateTasks statuses of a task that has not finished. */
const ACTIVE = new Set(['Running', 'NoStart', 'Waiting']);

export default defineRule({
  id: 'migration-running',
  description: 'No migration task may be in progress (Running, NoStart or Waiting) on the instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    running: 'instance {{id}} has {{count}} unfinished migration task{{s}} ({{tasks}}); a table restore needs none in progress',
  },
  // The API docs name no code for this precondition; the instance-state error is the likely one.
  predicts: ['IncorrectDBInstanceState'],
  check(ctx) {
    const inv = ctx.inventory!;
    const active = (inv.migrationTasks ?? []).filter((t) => ACTIVE.has(t.Status));
    if (active.length === 0) return;
    const tasks = active.map((t) => `${t.MigrateTaskId ?? t.DBName ?? 'a task'} ${t.Status}`).join(', ');
    ctx.report({
      messageId: 'running',
      data: { id: inv.instance.DBInstanceId, count: active.length, s: active.length === 1 ? '' : 's', tasks },
      span: instanceSpan(ctx),
      help: 'wait for the migration to finish (or cancel it), take a fresh snapshot, then apply',
    });
  },
});
