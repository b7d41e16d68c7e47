// What every operation gets, and the parameter helpers they share.
import type { BackupContents } from '../../compiler/index.ts';
import type { Behaviour } from '../behaviour.ts';
import { documentedError, integerRange } from '../../contract/index.ts';
import { ApiError } from '../errors.ts';
import type { InstanceState, SandboxState } from '../state.ts';

export interface OpContext {
  /** The operation being answered (its documented error codes differ). */
  action: string;
  state: SandboxState;
  behaviour: Behaviour;
  nowMs: number;
  /** Business parameters and common ones, as sent. */
  params: Map<string, string>;
  accessKeyId: string;
}

export type Operation = (ctx: OpContext) => Record<string, unknown>;

/** A parameter the operation needs here; the gateway already refused the contract's required ones. */
export function requireParam(ctx: OpContext, name: string, code = `Missing${name}`): string {
  const v = ctx.params.get(name);
  if (v === undefined || v === '') throw new ApiError(code, `${name} is required.`);
  return v;
}

/** Each operation documents its own "no such instance" code (or none: then InvalidParameters.Format). */
const NOT_FOUND = ['InvalidDBInstance.NotFound', 'InvalidDBInstanceId.NotFound', 'InvalidDBInstanceName.NotFound', 'InvalidParameters.Format'];

export function requireInstance(ctx: OpContext): InstanceState {
  const id = requireParam(ctx, 'DBInstanceId');
  const inst = ctx.state.instances.get(id);
  if (!inst) throw new ApiError(NOT_FOUND.find((c) => documentedError(ctx.action, c)) ?? 'InvalidParameter', 'Specified instance does not exist.');
  return inst;
}

/**
 * An integer parameter inside the range the contract documents for it (or `max`, for limits it
 * leaves open); absent → `fallback`; anything else → `code`, the operation's own error.
 */
export function intParam(ctx: OpContext, name: string, fallback: number, code: string, max?: number): number {
  const v = ctx.params.get(name);
  if (v === undefined || v === '') return fallback;
  const range = integerRange(ctx.action, name) ?? { min: 1, max: Number.MAX_SAFE_INTEGER };
  const hi = Math.min(range.max, max ?? Infinity);
  // Pages and sizes start at 1 where the contract leaves the minimum open.
  if (!/^\d+$/.test(v) || Number(v) < Math.max(1, range.min) || Number(v) > hi) throw new ApiError(code, `${name}=${JSON.stringify(v.slice(0, 20))} is not accepted.`);
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
