// What every operation gets, and the parameter helpers they share.
import type { BackupContents } from '../../compiler/index.ts';
import type { Behaviour } from '../behaviour.ts';
import { ApiError, type ErrorCode } from '../errors.ts';
import type { InstanceState, SandboxState } from '../state.ts';

export interface OpContext {
  state: SandboxState;
  behaviour: Behaviour;
  nowMs: number;
  /** Business parameters and common ones, as sent. */
  params: Map<string, string>;
  accessKeyId: string;
}

export type Operation = (ctx: OpContext) => Record<string, unknown>;

export function requireParam(ctx: OpContext, name: string): string {
  const v = ctx.params.get(name);
  if (v === undefined || v === '') throw new ApiError('MissingParameter', `${name} is required.`);
  return v;
}

export function requireInstance(ctx: OpContext): InstanceState {
  const id = requireParam(ctx, 'DBInstanceId');
  const inst = ctx.state.instances.get(id);
  if (!inst) throw new ApiError('InvalidDBInstance.NotFound');
  return inst;
}

/** An integer parameter; absent → `fallback`; not an integer or not `allowed` → `code`. */
export function intParam(ctx: OpContext, name: string, fallback: number, code: ErrorCode, allowed: (n: number) => boolean): number {
  const v = ctx.params.get(name);
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v) || !allowed(Number(v))) throw new ApiError(code, `${name}=${JSON.stringify(v.slice(0, 20))} is not accepted.`);
  return Number(v);
}

export function page<T>(items: readonly T[], size: number, number: number): T[] {
  return items.slice((number - 1) * size, number * size);
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the form the API answers with. */
export function utcSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const RESTORE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A valid `yyyy-MM-ddTHH:mm:ssZ` that names a real instant, or undefined. */
export function parseRestoreTime(v: string): number | undefined {
  if (!RESTORE_TIME.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) || utcSeconds(ms) !== v ? undefined : ms;
}

export function logBackupOn(inst: InstanceState): boolean {
  const inv = inst.inventory;
  return inv.backupPolicy?.EnableBackupLog !== '0' && inv.recoveryWindow !== null && inv.recoveryWindow !== undefined;
}

/** Whether `ms` is inside the log-backup window (inclusive). */
export function inWindow(inst: InstanceState, ms: number): boolean {
  const w = inst.inventory.recoveryWindow;
  return !!w && Date.parse(w.RecoveryBeginTime) <= ms && ms <= Date.parse(w.RecoveryEndTime);
}

/**
 * What a backup set or point in time holds. A point in time uses the snapshot's entry for that
 * exact time, else the latest earlier one; undefined means unknown (the sandbox then trusts the request).
 */
export function contentsFor(inst: InstanceState, source: { BackupId?: string; RestoreTime?: string }): BackupContents | undefined {
  const all = inst.inventory.contents;
  if (source.BackupId !== undefined) return all.find((c) => c.BackupId === source.BackupId);
  const at = Date.parse(source.RestoreTime ?? '');
  let best: BackupContents | undefined;
  for (const c of all) {
    if (c.RestoreTime === undefined) continue;
    const t = Date.parse(c.RestoreTime);
    if (t <= at && (!best || t > Date.parse(best.RestoreTime ?? ''))) best = c;
  }
  return best;
}
