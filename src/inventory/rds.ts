// The live inventory from the RDS OpenAPI: instance attributes, backup policy, backups, recovery
// window, lower_case_table_names, unfinished tasks (DescribeHistoryTasks), the databases on the
// instance now, the contents of the backups or points in time asked for, and a spec's cross-region
// source (cross-region.ts). Every answer is
// checked against the contract (reads.ts) and every listing is complete or an error (paging.ts).
// Contents are read only where the API can list them: a backup that is not usable, or a time
// outside the recovery window, is left out with a note, so the lint rule that owns the problem
// reports it on the spec's line instead of a failed call.
import type { Backup, BackupContents, BackupPolicy, CurrentDatabase, HistoryTask, InstanceAttributes, Inventory, LowerCaseTableNames, RecoveryWindow } from '../compiler/index.ts';
import { CloudError } from '../cloud/errors.ts';
import type { ApiBody, Params } from '../cloud/client.ts';
import { HISTORY_TASKS_DAYS, integerRange } from '../contract/index.ts';
import { InventoryError } from './errors.ts';
import { listContents } from './meta.ts';
import { pullCrossRegion } from './cross-region.ts';
import { list, readByTotal, readUntilShort, toNumber } from './paging.ts';
import { read, type RdsCaller } from './reads.ts';

export type { RdsCaller } from './reads.ts';

export interface ContentsSource {
  backupId?: string;
  restoreTime?: string;
}

/** The cross-region source to read: the instance the backups are of, its region, and which sets or times. */
export interface CrossRegionSource {
  instanceId: string;
  region: string;
  backupIds: string[];
  restoreTimes: string[];
}

export interface RdsPullOptions {
  instanceId: string;
  /** A cross-region source to read too (RestoreDdrTable): its backups, window and contents. */
  crossRegion?: CrossRegionSource;
  /** Backup sets and points in time whose contents to list (DescribeMetaList). */
  sources: ContentsSource[];
  /** With no sources: list the contents of the newest usable backup (MetaStatus OK), if any. */
  newestUsableBackup?: boolean;
  /** DescribeMetaList PageSize (its default is 1; the maximum is undocumented: see DEFAULT_META_PAGE_SIZE). */
  metaPageSize?: number;
  /** Speculative DescribeDatabases pages fetched at once (no total count to page by). */
  pageWindow?: number;
  now?: () => Date;
}

export interface RdsPull {
  inventory: Inventory;
  warnings: string[];
}

/**
 * DescribeMetaList's maximum PageSize is undocumented. 1,000 keeps a large backup to a few calls;
 * a service that refuses it (InvalidPageSize) is asked again with smaller pages, and one that
 * serves smaller pages than asked is paged by what it serves (paging.ts).
 */
export const DEFAULT_META_PAGE_SIZE = 1000;
/** DescribeDatabases pages fetched at once after page 1 (it has no total to page by); doubled after each full batch up to 4x (paging.ts readUntilShort). */
export const DEFAULT_PAGE_WINDOW = 8;

/** The page window for a client: never more pages ahead than it runs at once (with one call at a time, a page past the end costs a whole call's time). */
function pageWindowFor(api: RdsCaller): number {
  return Math.max(1, Math.min(DEFAULT_PAGE_WINDOW, api.concurrency ?? DEFAULT_PAGE_WINDOW));
}
const DATABASE_PAGE_SIZE = integerRange('DescribeDatabases', 'PageSize')!.max;
const BACKUP_PAGE_SIZE = integerRange('DescribeBackups', 'PageSize')!.max;
const TASK_PAGE_SIZE = integerRange('DescribeHistoryTasks', 'PageSize')!.max;
/** DescribeHistoryTasks statuses of a task that has not ended. */
export const UNFINISHED_TASK = new Set(['Scheduled', 'Running', 'Waiting', 'Cancelling']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined => {
  const n = toNumber(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};
/** Drops undefined members so the snapshot has no `"x": undefined` ghosts. */
function compact<T extends object>(o: T): T {
  // A loop, not fromEntries(entries().filter()): it runs for every database of a pull.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/** The largest of the numbers given, undefined if none is. */
function largest(ns: (number | undefined)[]): number | undefined {
  let max: number | undefined;
  for (const n of ns) if (n !== undefined && (max === undefined || n > max)) max = n;
  return max;
}

/** `yyyy-MM-ddTHH:mm[:ss]Z` as the snapshot wants it (seconds optional or required). */
function utc(v: unknown, seconds: boolean): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?Z$/.exec(v);
  if (!m) return undefined;
  return seconds ? `${m[1]}${m[2] ?? ':00'}Z` : `${m[1]}${m[2] ?? ''}Z`;
}

export function utcSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function pullRdsInventory(api: RdsCaller, o: RdsPullOptions): Promise<RdsPull> {
  const id = o.instanceId;
  const warnings: string[] = [];
  const now = (o.now ?? (() => new Date()))();
  const cross = o.crossRegion;
  // The contents wait only for what decides whether they can be listed (the backups and the
  // window), not for the rest of the inventory: the longest chain of calls sets the pull's time.
  const windowP = recoveryWindow(api, id, warnings);
  const backupsP = describeBackups(api, id);
  const metaPageSize = o.metaPageSize ?? DEFAULT_META_PAGE_SIZE;
  // Each named backup's first contents page is asked beside DescribeBackups, not after it: a
  // round trip less on the pull's longest chain. It is used only if DescribeBackups then shows
  // the backup usable; otherwise it is dropped unread (failed or not), as the call would have
  // been skipped. Points in time are not asked ahead: whether one is inside the recovery window
  // is not known until DescribeLocalAvailableRecoveryTime answers, and a call for a time outside
  // it would only fail.
  const ahead = new Map<string, Promise<ApiBody>>();
  for (const s of o.sources) {
    if (s.backupId === undefined || ahead.has(s.backupId)) continue;
    const first = read(api, 'DescribeMetaList', { ...contentsSelector(id, s), PageSize: metaPageSize, PageIndex: 1 });
    first.catch(() => undefined); // awaited where it is used; unused, its failure means nothing
    ahead.set(s.backupId, first);
  }
  // How many databases the instance likely has: the most any named backup holds (the total on
  // its first contents page, asked ahead above). It only sizes DescribeDatabases' batch after
  // page 1, so a large instance takes two round trips there too.
  const expected = ahead.size > 0 ? Promise.all([...ahead.values()].map((p) => p.then((b) => int(b['TotalRecordCount'])).catch(() => undefined))).then(largest) : undefined;
  const contentsP = Promise.all([backupsP, windowP]).then(([backups, window]) => {
    let sources = o.sources;
    // A cross-region pull lists the source's contents instead (cross-region.ts).
    if (sources.length === 0 && o.newestUsableBackup && !cross) {
      const newest = backups.filter((b) => b.BackupStatus === 'Success' && b.MetaStatus === 'OK').sort((x, y) => (y.BackupStartTime ?? '').localeCompare(x.BackupStartTime ?? ''))[0];
      if (newest) {
        sources = [{ backupId: newest.BackupId }];
        warnings.push(`listing the contents of the newest usable backup, ${newest.BackupId} (pass --backup or --at for others)`);
      } else warnings.push('no usable backup (Success, MetaStatus OK): the snapshot lists no backup contents');
    }
    const readable = sources.filter((s) => contentsReadable(s, backups, window, warnings));
    return Promise.all(
      readable.map((s) => {
        const first = s.backupId !== undefined ? ahead.get(s.backupId) : undefined;
        if (s.backupId !== undefined) ahead.delete(s.backupId); // a backup named twice: the second reads its own
        return backupContents(api, id, s, metaPageSize, warnings, first);
      }),
    );
  });
  const [attribute, parameters, policy, window, backups, tasks, databases, contents, crossRegion] = await Promise.all([
    read(api, 'DescribeDBInstanceAttribute', { DBInstanceId: id }),
    read(api, 'DescribeParameters', { DBInstanceId: id }),
    read(api, 'DescribeBackupPolicy', { DBInstanceId: id }).then(backupPolicy),
    windowP,
    backupsP,
    unfinishedTasks(api, id, now.getTime()),
    currentDatabases(api, id, o.pageWindow, warnings, expected),
    contentsP,
    cross ? pullCrossRegion(api, { ...cross, metaPageSize, now }, warnings) : Promise.resolve(undefined),
  ]);
  const instance = instanceAttributes(id, attribute, lowerCaseTableNames(parameters, warnings));
  const inventory: Inventory = {
    version: 1,
    capturedAt: utcSeconds(now.getTime()),
    instance,
    backupPolicy: policy,
    ...(window !== undefined ? { recoveryWindow: window } : {}),
    backups,
    tasks,
    contents,
    current: { Databases: databases },
    ...(crossRegion ? { crossRegion } : {}),
  };
  return { inventory, warnings };
}

/**
 * Whether DescribeMetaList can list this source: a backup among the instance's backups that
 * succeeded with MetaStatus OK, or a time inside a known recovery window. Otherwise the call
 * would fail, and the spec's rule (backup-usable, restore-time-window, log-backup-required) is
 * the better report.
 */
function contentsReadable(s: ContentsSource, backups: Backup[], window: RecoveryWindow | null | undefined, warnings: string[]): boolean {
  if (s.backupId !== undefined) {
    const b = backups.find((x) => x.BackupId === s.backupId);
    if (!b) warnings.push(`backup ${s.backupId} is not among the instance's backups: its contents are not read (lint rule backup-usable)`);
    else if (b.BackupStatus !== 'Success' || b.MetaStatus !== 'OK') warnings.push(`backup ${s.backupId} is ${b.BackupStatus} with MetaStatus ${JSON.stringify(b.MetaStatus)}: it cannot list or restore tables, so its contents are not read (lint rule backup-usable)`);
    else return true;
    return false;
  }
  const t = Date.parse(s.restoreTime ?? '');
  if (window === null) warnings.push(`log backup is off: the contents at ${s.restoreTime} cannot be listed (lint rule log-backup-required)`);
  else if (window === undefined) warnings.push(`the recovery window is unknown: the contents at ${s.restoreTime} are not read`);
  else if (t < Date.parse(window.RecoveryBeginTime) || t > Date.parse(window.RecoveryEndTime)) warnings.push(`${s.restoreTime} is outside the recovery window (${window.RecoveryBeginTime} to ${window.RecoveryEndTime}): its contents are not read (lint rule restore-time-window)`);
  else return true;
  return false;
}

function instanceAttributes(id: string, body: ApiBody, lctn: LowerCaseTableNames): InstanceAttributes {
  const all = list(body, 'Items', 'DBInstanceAttribute');
  const a = all[0];
  if (!a) throw new CloudError('DescribeDBInstanceAttribute', 'InvalidDBInstance.NotFound', `DescribeDBInstanceAttribute returned no attributes for ${id}: check the instance id and region.`, str(body['RequestId']), false);
  if (all.length > 1) throw new InventoryError(`DescribeDBInstanceAttribute returned ${all.length} instances for ${id}; restorec expects exactly one`);
  if (str(a['DBInstanceId']) !== undefined && a['DBInstanceId'] !== id) throw new InventoryError(`DescribeDBInstanceAttribute answered for ${String(a['DBInstanceId'])}, not ${id}`);
  if (str(a['Engine']) === undefined || str(a['EngineVersion']) === undefined) throw new InventoryError(`DescribeDBInstanceAttribute gave no Engine or EngineVersion for ${id}`);
  const ro = list(a, 'ReadOnlyDBInstanceIds', 'ReadOnlyDBInstanceId').map((r) => str(r['DBInstanceId'])).filter((x): x is string => x !== undefined);
  return compact({
    DBInstanceId: id,
    RegionId: str(a['RegionId']),
    Engine: str(a['Engine'])!,
    EngineVersion: str(a['EngineVersion'])!,
    Category: str(a['Category']),
    DBInstanceClass: str(a['DBInstanceClass']),
    DBInstanceStorageType: str(a['DBInstanceStorageType']),
    DBInstanceStatus: str(a['DBInstanceStatus']),
    LockMode: str(a['LockMode']),
    DBInstanceType: str(a['DBInstanceType']),
    ReadOnlyDBInstanceIds: ro,
    GuardDBInstanceId: str(a['GuardDBInstanceId']),
    TempDBInstanceId: str(a['TempDBInstanceId']),
    DBInstanceStorage: toNumber(a['DBInstanceStorage']),
    DBInstanceDiskUsed: toNumber(a['DBInstanceDiskUsed']),
    lower_case_table_names: lctn,
  });
}

function lowerCaseTableNames(body: ApiBody, warnings: string[]): LowerCaseTableNames {
  const p = list(body, 'RunningParameters', 'DBInstanceParameter').find((x) => x['ParameterName'] === 'lower_case_table_names');
  const v = toNumber(p?.['ParameterValue']);
  if (v === 0 || v === 1 || v === 2) return v;
  warnings.push('DescribeParameters did not report lower_case_table_names; assuming 1 (the RDS default): names compare case-insensitively');
  return 1;
}

function backupPolicy(b: ApiBody): BackupPolicy {
  const on = b['EnableBackupLog'] ?? (b['BackupLog'] === 'Enable' ? '1' : b['BackupLog'] === 'Disabled' ? '0' : undefined);
  return compact({
    EnableBackupLog: on === '1' || on === 'True' || on === 'true' ? '1' : on === undefined || on === '' ? undefined : '0',
    LogBackupRetentionPeriod: int(b['LogBackupRetentionPeriod']),
    BackupRetentionPeriod: int(b['BackupRetentionPeriod']),
    CompressType: str(b['CompressType']),
  }) as BackupPolicy;
}

/**
 * The recovery window: null when log backup is off; undefined (unknown) when the operation
 * refuses for the instance's state or lock, which instance-status and instance-lock report from
 * the attributes. Other refusals end the read.
 */
async function recoveryWindow(api: RdsCaller, id: string, warnings: string[]): Promise<RecoveryWindow | null | undefined> {
  try {
    const b = await read(api, 'DescribeLocalAvailableRecoveryTime', { DBInstanceId: id });
    const begin = utc(b['RecoveryBeginTime'], true);
    const end = utc(b['RecoveryEndTime'], true);
    if (begin && end) return { RecoveryBeginTime: begin, RecoveryEndTime: end };
    warnings.push('DescribeLocalAvailableRecoveryTime gave no recovery window: it is unknown');
    return undefined;
  } catch (e) {
    if (!(e instanceof CloudError)) throw e;
    if (e.code === 'LogBackupNotEnabled') return null;
    if (e.code === 'IncorrectDBInstanceState' || e.code === 'IncorrectDBInstanceLockMode') {
      warnings.push(`the recovery window is unknown: DescribeLocalAvailableRecoveryTime refused with ${e.code} (the instance is ${e.code === 'IncorrectDBInstanceState' ? 'not Running' : 'locked'}; lint rules instance-status and instance-lock report it)`);
      return undefined;
    }
    if (e.code === 'InvalidBinlog.NotFound' || e.code === 'InvalidBackup.NotFound') {
      warnings.push(`the recovery window is unknown: DescribeLocalAvailableRecoveryTime answered ${e.code} (no log or data backup to restore from)`);
      return undefined;
    }
    throw e;
  }
}

const META_STATUS = new Set(['OK', 'LARGE', 'EMPTY', '']);

async function describeBackups(api: RdsCaller, id: string): Promise<Backup[]> {
  return readByTotal<Backup>(`DescribeBackups of ${id}`, BACKUP_PAGE_SIZE, (b) => b.BackupId, async (page) => {
    const b = await read(api, 'DescribeBackups', { DBInstanceId: id, PageSize: BACKUP_PAGE_SIZE, PageNumber: page });
    const items = list(b, 'Items', 'Backup').map((x, i) => {
      const backupId = str(x['BackupId']);
      if (backupId === undefined) throw new InventoryError(`DescribeBackups page ${page}: backup ${i + 1} has no BackupId`);
      const meta = String(x['MetaStatus'] ?? '');
      return compact({
        BackupId: backupId,
        BackupStatus: String(x['BackupStatus'] ?? ''),
        MetaStatus: (META_STATUS.has(meta) ? meta : '') as Backup['MetaStatus'],
        BackupStartTime: utc(x['BackupStartTime'], false),
        BackupEndTime: utc(x['BackupEndTime'], false),
        BackupMethod: str(x['BackupMethod']),
        BackupType: str(x['BackupType']),
        BackupMode: str(x['BackupMode']),
        BackupSize: toNumber(x['BackupSize']),
      });
    });
    // Paging counts are strings in this operation's contract.
    return { items, total: int(b['TotalRecordCount']) };
  });
}

/** Tasks of the instance that had not ended (DescribeHistoryTasks, the last 30 days). */
async function unfinishedTasks(api: RdsCaller, id: string, nowMs: number): Promise<HistoryTask[]> {
  const all = await historyTasks(api, id, nowMs - (HISTORY_TASKS_DAYS * 24 - 1) * 3_600_000, nowMs + 3_600_000);
  return all.filter((t) => UNFINISHED_TASK.has(t.Status));
}

/** Every DescribeHistoryTasks task of the instance that started in [fromMs, toMs]. */
export async function historyTasks(api: RdsCaller, id: string, fromMs: number, toMs: number, taskId?: string): Promise<HistoryTask[]> {
  const base: Params = { InstanceId: id, FromStartTime: utcSeconds(fromMs), ToStartTime: utcSeconds(toMs), PageSize: TASK_PAGE_SIZE, ...(taskId ? { TaskId: taskId } : {}) };
  return readByTotal<HistoryTask>(`DescribeHistoryTasks of ${id}`, TASK_PAGE_SIZE, (t) => t.TaskId, async (page) => {
    const b = await read(api, 'DescribeHistoryTasks', { ...base, PageNumber: page });
    const raw = Array.isArray(b['Items']) ? (b['Items'] as Record<string, unknown>[]) : [];
    const items = raw
      .filter((t) => t['InstanceId'] === undefined || t['InstanceId'] === id)
      .map((t, i) => {
        const taskId = str(t['TaskId']);
        if (taskId === undefined) throw new InventoryError(`DescribeHistoryTasks page ${page}: task ${i + 1} has no TaskId`);
        return compact({ TaskId: taskId, TaskType: str(t['TaskType']), Status: String(t['Status'] ?? ''), StartTime: utc(t['StartTime'], true), Progress: toNumber(t['Progress']) });
      });
    if (items.length !== raw.length) throw new InventoryError(`DescribeHistoryTasks answered with tasks of other instances than ${id}`);
    return { items, total: int(b['TotalCount']) };
  });
}

/**
 * The databases on the instance now (DescribeDatabases); Tables 'unknown' (no API lists them).
 * `window` defaults to what the client runs at once; `expected`: how many databases the listing
 * likely holds (readUntilShort).
 */
export async function currentDatabases(api: RdsCaller, id: string, window = pageWindowFor(api), notes: string[] = [], expected?: Promise<number | undefined>): Promise<CurrentDatabase[]> {
  const all = await readUntilShort<Record<string, unknown>>(
    `DescribeDatabases of ${id}`,
    DATABASE_PAGE_SIZE,
    window,
    (d) => String(d['DBName']),
    async (page) => {
      const b = await read(api, 'DescribeDatabases', { DBInstanceId: id, PageSize: DATABASE_PAGE_SIZE, PageNumber: page });
      const items = list(b, 'Databases', 'Database');
      items.forEach((d, i) => {
        if (str(d['DBName']) === undefined) throw new InventoryError(`DescribeDatabases page ${page}: database ${i + 1} has no DBName`);
      });
      return items;
    },
    notes,
    expected,
  );
  return all.map((d) => compact({ DBName: String(d['DBName']), DBStatus: str(d['DBStatus']), Tables: 'unknown' as const }));
}

/** DescribeMetaList's parameters that select a source's contents (no paging). */
function contentsSelector(id: string, s: ContentsSource): Params {
  return s.backupId !== undefined ? { DBInstanceId: id, RestoreType: 'BackupSetID', BackupSetID: s.backupId } : { DBInstanceId: id, RestoreType: 'RestoreTime', RestoreTime: s.restoreTime };
}

/** `first`: the answer to page 1 at `pageSize`, asked ahead. */
async function backupContents(api: RdsCaller, id: string, s: ContentsSource, pageSize: number, warnings: string[], first?: Promise<ApiBody>): Promise<BackupContents> {
  const label = s.backupId !== undefined ? `backup ${s.backupId}` : `time ${s.restoreTime}`;
  const Databases = await listContents(api, 'DescribeMetaList', contentsSelector(id, s), label, pageSize, warnings, first);
  return s.backupId !== undefined ? { BackupId: s.backupId, Databases } : { RestoreTime: s.restoreTime!, Databases };
}
