// What a RestoreTable (or RestoreDdrTable) request creates, and whether the instance already has it: the basis of an
// idempotent apply (a request whose targets are all present has been applied before).
import type { CurrentDatabase, Inventory, RestoreRequest, TableMetaDatabase } from '../compiler/index.ts';
// The module, not the compiler's index (which builds chevrotain at start-up: ~5 ms of a live command).
import { findContents } from '../compiler/inventory.ts';

export interface RequestTargets {
  /** Target database → its target tables ([] for a whole-database entry whose tables are unknown). */
  databases: Map<string, string[]>;
  /** Target databases that get a new name (they must not exist before the restore). */
  renamed: Set<string>;
}

export function requestTargets(req: RestoreRequest, inventory: Inventory): RequestTargets {
  const meta = JSON.parse(req.TableMeta) as TableMetaDatabase[];
  const source = req.BackupId !== undefined ? { backupId: req.BackupId } : { restoreTime: req.RestoreTime! };
  // A RestoreDdrTable request's contents are the snapshot's cross-region ones (RestoreType 0 names no source: the snapshot's).
  const cross = req.RestoreType !== undefined && inventory.crossRegion ? { crossRegion: { region: req.SourceRegion ?? inventory.crossRegion.RegionId, instanceId: req.SourceDBInstanceName ?? inventory.crossRegion.DBInstanceId } } : {};
  const contents = findContents(inventory, { ...source, ...cross });
  const databases = new Map<string, string[]>();
  const renamed = new Set<string>();
  for (const d of meta) {
    const tables = d.tables ? d.tables.map((t) => t.newname) : (contents?.Databases.find((c) => c.Database === d.name)?.Tables ?? []);
    databases.set(d.newname, [...(databases.get(d.newname) ?? []), ...tables]);
    if (d.newname !== d.name) renamed.add(d.newname);
  }
  return { databases, renamed };
}

export type Presence = { state: 'absent' } | { state: 'present' } | { state: 'partial'; present: string[]; missing: string[] } | { state: 'unknown' };

/**
 * Whether the targets are on the instance: `present` (every target table seen), `absent`,
 * `partial`, or `unknown` (some tables cannot be read: without a SQL connection, only the
 * ClientToken keeps a resend from restoring twice).
 */
export function targetPresence(t: RequestTargets, current: CurrentDatabase[], caseInsensitive: boolean): Presence {
  const fold = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  const dbs = new Map(current.map((d) => [fold(d.DBName), d]));
  const present: string[] = [];
  const missing: string[] = [];
  let unknownTables = false;
  for (const [db, tables] of t.databases) {
    const on = dbs.get(fold(db));
    if (!on) {
      if (tables.length === 0) missing.push(db);
      for (const x of tables) missing.push(`${db}.${x}`); // a loop: push(...) of 100,000 overflows the stack
      continue;
    }
    if (on.Tables === 'unknown') {
      // Tables that cannot be read are no evidence either way, not even for a renamed target
      // database: it may be left over from another restore, or created by the first request of
      // a split series while this request's tables are still missing.
      unknownTables = true;
      continue;
    }
    const have = new Set(on.Tables.map(fold));
    for (const x of tables) (have.has(fold(x)) ? present : missing).push(`${db}.${x}`);
    if (tables.length === 0) present.push(db);
  }
  if (missing.length > 0) return present.length === 0 ? { state: 'absent' } : { state: 'partial', present, missing };
  return unknownTables ? { state: 'unknown' } : { state: 'present' };
}

/** The inventory as it was before the given requests ran: their targets taken away (for lint). */
export function withoutTargets(inventory: Inventory, targets: RequestTargets[]): Inventory {
  const fold = (s: string) => (inventory.instance.lower_case_table_names !== 0 ? s.toLowerCase() : s);
  const drop = new Map<string, { tables: Set<string>; db: boolean }>();
  for (const t of targets) {
    for (const [db, tables] of t.databases) {
      const e = drop.get(fold(db)) ?? { tables: new Set<string>(), db: false };
      for (const x of tables) e.tables.add(fold(x));
      if (t.renamed.has(db)) e.db = true;
      drop.set(fold(db), e);
    }
  }
  const dbs: CurrentDatabase[] = [];
  for (const d of inventory.current?.Databases ?? []) {
    const e = drop.get(fold(d.DBName));
    if (!e) dbs.push(d);
    else if (e.db) continue;
    else dbs.push({ ...d, Tables: d.Tables === 'unknown' ? 'unknown' : d.Tables.filter((x) => !e.tables.has(fold(x))) });
  }
  return { ...inventory, current: { Databases: dbs } };
}
