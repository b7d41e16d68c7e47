// The sandbox's world: instances (seeded from inventory snapshots), the restores they run and
// the ClientTokens they have seen. Restores finish lazily: whoever reads the state first calls
// `advance(now)`, so there are no timers to leak and an injected clock drives tests.
import type { CrossRegionInventory, CurrentDatabase, HistoryTask, Inventory } from '../compiler/index.ts';

/** One target database of a restore and the tables it gains. */
export interface RestoreTarget {
  db: string;
  tables: string[];
}

export interface RestoreTask {
  TaskId: string;
  /** What DescribeHistoryTasks calls it (Behaviour.restoreTaskType when it started). */
  TaskType: string;
  DBInstanceId: string;
  beginMs: number;
  durationMs: number;
  status: 'Running' | 'Succeed';
  /** BackupId or RestoreTime the data came from (a cross-region one: with its source instance and region). */
  source: { BackupId?: string; RestoreTime?: string; SourceDBInstanceName?: string; SourceRegion?: string };
  targets: RestoreTarget[];
}

export interface InstanceState {
  inventory: Inventory;
  /** The status before a restore changed it (restored when the restore finishes). */
  statusBeforeRestore?: string | undefined;
  tasks: RestoreTask[];
  /** Other tasks seeded from the snapshot (`tasks`, and running `migrationTasks` of older ones). */
  seededTasks: HistoryTask[];
}

export interface IdempotentAnswer {
  fingerprint: string;
  status: number;
  body: Record<string, unknown>;
}

export interface SandboxState {
  instances: Map<string, InstanceState>;
  /** Cross-region sources by source instance id, from the seeds' `crossRegion` (the source itself need not be seeded). */
  crossSources: Map<string, CrossRegionInventory>;
  /** `accessKeyId \n action \n ClientToken` → first successful answer. */
  tokens: Map<string, IdempotentAnswer>;
  taskSeq: number;
}

/** A copy the sandbox may change; `Tables: 'unknown'` is taken as none (the sandbox must know). */
export function createState(inventories: readonly Inventory[]): SandboxState {
  const instances = new Map<string, InstanceState>();
  for (const inv of inventories) {
    const copy = structuredClone(inv) as Inventory;
    const dbs: CurrentDatabase[] = (copy.current?.Databases ?? []).map((d) => ({ ...d, Tables: d.Tables === 'unknown' ? [] : [...d.Tables] }));
    copy.current = { Databases: dbs };
    const seeded: HistoryTask[] = [
      ...(copy.tasks ?? []),
      ...(copy.migrationTasks ?? []).filter((t) => t.Status === 'Running').map((t, i) => ({ TaskId: t.MigrateTaskId ?? `migrate-${i + 1}`, TaskType: 'MigrateTask', Status: 'Running' })),
    ];
    instances.set(copy.instance.DBInstanceId, { inventory: copy, tasks: [], seededTasks: seeded });
  }
  return { instances, crossSources: crossSources(inventories), tokens: new Map(), taskSeq: 0 };
}

/**
 * Every seed's cross-region source, merged by source instance: two seeds restoring from one
 * source share its backups (the first seed's facts win where they differ).
 */
function crossSources(inventories: readonly Inventory[]): Map<string, CrossRegionInventory> {
  const out = new Map<string, CrossRegionInventory>();
  for (const inv of inventories) {
    const x = inv.crossRegion;
    if (!x) continue;
    const have = out.get(x.DBInstanceId);
    if (!have) {
      out.set(x.DBInstanceId, structuredClone(x));
      continue;
    }
    const ids = new Set((have.backups ?? []).map((b) => b.CrossBackupId));
    if (x.backups) have.backups = [...(have.backups ?? []), ...x.backups.filter((b) => !ids.has(b.CrossBackupId))];
    const keys = new Set(have.contents.map((c) => c.BackupId ?? c.RestoreTime));
    have.contents.push(...x.contents.filter((c) => !keys.has(c.BackupId ?? c.RestoreTime)).map((c) => structuredClone(c)));
    have.refusals = [...(have.refusals ?? []), ...(x.refusals ?? [])];
    if (have.recoveryWindow === undefined && x.recoveryWindow !== undefined) have.recoveryWindow = x.recoveryWindow;
  }
  return out;
}

/** The cross-region source holding backup set `id`, and the set. */
export function findCrossBackup(state: SandboxState, id: string): { source: CrossRegionInventory; backup: NonNullable<CrossRegionInventory['backups']>[number] } | undefined {
  for (const source of state.crossSources.values()) {
    const backup = source.backups?.find((b) => b.CrossBackupId === id);
    if (backup) return { source, backup };
  }
  return undefined;
}

/** Folds a name as the instance compares it (lower_case_table_names 1 or 2: case-insensitive). */
export function nameKey(inst: InstanceState, name: string): string {
  return inst.inventory.instance.lower_case_table_names === 0 ? name : name.toLowerCase();
}

export function currentDatabases(inst: InstanceState): CurrentDatabase[] {
  return inst.inventory.current?.Databases ?? [];
}

export function findCurrentDatabase(inst: InstanceState, name: string): CurrentDatabase | undefined {
  const key = nameKey(inst, name);
  return currentDatabases(inst).find((d) => nameKey(inst, d.DBName) === key);
}

export function runningTask(inst: InstanceState): RestoreTask | undefined {
  return inst.tasks.find((t) => t.status === 'Running');
}

/** Statuses of a task that has not ended (DescribeHistoryTasks). */
export const UNFINISHED = new Set(['Scheduled', 'Running', 'Waiting', 'Cancelling']);

/** A seeded task that has not ended: the instance is busy with it. */
export function busyWith(inst: InstanceState): HistoryTask | undefined {
  return inst.seededTasks.find((t) => UNFINISHED.has(t.Status));
}

export function countTables(inst: InstanceState): number {
  return currentDatabases(inst).reduce((n, d) => n + (Array.isArray(d.Tables) ? d.Tables.length : 0), 0);
}

function finish(inst: InstanceState, task: RestoreTask): void {
  task.status = 'Succeed';
  const dbs = currentDatabases(inst);
  for (const target of task.targets) {
    let db = findCurrentDatabase(inst, target.db);
    if (!db) {
      db = { DBName: target.db, DBStatus: 'Running', Tables: [] };
      dbs.push(db);
    }
    const tables = Array.isArray(db.Tables) ? db.Tables : [];
    const have = new Set(tables.map((t) => nameKey(inst, t)));
    for (const t of target.tables) if (!have.has(nameKey(inst, t))) tables.push(t);
    db.Tables = tables;
  }
  if (inst.statusBeforeRestore !== undefined) {
    inst.inventory.instance.DBInstanceStatus = inst.statusBeforeRestore;
    inst.statusBeforeRestore = undefined;
  }
}

/** Finishes every restore whose time has come; `force` finishes all (used when saving). */
export function advance(state: SandboxState, nowMs: number, force = false): void {
  for (const inst of state.instances.values()) {
    for (const task of inst.tasks) if (task.status === 'Running' && (force || task.beginMs + task.durationMs <= nowMs)) finish(inst, task);
  }
}

/** Progress 0-100 of a task at `nowMs`. */
export function progress(task: RestoreTask, nowMs: number): number {
  if (task.status !== 'Running') return 100;
  if (task.durationMs <= 0) return 100;
  return Math.min(99, Math.floor(((nowMs - task.beginMs) / task.durationMs) * 100));
}

/** The inventories as they are now: what `--save` writes and `GET /_sandbox/state` shows. */
export function inventories(state: SandboxState): Inventory[] {
  return [...state.instances.values()].map((i) => i.inventory);
}
