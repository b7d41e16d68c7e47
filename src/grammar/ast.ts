// The typed AST of a .restore file. Every node carries a span; the CST never leaves grammar/.
import type { Span } from './source.ts';

/** A database or table name as written: bare (may be a glob pattern) or backquoted (exact). */
export interface NameNode {
  kind: 'Name';
  span: Span;
  /** The name itself: backquotes removed and doubled backquotes undone. */
  value: string;
  /** Written in backquotes: an exact name, never a pattern. */
  quoted: boolean;
  /** Bare and contains glob characters (`* ? [ ] { }`): matched as a pattern, or, as a target, a template. */
  pattern: boolean;
}

export interface InstanceStatement {
  kind: 'Instance';
  span: Span;
  id: NameNode;
}

export interface FromBackupStatement {
  kind: 'FromBackup';
  span: Span;
  backupId: NameNode;
}

/** `from cross-region backup ID`: a backup set copied to another region (RestoreDdrTable, RestoreType 0). */
export interface FromCrossRegionBackupStatement {
  kind: 'FromCrossRegionBackup';
  span: Span;
  backupId: NameNode;
}

/**
 * `from region REGION instance ID`: the instance whose backups a cross-region restore reads and
 * its region (RestoreDdrTable's SourceRegion and SourceDBInstanceName). Its presence makes the
 * spec a cross-region restore; the `instance` statement stays the instance restored into.
 */
export interface FromRegionStatement {
  kind: 'FromRegion';
  span: Span;
  region: NameNode;
  instance: NameNode;
}

export interface AtStatement {
  kind: 'At';
  span: Span;
  /** As written, e.g. `2026-11-20T11:15:00+08:00`. */
  raw: string;
  rawSpan: Span;
  /** Normalised to what the API demands: UTC `yyyy-MM-ddTHH:mm:ssZ`. */
  utc: string;
}

export interface RegionStatement {
  kind: 'Region';
  span: Span;
  region: NameNode;
}

export interface TableItem {
  kind: 'Table';
  span: Span;
  source: NameNode;
  target?: NameNode;
}

export interface ExceptTableItem {
  kind: 'ExceptTable';
  span: Span;
  pattern: NameNode;
}

export type BlockItem = TableItem | ExceptTableItem;

export interface RestoreStatement {
  kind: 'Restore';
  span: Span;
  source: NameNode;
  target?: NameNode;
  /** `except db a, b`: databases a pattern source must leave out. */
  exceptDbs: NameNode[];
  /** The `< ... >` block; absent means every table of the database(s). */
  block?: { span: Span; items: BlockItem[] };
}

/** `instant recovery`: ask RestoreTable for its fast table restore (InstantRecovery=true). */
export interface InstantRecoveryStatement {
  kind: 'InstantRecovery';
  span: Span;
}

export type Statement =
  | InstanceStatement
  | FromBackupStatement
  | FromCrossRegionBackupStatement
  | FromRegionStatement
  | AtStatement
  | RegionStatement
  | InstantRecoveryStatement
  | RestoreStatement;

export interface Comment {
  span: Span;
  /** Including the leading `#`. */
  text: string;
}

export interface Document {
  kind: 'Document';
  span: Span;
  statements: Statement[];
  comments: Comment[];
}
