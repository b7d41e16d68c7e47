// What is on the instance now (DescribeDatabases: no total count, so a client pages until a short
// page) and the tasks it runs (DescribeHistoryTasks: how a client finds and follows a restore).
import type { HistoryTask } from '../../compiler/index.ts';
import { integerRange, TIME_PATTERNS } from '../../contract/index.ts';
import { ApiError } from '../errors.ts';
import type { OpContext } from './context.ts';
import { intParam, page, requireInstance, utcSeconds } from './context.ts';
import { currentDatabases, progress, type InstanceState } from '../state.ts';

export function describeDatabases(ctx: OpContext): Record<string, unknown> {
  const inst = requireInstance(ctx);
  // The contract documents 30..100 and no error code for a size outside it: clamp (UNCONFIRMED).
  const range = integerRange('DescribeDatabases', 'PageSize')!;
  const asked = Number(ctx.params.get('PageSize') || range.default || 30);
  const size = Math.min(range.max, Math.max(range.min, Number.isInteger(asked) ? asked : range.min));
  const number = Math.max(1, Number(ctx.params.get('PageNumber') || 1) || 1);
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

/** Comma-separated filter values (InstanceId, TaskId, TaskType, Status: up to 30 each). */
function list(ctx: OpContext, name: string): Set<string> | undefined {
  const v = ctx.params.get(name);
  if (v === undefined || v === '') return undefined;
  const values = v.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (values.length > 30) throw new ApiError('Param.Invalid', `${name}: at most 30 values.`);
  return new Set(values);
}

interface Row extends HistoryTask {
  InstanceId: string;
  startMs: number;
  endMs?: number;
  remainS?: number;
}

function rowsOf(inst: InstanceState, nowMs: number): Row[] {
  const id = inst.inventory.instance.DBInstanceId;
  const restores: Row[] = inst.tasks.map((t) => {
    const done = t.status !== 'Running';
    return {
      TaskId: t.TaskId,
      TaskType: t.TaskType,
      Status: t.status,
      Progress: progress(t, nowMs),
      InstanceId: id,
      startMs: t.beginMs,
      ...(done ? { endMs: t.beginMs + t.durationMs } : { remainS: Math.max(0, Math.ceil((t.beginMs + t.durationMs - nowMs) / 1000)) }),
    };
  });
  const seeded: Row[] = inst.seededTasks.map((t) => ({ ...t, InstanceId: id, startMs: t.StartTime ? Date.parse(t.StartTime) : nowMs - 3_600_000 }));
  return [...restores, ...seeded];
}

export function describeHistoryTasks(ctx: OpContext): Record<string, unknown> {
  const from = ctx.params.get('FromStartTime') ?? '';
  const to = ctx.params.get('ToStartTime') ?? '';
  if (!TIME_PATTERNS.seconds.test(from) || !TIME_PATTERNS.seconds.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    throw new ApiError('Param.Invalid', 'FromStartTime and ToStartTime must be yyyy-MM-ddTHH:mm:ssZ.');
  }
  if (Date.parse(to) < Date.parse(from)) throw new ApiError('Param.Invalid.TimeEndBeforeStart');
  const size = intParam(ctx, 'PageSize', 10, 'Param.Invalid');
  const number = intParam(ctx, 'PageNumber', 1, 'Param.Invalid');
  const ids = list(ctx, 'InstanceId');
  const taskIds = list(ctx, 'TaskId');
  const types = list(ctx, 'TaskType');
  const statuses = list(ctx, 'Status');
  // Tasks of the last 30 days only (facts.scope), whatever FromStartTime says.
  const earliest = Math.max(Date.parse(from), ctx.nowMs - 30 * 86_400_000);
  const rows = [...ctx.state.instances.values()]
    .filter((inst) => !ids || ids.has(inst.inventory.instance.DBInstanceId))
    .flatMap((inst) => rowsOf(inst, ctx.nowMs))
    .filter((t) => t.startMs >= earliest && t.startMs <= Date.parse(to))
    .filter((t) => (!taskIds || taskIds.has(t.TaskId)) && (!types || types.has(t.TaskType ?? '')) && (!statuses || statuses.has(t.Status)))
    .sort((a, b) => b.startMs - a.startMs || (a.TaskId < b.TaskId ? 1 : -1));
  const items = page(rows, size, number).map((t) => ({
    TaskId: t.TaskId,
    TaskType: t.TaskType ?? '',
    Status: t.Status,
    Progress: t.Progress ?? (t.Status === 'Succeed' ? 100 : 0),
    StartTime: utcSeconds(t.startMs),
    EndTime: t.endMs !== undefined ? utcSeconds(t.endMs) : '',
    RemainTime: t.remainS ?? 0,
    InstanceId: t.InstanceId,
    InstanceName: t.InstanceId,
    InstanceType: 'Instance',
    RegionId: ctx.state.instances.get(t.InstanceId)?.inventory.instance.RegionId ?? 'cn-hangzhou',
    DbType: 'mysql',
    Product: 'rds',
    CurrentStepName: t.Status === 'Running' ? 'exec_task' : '',
  }));
  return { TotalCount: rows.length, PageNumber: number, PageSize: size, Items: items };
}
