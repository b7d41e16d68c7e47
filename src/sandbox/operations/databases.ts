// What is on the instance now (DescribeDatabases: no total, page until a short page) and the
// tasks it runs (DescribeTasks: how a client watches a restore).
import type { OpContext } from './context.ts';
import { intParam, page, requireInstance, utcSeconds } from './context.ts';
import { currentDatabases, progress } from '../state.ts';

export function describeDatabases(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  const size = intParam(ctx, 'PageSize', 30, 'InvalidPageSize', (n) => [30, 50, 100].includes(n));
  const number = intParam(ctx, 'PageNumber', 1, 'InvalidPageIndex', (n) => n >= 1);
  const name = ctx.params.get('DBName');
  const all = currentDatabases(inst).filter((d) => !name || d.DBName === name);
  const items = page(all, size, number).map((d) => ({
    DBInstanceId: inst.inventory.instance.DBInstanceId,
    DBName: d.DBName,
    DBStatus: d.DBStatus ?? 'Running',
    Engine: inst.inventory.instance.Engine,
    CharacterSetName: 'utf8mb4',
    DBDescription: '',
  }));
  return { Databases: { Database: items } };
}

export function describeTasks(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  const action = ctx.params.get('TaskAction');
  const status = ctx.params.get('Status');
  const tasks = inst.tasks
    .filter((t) => (!action || action === 'RestoreTable') && (!status || t.status === status))
    .map((t) => {
      const done = t.status !== 'Running';
      return {
        TaskId: t.TaskId,
        TaskAction: 'RestoreTable',
        Status: t.status,
        Progress: String(progress(t, ctx.nowMs)),
        BeginTime: utcSeconds(t.beginMs),
        ExpectedFinishTime: utcSeconds(t.beginMs + t.durationMs),
        FinishTime: done ? utcSeconds(t.beginMs + t.durationMs) : '',
        Remain: done ? 0 : Math.max(0, Math.ceil((t.beginMs + t.durationMs - ctx.nowMs) / 1000)),
        DBName: t.targets.map((x) => x.db).join(','),
      };
    });
  return { Items: { TaskProgressInfo: tasks }, PageNumber: 1, PageRecordCount: tasks.length, TotalRecordCount: tasks.length };
}
