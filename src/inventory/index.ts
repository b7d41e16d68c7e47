// The live inventory provider: the instance as it is now (the RDS API, plus information_schema
// over SQL when a connection is configured), as the compiler's Inventory model, validated against
// schemas/inventory.schema.json. Offline snapshots are read by src/cli/snapshots.ts.
// The modules themselves, not the compiler's index: that would build chevrotain at start-up (~5 ms).
import { checkInventory, formatProblem } from '../compiler/validate.ts';
import type { Inventory } from '../compiler/index.ts';
import { InventoryError } from './errors.ts';
import { currentDatabases, pullRdsInventory, type ContentsSource, type CrossRegionSource, type RdsCaller } from './rds.ts';
import type { CurrentDatabase } from '../compiler/index.ts';
import { readCurrentTables, withCurrentTables } from './mysql.ts';

export { pullRdsInventory, currentDatabases, historyTasks, utcSeconds, DEFAULT_META_PAGE_SIZE, UNFINISHED_TASK, type RdsCaller, type ContentsSource, type CrossRegionSource, type RdsPullOptions, type RdsPull } from './rds.ts';
export { pullCrossRegion, type CrossRegionPullOptions } from './cross-region.ts';
export { splitTables, listContents, type MetaAction } from './meta.ts';
export { InventoryError } from './errors.ts';
export { READS, read } from './reads.ts';
export { readCurrentTables, withCurrentTables, parseMysqlUrl, MysqlError, type CurrentTables } from './mysql.ts';

/** Which instance, and which backup contents, an inventory must describe. */
export interface InventoryRequest {
  instanceId: string;
  sources: ContentsSource[];
  /** With no sources: the newest usable backup's contents. */
  newestUsableBackup?: boolean;
  /** A cross-region source to read too. */
  crossRegion?: CrossRegionSource;
}

export interface InventoryResult {
  inventory: Inventory;
  /** Things the user should know (assumptions made, tables that could not be read). */
  warnings: string[];
}

export interface InventoryProvider {
  /** Where it reads from, for messages (no secrets). */
  readonly description: string;
  load(request: InventoryRequest): Promise<InventoryResult>;
}


export interface LiveOptions {
  api: RdsCaller;
  /** mysql://USER:PASSWORD@HOST:PORT/ for the current tables; absent: they are 'unknown'. */
  mysqlUrl?: string | undefined;
  metaPageSize?: number;
  pageWindow?: number;
  now?: () => Date;
}

/** The instance as it is now: the RDS API, plus information_schema when a URL is given. */
export class LiveProvider implements InventoryProvider {
  constructor(readonly options: LiveOptions) {}
  get description(): string {
    return this.options.mysqlUrl ? 'the RDS API and information_schema' : 'the RDS API';
  }
  async load(request: InventoryRequest): Promise<InventoryResult> {
    const o = this.options;
    const [pulled, tables] = await Promise.all([
      pullRdsInventory(o.api, { instanceId: request.instanceId, sources: request.sources, ...(request.crossRegion ? { crossRegion: request.crossRegion } : {}), ...(request.newestUsableBackup ? { newestUsableBackup: true } : {}), ...(o.metaPageSize ? { metaPageSize: o.metaPageSize } : {}), ...(o.pageWindow ? { pageWindow: o.pageWindow } : {}), ...(o.now ? { now: o.now } : {}) }),
      o.mysqlUrl ? readCurrentTables({ url: o.mysqlUrl }) : Promise.resolve(undefined),
    ]);
    const warnings = [...pulled.warnings];
    let inventory = pulled.inventory;
    if (tables) inventory = withCurrentTables(inventory, tables);
    else warnings.push('no SQL connection (RESTOREC_MYSQL_URL or --mysql-url): the tables on the instance now are unknown');
    const unknown = (inventory.current?.Databases ?? []).filter((d) => d.Tables === 'unknown').length;
    if (tables && unknown > 0) warnings.push(`${unknown} database(s) listed by the API are not visible over SQL: their tables are unknown`);
    const problems = checkInventory(inventory);
    if (problems.length > 0) throw new InventoryError(`the live inventory of ${request.instanceId} does not fit the snapshot format`, problems.map((p) => formatProblem('live inventory', p)));
    return { inventory, warnings };
  }
}

/** The databases on the instance now, with their tables when a SQL URL is given. */
export async function readCurrent(api: RdsCaller, instanceId: string, mysqlUrl?: string): Promise<CurrentDatabase[]> {
  const [dbs, tables] = await Promise.all([currentDatabases(api, instanceId), mysqlUrl ? readCurrentTables({ url: mysqlUrl }) : Promise.resolve(undefined)]);
  const inv = { current: { Databases: dbs } } as Inventory;
  return (tables ? withCurrentTables(inv, tables) : inv).current!.Databases;
}
