// The snapshot as hover, completion and go-to-definition see it: the backup contents the spec
// restores from, the databases and tables a name matches there (with the compiler's own
// matchers), and the plan of the latest analysis.
import { compile } from '../compiler/compile.ts';
import { compileName, isDiagnostic } from '../compiler/glob.ts';
import { findContents, isCaseInsensitive, type BackupContents, type ContentDatabase, type Inventory } from '../compiler/inventory.ts';
import { ContentsIndex, matchNames } from '../compiler/lookup.ts';
import type { RestorePlan } from '../compiler/plan.ts';
import { sourceLabel, sourceOf } from '../compiler/source.ts';
import type { Document, NameNode, Span } from '../grammar/index.ts';
import type { Analysis } from './analyze.ts';
import { configFor } from '../lint/config.ts';

export interface Scope {
  inventory: Inventory;
  contents: BackupContents;
  /** E.g. `backup 9026262`, as the compiler's messages name it. */
  label: string;
  index: ContentsIndex;
}

// One index per backup contents of a loaded snapshot: it lives as long as the snapshot does.
const indexes = new WeakMap<BackupContents, ContentsIndex>();

/** The contents the spec restores from (its `from backup`, `from cross-region backup` or `at`), when the snapshot has them. */
export function scopeOf(doc: Document, inventory: Inventory): Scope | undefined {
  const wanted = sourceOf(doc)?.ref;
  if (!wanted) return undefined;
  const contents = findContents(inventory, wanted);
  if (!contents) return undefined;
  let index = indexes.get(contents);
  if (!index) indexes.set(contents, (index = new ContentsIndex(contents, isCaseInsensitive(inventory))));
  return { inventory, contents, label: sourceLabel(wanted), index };
}

export function analysisScope(a: Analysis): Scope | undefined {
  return a.snapshot.kind === 'ok' ? scopeOf(a.parsed.document, a.snapshot.snapshot.inventory) : undefined;
}

/** The databases `name` matches (exact: by the instance's case rules; pattern: picomatch). */
export function matchDatabases(scope: Scope, name: NameNode): ContentDatabase[] {
  const m = compileName(name, scope.index.caseInsensitive, 'database');
  if (isDiagnostic(m)) return [];
  if (m.kind === 'exact') return scope.index.findDatabases(m.name);
  return matchNames(m, scope.contents.Databases.map((d) => d.Database)).map((n) => scope.index.database(n)!);
}

export function matchTables(scope: Scope, db: ContentDatabase, name: NameNode): string[] {
  const m = compileName(name, scope.index.caseInsensitive, 'table');
  if (isDiagnostic(m)) return [];
  if (m.kind === 'exact') return [...scope.index.findTables(db, m.name)];
  return matchNames(m, scope.index.tableList(db));
}

const plans = new WeakMap<Analysis, RestorePlan | null>();

/**
 * The plan of the analysis. `restorec lint` compiles only a spec without syntax errors; while
 * one is being typed, the rest of the file still resolves, so hover compiles the partial tree.
 */
export function planOf(a: Analysis): RestorePlan | undefined {
  if (a.result?.plan) return a.result.plan;
  if (a.snapshot.kind !== 'ok') return undefined;
  let plan = plans.get(a);
  if (plan === undefined) {
    const options = a.config.kind === 'ok' ? (configFor(a.config.config, a.parsed.source.name).compile ?? {}) : {};
    plan = compile({ source: a.parsed.source, document: a.parsed.document, diagnostics: [] }, a.snapshot.snapshot.inventory, options).plan ?? null;
    plans.set(a, plan);
  }
  return plan ?? undefined;
}

export const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
