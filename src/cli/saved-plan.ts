// Saved plans (`plan --out FILE`, then `apply FILE`): what was reviewed is what is applied. A
// saved plan holds the spec's path and digest, the exact requests, and a digest of each inventory
// fact they rest on. apply re-resolves the spec against the live instance and refuses, saying
// what changed, when the spec, the requests or a lint finding differ.
import { sha256Hex } from '../compiler/hash.ts';
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { baseCrossBackup, findContents, type CompileOptions, type Inventory, type RestorePlan, type RestoreRequest } from '../compiler/index.ts';
import { UserError } from './errors.ts';
import { readInput } from './files.ts';
import { sizeWords } from '../grammar/read-bounded.ts';

export const PLAN_FORMAT = 1;
/** A saved plan of a million tables is a few tens of MB; more is not one. */
const MAX_PLAN_BYTES = 256 * 1024 * 1024;

export interface SavedPlan {
  restorecPlan: typeof PLAN_FORMAT;
  /** The spec, relative to the plan file's folder, and the SHA-256 of its bytes. */
  spec: { path: string; sha256: string };
  instanceId: string;
  source: { backupId?: string; restoreTime?: string; crossRegion?: { region: string; instanceId: string } };
  options: { maxEntries?: number; wholeDatabase?: string };
  requests: RestoreRequest[];
  /** Inventory facts the requests rest on, each a short description or a digest. */
  facts: Record<string, string>;
}

export const sha256 = sha256Hex;
const digest = (v: unknown) => sha256(JSON.stringify(v)).slice(0, 16);

/** The facts a plan rests on: what, if it changed, could change the requests or their fate. */
export function planFacts(inventory: Inventory, plan: RestorePlan): Record<string, string> {
  const i = inventory.instance;
  const facts: Record<string, string> = {
    instance: `${i.Engine} ${i.EngineVersion} ${i.Category ?? '?'} on ${i.DBInstanceStorageType ?? '?'}, ${i.DBInstanceStatus ?? '?'}, ${i.LockMode ?? '?'}`,
    lower_case_table_names: String(i.lower_case_table_names),
  };
  const x = plan.crossRegion ? inventory.crossRegion : undefined;
  if (plan.crossRegion) {
    // The cross-region source's facts: the set used, its refusals, and for a time its window.
    const id = plan.backupId ?? (plan.restoreTime !== undefined && x?.backups ? baseCrossBackup(x.backups, plan.restoreTime)?.CrossBackupId : undefined);
    const b = id !== undefined ? x?.backups?.find((y) => y.CrossBackupId === id) : undefined;
    facts['cross-region backup'] = x?.supported === false ? 'not supported' : b ? `${b.CrossBackupId}: BackupSetStatus ${b.BackupSetStatus}, restores to ${(b.RestoreRegions ?? []).join(' ') || '?'}${(x?.refusals ?? []).filter((r) => r.CrossBackupId === b.CrossBackupId).map((r) => `, ${r.Code}`).join('')}` : 'not listed';
    if (plan.restoreTime !== undefined) {
      const w = x?.recoveryWindow;
      facts['cross-region recovery window'] = w ? `${w.RecoveryBeginTime} to ${w.RecoveryEndTime} (set ${w.CrossBackupId})` : w === null ? 'no cross-region log backup' : 'unknown';
    }
  } else if (plan.backupId !== undefined) {
    const b = inventory.backups?.find((x) => x.BackupId === plan.backupId);
    facts['backup'] = b ? `${b.BackupStatus}, MetaStatus ${b.MetaStatus || '""'}` : 'not listed';
  } else {
    const w = inventory.recoveryWindow;
    facts['recovery window'] = w ? `${w.RecoveryBeginTime} to ${w.RecoveryEndTime}` : w === null ? 'log backup off' : 'unknown';
  }
  const contents = findContents(inventory, plan);
  const sources = new Set(plan.databases.map((d) => d.source));
  facts['backup contents'] = digest((contents?.Databases ?? []).filter((d) => sources.has(d.Database)).map((d) => [d.Database, d.Tables]));
  const targets = new Set(plan.databases.map((d) => (plan.caseInsensitive ? d.target.toLowerCase() : d.target)));
  facts['target databases on the instance'] = digest((inventory.current?.Databases ?? []).filter((d) => targets.has(plan.caseInsensitive ? d.DBName.toLowerCase() : d.DBName)).map((d) => [d.DBName, d.Tables]));
  facts['tasks in progress'] = String((inventory.tasks ?? []).filter((t) => ['Scheduled', 'Running', 'Waiting', 'Cancelling'].includes(t.Status)).length);
  return facts;
}

export function savedPlan(planFile: string, specFile: string, specBytes: Uint8Array, plan: RestorePlan, requests: RestoreRequest[], inventory: Inventory, options: CompileOptions): SavedPlan {
  return {
    restorecPlan: PLAN_FORMAT,
    spec: { path: relative(dirname(planFile), specFile).split('\\').join('/'), sha256: sha256(specBytes) },
    instanceId: plan.instanceId,
    source: { ...(plan.backupId !== undefined ? { backupId: plan.backupId } : { restoreTime: plan.restoreTime! }), ...(plan.crossRegion ? { crossRegion: plan.crossRegion } : {}) },
    options: { ...(options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {}), ...(options.wholeDatabase !== undefined ? { wholeDatabase: options.wholeDatabase } : {}) },
    requests,
    facts: planFacts(inventory, plan),
  };
}

export function writePlanFile(file: string, plan: SavedPlan): void {
  const tmp = `${file}.restorec-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(plan, null, 2) + '\n');
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write the plan to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** How much of a file looksLikePlan reads. */
const PLAN_PEEK_BYTES = 64;

/**
 * Whether a file given to apply is a saved plan rather than a spec: a regular file whose first
 * characters open a JSON object. Only they are read (the whole file was read for them: a 3 GB
 * `.json` went into memory first). Anything but a regular file is left to the spec reader: a
 * peek would consume what a FIFO holds, and opening one with no writer waits for one.
 */
export function looksLikePlan(file: string): boolean {
  if (!file.endsWith('.json')) return false;
  let fd: number | undefined;
  try {
    if (!statSync(file).isFile()) return false;
    fd = openSync(file, 'r');
    const head = Buffer.alloc(PLAN_PEEK_BYTES);
    const n = readSync(fd, head, 0, PLAN_PEEK_BYTES, 0);
    return head.subarray(0, n).toString('utf8').trimStart().startsWith('{');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and checks a saved plan; the spec it names, with its bytes. */
export function readPlanFile(file: string): { plan: SavedPlan; specFile: string } {
  const { bytes, size } = readInput(file, MAX_PLAN_BYTES);
  if (size > MAX_PLAN_BYTES) {
    throw new UserError(`${file} is ${sizeWords(size, MAX_PLAN_BYTES)}; saved plans larger than ${MAX_PLAN_BYTES / (1024 * 1024)} MiB are refused unread`, 'check that this is the plan `restorec plan SPEC --out FILE` wrote');
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new UserError(`${file} is not a saved plan: ${(e as Error).message}`, 'write one with `restorec plan SPEC --out FILE`');
  }
  const p = data as Partial<SavedPlan>;
  const ok =
    typeof p === 'object' && p !== null && p.restorecPlan === PLAN_FORMAT && typeof p.spec?.path === 'string' && typeof p.spec.sha256 === 'string' &&
    typeof p.instanceId === 'string' && Array.isArray(p.requests) && p.requests.every((r) => typeof r === 'object' && r !== null && typeof (r as RestoreRequest).ClientToken === 'string') &&
    typeof p.facts === 'object' && p.facts !== null && typeof p.source === 'object' && p.source !== null;
  if (!ok) throw new UserError(`${file} is not a saved plan of this restorec (format ${PLAN_FORMAT})`, 'write it again with `restorec plan SPEC --out FILE`');
  const specFile = isAbsolute(p.spec!.path) ? p.spec!.path : join(dirname(file), p.spec!.path);
  return { plan: p as SavedPlan, specFile };
}

/** What differs between the facts a plan was made on and the facts now. */
export function changedFacts(then: Record<string, string>, now: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(then), ...Object.keys(now)])];
  return keys.filter((k) => then[k] !== now[k]).map((k) => `${k}: ${then[k] ?? '(none)'} -> ${now[k] ?? '(none)'}`);
}

/** How the requests now differ from the saved ones, in a few lines. */
export function changedRequests(then: RestoreRequest[], now: RestoreRequest[]): string[] {
  const out: string[] = [];
  if (then.length !== now.length) out.push(`${then.length} request(s) were planned, ${now.length} would be sent now`);
  const n = Math.min(then.length, now.length);
  for (let i = 0; i < n; i++) {
    const a = then[i]!;
    const b = now[i]!;
    const fields = (['DBInstanceId', 'RestoreType', 'BackupId', 'RestoreTime', 'SourceRegion', 'SourceDBInstanceName', 'InstantRecovery', 'TableMeta'] as const).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (fields.length > 0) out.push(`request ${i + 1}: ${fields.join(', ')} changed (ClientToken ${a.ClientToken} -> ${b.ClientToken})`);
  }
  return out;
}
