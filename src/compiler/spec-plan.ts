// What a spec decides without an inventory: its exact entries (names as written, checked for
// what MySQL accepts, collisions between them) and the patterns it leaves unresolved. Lint runs
// its spec-only checks on it and `plan` prints it when there is no inventory; it never becomes a
// request (see docs/language.md, "Without an inventory"). Same diagnostic codes as compile.
import { compareDiagnostics, error, type Diagnostic, type Document, type NameNode, type RestoreStatement, type Span, type Statement } from '../grammar/index.ts';
import { compileName, isDiagnostic, type NameMatcher } from './glob.ts';
import { unusualExactName } from './expand.ts';
import { nameProblem, showName } from './names.ts';
import type { RestorePlan } from './plan.ts';
import { PlanRegistry } from './registry.ts';
import { applyTemplate, targetTemplate, type Template } from './template.ts';

/** A pattern of the spec, left unresolved: only a backup's contents say what it matches. */
export interface UnresolvedPattern {
  /** `database`: a statement's source; `table`: a block item's source. */
  what: 'database' | 'table';
  pattern: string;
  span: Span;
  /** For a table pattern, the database it is matched in (as written: a pattern itself when the statement's source is one). */
  database?: string;
}

export interface SpecPlan {
  /** The exact entries only, names as written: not looked up in any backup. */
  plan: RestorePlan;
  unresolved: UnresolvedPattern[];
  diagnostics: Diagnostic[];
}

const NONE: readonly string[] = [];

const of = <K extends Statement['kind']>(doc: Document, kind: K) => doc.statements.filter((s): s is Extract<Statement, { kind: K }> => s.kind === kind);

const unusedExcept = (node: NameNode, why: string, help?: string): Diagnostic => ({
  code: 'expand/unused-except',
  severity: 'warning',
  message: `\`except ${why.startsWith('the source') ? 'db' : 'table'} ${node.value}\` excludes nothing: ${why}`,
  span: node.span,
  ...(help ? { help } : {}),
});

/**
 * Expands a parsed spec (without syntax errors) as far as the spec alone allows. `caseInsensitive`
 * is how names compare on the instance; without an inventory the strictest assumption is that
 * names differing only by case are one name (RDS's default, lower_case_table_names 1).
 * Undefined when the spec lacks its instance or source statement (the parser reported it).
 */
export function expandSpec(file: string, doc: Document, caseInsensitive: boolean): SpecPlan | undefined {
  const instance = of(doc, 'Instance')[0];
  const backup = of(doc, 'FromBackup')[0];
  const at = of(doc, 'At')[0];
  if (!instance || !(backup ?? at)) return undefined;
  const diagnostics: Diagnostic[] = [];
  const unresolved: UnresolvedPattern[] = [];
  const registry = new PlanRegistry(caseInsensitive);
  for (const r of of(doc, 'Restore')) expandStatement(r, caseInsensitive, registry, diagnostics, unresolved);
  for (const d of registry.diagnostics) diagnostics.push(d);
  const plan: RestorePlan = {
    file,
    instanceId: instance.id.value,
    ...(backup ? { backupId: backup.backupId.value } : { restoreTime: at!.utc }),
    caseInsensitive,
    ...(of(doc, 'InstantRecovery').length > 0 ? { instantRecovery: true } : {}),
    databases: registry.databases(),
  };
  return { plan, unresolved, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function expandStatement(r: RestoreStatement, ci: boolean, main: PlanRegistry, diagnostics: Diagnostic[], unresolved: UnresolvedPattern[]): void {
  const compiled = (node: NameNode, what: 'database' | 'table'): NameMatcher | undefined => {
    const m = compileName(node, ci, what);
    if (isDiagnostic(m)) return void diagnostics.push(m);
    return m;
  };
  const unusual = (node: NameNode, what: string) => {
    const d = unusualExactName(node, what);
    if (d) diagnostics.push(d);
  };
  const template = (target: NameNode | undefined, source: NameMatcher): Template | undefined | false => {
    if (!target) return undefined;
    const t = targetTemplate(target, source);
    if ('severity' in t) return void diagnostics.push(t), false;
    return t;
  };
  const db = compiled(r.source, 'database');
  if (!db) return;
  if (db.kind === 'exact') unusual(r.source, 'database');
  const dbTemplate = template(r.target, db);
  if (dbTemplate === false) return;
  if (dbTemplate?.fixed && r.target) unusual(r.target, 'target database');
  for (const node of r.exceptDbs) {
    if (compiled(node, 'database') && db.kind === 'exact') diagnostics.push(unusedExcept(node, 'the source is an exact name'));
  }
  const items: { node: NameNode; target: NameNode | undefined; matcher: NameMatcher; template: Template | undefined; origin: Span }[] = [];
  const excepts: NameNode[] = [];
  // An item that cannot work is reported and left out; the others are still checked (offline,
  // each item's own problems are all there is to find, so one bad item hides nothing else).
  for (const item of r.block?.items ?? []) {
    const node = item.kind === 'Table' ? item.source : item.pattern;
    const matcher = compiled(node, 'table');
    if (!matcher) continue;
    if (item.kind === 'ExceptTable') {
      excepts.push(node);
      continue;
    }
    if (matcher.kind === 'exact') unusual(node, 'table');
    const t = template(item.target, matcher);
    if (t === false) continue;
    if (t?.fixed && item.target) unusual(item.target, 'target table');
    items.push({ node, target: item.target, matcher, template: t, origin: item.span });
  }
  // `except table` only removes what the block's patterns match: with no pattern, nothing.
  if (!r.block?.items.some((i) => i.kind === 'Table' && i.source.pattern)) {
    for (const node of excepts) diagnostics.push(unusedExcept(node, 'no table a pattern of this block matches is named so', "`except table` removes names from the block's patterns; it never removes a table listed by its exact name"));
  }
  if (db.kind === 'pattern') unresolved.push({ what: 'database', pattern: db.node.value, span: db.node.span });
  // Under a database pattern the exact tables are the same in every database it matches: their
  // collisions are certain, but the entries are not the plan's (the databases are unknown).
  const registry = db.kind === 'exact' ? main : new PlanRegistry(ci);
  const dbName = db.kind === 'exact' ? db.name : db.node.value;
  let dbTarget = dbName;
  if (db.kind === 'exact' && dbTemplate) {
    dbTarget = applyTemplate(dbTemplate, db.name, NONE);
    const why = dbTemplate.fixed ? undefined : nameProblem(dbTarget);
    if (why) return void diagnostics.push(error('names/invalid-target', `the target database name ${showName(dbTarget)} (for ${showName(db.name)}) ${why}`, r.target!.span));
  }
  const entry = registry.database(dbName, dbTarget, r.source.span, false);
  if (!entry) return;
  if (!r.block) {
    registry.markWhole(entry);
    return;
  }
  for (const { node, target: targetNode, matcher, template: t, origin } of items) {
    if (matcher.kind === 'pattern') {
      unresolved.push({ what: 'table', pattern: matcher.node.value, span: node.span, database: dbName });
      continue;
    }
    const target = t ? applyTemplate(t, matcher.name, NONE) : matcher.name;
    const why = t && !t.fixed ? nameProblem(target) : undefined;
    if (why) {
      diagnostics.push(error('names/invalid-target', `the target table name ${showName(target)} (for ${showName(matcher.name)}) ${why}`, (targetNode ?? node).span));
      continue;
    }
    registry.table(entry, { source: matcher.name, target, origin }, false);
  }
  if (registry !== main) for (const d of registry.diagnostics) diagnostics.push(d);
}
