// The RestorePlan: every source → target a spec resolves to against an inventory, each with
// the span of the spec that asked for it. Emission and `restorec plan` read only this.
import type { Span } from '../grammar/index.ts';
import type { ScannerCache } from './lookup.ts';

export interface PlanTable {
  source: string;
  target: string;
  /** The block item (or, for a whole database, the statement's source name) it came from. */
  origin: Span;
}

export interface PlanDatabase {
  source: string;
  target: string;
  origin: Span;
  /** Restored without a block: every table the backup holds is listed in `tables`. */
  whole: boolean;
  tables: PlanTable[];
}

export interface RestorePlan {
  file: string;
  instanceId: string;
  /** Exactly one of backupId and restoreTime is set. */
  backupId?: string;
  restoreTime?: string;
  /**
   * A cross-region source (RestoreDdrTable): backupId is then a CrossBackupId, and a point in
   * time is of `instanceId` in `region` (SourceDBInstanceName, SourceRegion).
   */
  crossRegion?: { region: string; instanceId: string };
  caseInsensitive: boolean;
  /** `instant recovery`: RestoreTable's fast table restore (InstantRecovery=true). */
  instantRecovery?: boolean;
  /** In file order: databases in the order first asked for, tables in item order, expansions sorted. */
  databases: PlanDatabase[];
}

/** How a database restored without a block is emitted. */
export type WholeDatabaseMode =
  /** A db entry listing every table of the backup: the documented, confirmed form (default). */
  | 'tables'
  /** A db entry without `tables`: UNCONFIRMED that MySQL instances restore the whole database. */
  | 'db-entry';

export interface CompileOptions {
  wholeDatabase?: WholeDatabaseMode;
  /** Entries (databases + tables) per RestoreTable request before splitting; default 50 (the console's limit; the API takes 100 tables). */
  maxEntries?: number;
  /**
   * false: emission decides its diagnostics and counts each request's entries, and makes no
   * request (`requests` is empty): no TableMeta text, no ClientToken hash (nor loading
   * node:crypto, a tenth of a pre-commit hook's start-up). Lint reads only the plan and the
   * diagnostics. Default true.
   */
  requests?: boolean;
  /** Made once for a run that compiles many specs (lint), to share what their blocks scan: see ScannerCache. */
  scanners?: ScannerCache;
}

export const DEFAULT_MAX_ENTRIES = 50;
