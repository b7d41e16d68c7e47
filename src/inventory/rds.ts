// The live inventory from the RDS OpenAPI: instance attributes, backup policy, backups, recovery
// window, lower_case_table_names, migration tasks, the databases on the instance now and the
// contents of the backups or points in time asked for, fetched concurrently (the client bounds
// concurrency and rate). Table names on the instance need SQL (see mysql.ts): without it each
// current database's Tables is 'unknown'.
import type { Backup, BackupContents, BackupPolicy, ContentDatabase, CurrentDatabase, InstanceAttributes, Inventory, LowerCaseTableNames, MigrationTask, RecoveryWindow } from '../compiler/index.ts';
import { CloudError } from '../cloud/errors.ts';
import type { ApiBody, Params } from '../cloud/client.ts';
import { list, pagesByTotal, pagesUntilShort, toNumber } from './paging.ts';

/** What the provider needs of a client: RdsClient, or a fake in tests. */
export interface RdsCaller {
  call(action: string, params?: Params): Promise<ApiBody>;
}

export interface ContentsSource {
  backupId?: string;
  restoreTime?: string;
}

export interface RdsPullOptions {
  instanceId: string;
  /** Backup sets and points in time whose contents to list (DescribeMetaList). */
  sources: ContentsSource[];
  /** DescribeMetaList PageSize (its default is 1; the maximum is UNCONFIRMED). */
  metaPageSize?: number;
  /** Speculative DescribeDatabases pages fetched at once (no total count to page by). */
  pageWindow?: number;
  now?: () => Date;
}

export interface RdsPull {
  inventory: Inventory;
  warnings: string[];
}

export const DEFAULT_META_PAGE_SIZE = 1000;
const DATABASE_PAGE_SIZE = 100;
const BACKUP_PAGE_SIZE = 100;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined => {
  const n = toNumber(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};
/** Drops undefined members so the snapshot has no `"x": undefined` ghosts. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `yyyy-MM-ddTHH:mm[:ss]Z` as the snapshot wants it (seconds optional or required). */
function utc(v: unknown, seconds: boolean): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?Z$/.exec(v);
  if (!m) return undefined;
  return seconds ? `${m[1]}${m[2] ?? ':00'}Z` : `${m[1]}${m[2] ?? ''}Z`;
}

export async function pullRdsInventory(api: RdsCaller, o: RdsPullOptions): Promise<RdsPull> {
  const id = o.instanceId;
  const warnings: string[] = [];
  const [attribute, parameters, policy, window, backups, migrations, databases, contents] = await Promise.all([
    api.call('DescribeDBInstanceAttribute', { DBInstanceId: id }),
    api.call('DescribeParameters', { DBInstanceId: id }),
    api.call('DescribeBackupPolicy', { DBInstanceId: id }).then(backupPolicy),
    recoveryWindow(api, id),
    describeBackups(api, id),
    api.call('DescribeMigrateTasks', { DBInstanceId: id }).then(migrationTasks),
    currentDatabases(api, id, o.pageWindow ?? 4),
    Promise.all(o.sources.map((s) => backupContents(api, id, s, o.metaPageSize ?? DEFAULT_META_PAGE_SIZE, warnings))),
  ]);
  const inventory: Inventory = {
    version: 1,
    capturedAt: utc((o.now ?? (() => new Date()))().toISOString().replace(/\.\d+Z$/, 'Z'), true)!,
    instance: instanceAttributes(id, attribute, lowerCaseTableNames(parameters, warnings)),
    backupPolicy: policy,
    recoveryWindow: window,
    backups,
    migrationTasks: migrations,
    contents,
    current: { Databases: databases },
  };
  return { inventory, warnings };
}

function instanceAttributes(id: string, body: ApiBody, lctn: LowerCaseTableNames): InstanceAttributes {
  const a = list(body, 'Items', 'DBInstanceAttribute')[0];
  if (!a) throw new CloudError('DescribeDBInstanceAttribute', 'InvalidDBInstance.NotFound', `DescribeDBInstanceAttribute returned no attributes for ${id}: check the instance id and region.`, str(body['RequestId']), false);
  const ro = list(a, 'ReadOnlyDBInstanceIds', 'ReadOnlyDBInstanceId').map((r) => str(r['DBInstanceId'])).filter((x): x is string => x !== undefined);
  return compact({
    DBInstanceId: str(a['DBInstanceId']) ?? id,
    RegionId: str(a['RegionId']),
    Engine: str(a['Engine']) ?? '',
    EngineVersion: str(a['EngineVersion']) ?? '',
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
    EnableBackupLog: on === '1' || on === 1 || on === true ? '1' : on === undefined ? undefined : '0',
    LogBackupRetentionPeriod: int(b['LogBackupRetentionPeriod']),
    BackupRetentionPeriod: int(b['BackupRetentionPeriod']),
    CompressType: str(b['CompressType']) ?? (typeof b['CompressType'] === 'number' ? String(b['CompressType']) : undefined),
  }) as BackupPolicy;
}

async function recoveryWindow(api: RdsCaller, id: string): Promise<RecoveryWindow | null | undefined> {
  try {
    const b = await api.call('DescribeLocalAvailableRecoveryTime', { DBInstanceId: id });
    const begin = utc(b['RecoveryBeginTime'], true);
    const end = utc(b['RecoveryEndTime'], true);
    return begin && end ? { RecoveryBeginTime: begin, RecoveryEndTime: end } : undefined;
  } catch (e) {
    if (e instanceof CloudError && e.code === 'LogBackupNotEnabled') return null;
    throw e;
  }
}

const META_STATUS = new Set(['OK', 'LARGE', 'EMPTY', '']);

async function describeBackups(api: RdsCaller, id: string): Promise<Backup[]> {
  return pagesByTotal(async (page) => {
    const b = await api.call('DescribeBackups', { DBInstanceId: id, PageSize: BACKUP_PAGE_SIZE, PageNumber: page });
    const items = list(b, 'Items', 'Backup').map((x) =>
      compact({
        BackupId: String(x['BackupId'] ?? ''),
        BackupStatus: String(x['BackupStatus'] ?? ''),
        MetaStatus: (META_STATUS.has(String(x['MetaStatus'] ?? '')) ? String(x['MetaStatus'] ?? '') : '') as Backup['MetaStatus'],
        BackupStartTime: utc(x['BackupStartTime'], false),
        BackupEndTime: utc(x['BackupEndTime'], false),
        BackupMethod: str(x['BackupMethod']),
        BackupType: str(x['BackupType']),
        BackupMode: str(x['BackupMode']),
        BackupSize: toNumber(x['BackupSize']),
      }),
    );
    // Paging counts are strings (rds-api.md).
    const total = toNumber(b['TotalRecordCount']) ?? items.length;
    return { items, pages: Math.ceil(total / BACKUP_PAGE_SIZE) };
  });
}

function migrationTasks(b: ApiBody): MigrationTask[] {
  return list(b, 'Items', 'MigrateTask').map((t) => compact({ MigrateTaskId: str(t['MigrateTaskId']), DBName: str(t['DBName']), Status: String(t['Status'] ?? '') }));
}

/** The databases on the instance now (DescribeDatabases); Tables 'unknown' (no API lists them). */
export async function currentDatabases(api: RdsCaller, id: string, window = 4): Promise<CurrentDatabase[]> {
  const all = await pagesUntilShort(DATABASE_PAGE_SIZE, window, async (page) => {
    const b = await api.call('DescribeDatabases', { DBInstanceId: id, PageSize: DATABASE_PAGE_SIZE, PageNumber: page });
    return list(b, 'Databases', 'Database');
  });
  const seen = new Set<string>();
  const out: CurrentDatabase[] = [];
  for (const d of all) {
    const name = str(d['DBName']);
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    out.push(compact({ DBName: name, DBStatus: str(d['DBStatus']), Tables: 'unknown' as const }));
  }
  return out;
}

/** `Tables` is one comma-separated string: split, dropping the empty pieces of stray commas. */
export function splitTables(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? v.split(',').filter((t) => t !== '') : [];
}

async function backupContents(api: RdsCaller, id: string, s: ContentsSource, pageSize: number, warnings: string[]): Promise<BackupContents> {
  const base: Params = s.backupId !== undefined ? { DBInstanceId: id, RestoreType: 'BackupSetID', BackupSetID: s.backupId } : { DBInstanceId: id, RestoreType: 'RestoreTime', RestoreTime: s.restoreTime };
  const items = await pagesByTotal(async (page) => {
    const b = await api.call('DescribeMetaList', { ...base, PageSize: pageSize, PageIndex: page });
    const total = toNumber(b['TotalPageCount']);
    const records = toNumber(b['TotalRecordCount']);
    return { items: list(b, 'Items', 'Meta'), pages: total ?? (records !== undefined ? Math.ceil(records / pageSize) : 1) };
  });
  const byName = new Map<string, ContentDatabase>();
  for (const m of items) {
    const name = str(m['Database']);
    if (name === undefined) continue;
    const db = byName.get(name) ?? { Database: name, Size: toNumber(m['Size']), Tables: [] };
    for (const t of splitTables(m['Tables'])) db.Tables.push(t); // a loop: push(...) of 130,000 tables overflows the stack
    byName.set(name, db);
  }
  // A database listed without tables (a Pattern-style answer): ask for it by exact name.
  await Promise.all(
    [...byName.values()].filter((d) => d.Tables.length === 0).map(async (d) => {
      const b = await api.call('DescribeMetaList', { ...base, GetDbName: d.Database, PageSize: pageSize, PageIndex: 1 });
      d.Tables = list(b, 'Items', 'Meta').flatMap((m) => (m['Database'] === d.Database ? splitTables(m['Tables']) : []));
      if (d.Tables.length === 0) warnings.push(`${s.backupId !== undefined ? `backup ${s.backupId}` : `time ${s.restoreTime}`}: database ${d.Database} holds no tables`);
    }),
  );
  const Databases = [...byName.values()].map((d) => compact(d));
  return s.backupId !== undefined ? { BackupId: s.backupId, Databases } : { RestoreTime: s.restoreTime!, Databases };
}
