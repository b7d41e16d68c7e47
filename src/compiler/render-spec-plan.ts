// `restorec plan` of a spec with no inventory: what the spec alone decides (its exact entries,
// names as written) and the patterns left unresolved, said plainly, with no requests: a request
// is only made against a backup's contents. Text, Markdown and a JSON document.
import type { SourceFile, Span } from '../grammar/index.ts';
import { showName } from './names.ts';
import { aligned, code, origin, type PlanFormat } from './render-plan.ts';
import type { SpecPlan } from './spec-plan.ts';

export interface SpecPlanView {
  spec: SpecPlan;
  source: SourceFile;
}

const PLAIN = /^[\p{L}\p{N}_$*?\[\]{}-]+$/u;
const display = (name: string): string => (PLAIN.test(name) ? name : showName(name));

const NOT_CHECKED = 'without an inventory: names as written, not checked against the backup; patterns unresolved; no requests';
const names = (ci: boolean) => (ci ? 'assumed case-insensitive (the strictest; set lowerCaseTableNames 0 in restorec.config.json for a case-sensitive instance)' : 'case-sensitive (lowerCaseTableNames 0 in the config)');

function wholeNote(whole: boolean): string {
  return whole ? ' (whole database: its tables are known only from the backup)' : '';
}

export function renderSpecPlanText({ spec, source }: SpecPlanView): string {
  const { plan, unresolved } = spec;
  const out = [`plan for ${plan.file} (${NOT_CHECKED})`, `  instance  ${plan.instanceId}`, `  source    ${plan.backupId !== undefined ? `backup ${plan.backupId}` : `point in time ${plan.restoreTime}`}`, `  names     ${names(plan.caseInsensitive)}`];
  if (plan.instantRecovery) out.push('  restore   instant recovery (fast table restore: InstantRecovery=true)');
  for (const db of plan.databases) {
    out.push('', `db ${display(db.source)} -> ${display(db.target)}${wholeNote(db.whole)}  ${origin(source, db.origin)}`);
    const rows = db.tables.map((t) => [`  table ${display(t.source)} -> ${display(t.target)}`, origin(source, t.origin)] as const);
    for (const line of aligned(rows)) out.push(line); // not push(...): 130,000 rows are too many arguments
  }
  if (unresolved.length > 0) {
    out.push('', 'unresolved (what a pattern matches is known only from the backup):');
    for (const u of unresolved) out.push(`  ${u.what === 'database' ? 'db' : 'table'} pattern ${display(u.pattern)}${u.database !== undefined ? ` in db ${display(u.database)}` : ''}  ${origin(source, u.span)}`);
  }
  out.push('', 'requests: none without an inventory (pass --inventory SNAPSHOT, or keep NAME.inventory.json beside the spec)');
  return out.join('\n') + '\n';
}

export function renderSpecPlanMarkdown({ spec, source }: SpecPlanView): string {
  const { plan, unresolved } = spec;
  const out = [
    `### restorec plan: ${code(plan.file)} (no inventory)`,
    '',
    `> ${NOT_CHECKED[0]!.toUpperCase()}${NOT_CHECKED.slice(1)}.`,
    '',
    `- **Instance:** ${code(plan.instanceId)}`,
    `- **Source:** ${plan.backupId !== undefined ? `backup ${code(plan.backupId)}` : `point in time ${code(plan.restoreTime ?? '')}`}`,
    `- **Names:** ${plan.caseInsensitive ? 'assumed case-insensitive' : 'case-sensitive'}`,
    ...(plan.instantRecovery ? ['- **Restore:** instant recovery (fast table restore: `InstantRecovery=true`)'] : []),
  ];
  for (const db of plan.databases) {
    out.push('', `#### ${code(db.source)} → ${code(db.target)}${wholeNote(db.whole)}`, '', `Asked for at ${code(origin(source, db.origin))}.`);
    if (db.tables.length > 0) out.push('', '| source table | target table | origin |', '|---|---|---|');
    for (const t of db.tables) out.push(`| ${code(t.source)} | ${code(t.target)} | ${code(origin(source, t.origin))} |`);
  }
  if (unresolved.length > 0) {
    out.push('', '#### Unresolved patterns', '', '| pattern | in database | origin |', '|---|---|---|');
    for (const u of unresolved) out.push(`| ${u.what} ${code(u.pattern)} | ${u.database !== undefined ? code(u.database) : ''} | ${code(origin(source, u.span))} |`);
  }
  return out.join('\n') + '\n';
}

export function renderSpecPlan(v: SpecPlanView, format: PlanFormat): string {
  return format === 'markdown' ? renderSpecPlanMarkdown(v) : renderSpecPlanText(v);
}

/** The JSON document of `plan --format json` for a spec without an inventory. */
export function specPlanJson({ spec, source }: SpecPlanView): unknown {
  const { plan, unresolved } = spec;
  const at = (span: Span) => {
    const p = source.position(span.start);
    return { line: p.line, column: p.column };
  };
  return {
    file: plan.file,
    resolved: false,
    instanceId: plan.instanceId,
    source: plan.backupId !== undefined ? { backupId: plan.backupId } : { restoreTime: plan.restoreTime },
    caseInsensitive: plan.caseInsensitive,
    instantRecovery: plan.instantRecovery === true,
    databases: plan.databases.map((d) => ({ source: d.source, target: d.target, whole: d.whole, ...at(d.origin), tables: d.tables.map((t) => ({ source: t.source, target: t.target, ...at(t.origin) })) })),
    unresolved: unresolved.map((u) => ({ what: u.what, pattern: u.pattern, ...(u.database !== undefined ? { database: u.database } : {}), ...at(u.span) })),
    requests: [],
  };
}
