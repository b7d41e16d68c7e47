// `restorec plan` output for people: every source → target with the place in the spec that
// asked for it, grouped by database, then the requests (with splits) that will be sent.
// Text for terminals, Markdown for a pull-request comment. Pure: strings in, string out.
import type { SourceFile, Span } from '../grammar/index.ts';
import { MAX_TABLES_PER_REQUEST, type RestoreRequest } from './emit.ts';
import type { CompileOptions, PlanDatabase, RestorePlan } from './plan.ts';
import { DEFAULT_MAX_ENTRIES } from './plan.ts';
import { displayName, visibleName } from './names.ts';
import { markdownCode } from '../grammar/markdown.ts';

export type PlanFormat = 'text' | 'markdown';

export interface PlanView {
  plan: RestorePlan;
  source: SourceFile;
  requests: readonly RestoreRequest[];
  entries: readonly number[];
  options?: CompileOptions;
}


/** `file:line:column` of a span. */
export function origin(source: SourceFile, span: Span): string {
  const p = source.position(span.start);
  return `${source.name}:${p.line}:${p.column}`;
}

/** What each request holds, e.g. `shop → shop_r (49 tables)`, read back from its TableMeta. */
function requestContents(r: RestoreRequest): { name: string; newname: string; tables?: number }[] {
  const meta = JSON.parse(r.TableMeta) as { name: string; newname: string; tables?: unknown[] }[];
  return meta.map((d) => ({ name: d.name, newname: d.newname, ...(d.tables ? { tables: d.tables.length } : {}) }));
}

function sourceLine(plan: RestorePlan): string {
  const x = plan.crossRegion;
  if (x) return `${plan.backupId !== undefined ? `cross-region backup ${plan.backupId}` : `point in time ${plan.restoreTime}`} of ${x.instanceId} in region ${x.region}`;
  return plan.backupId !== undefined ? `backup ${plan.backupId}` : `point in time ${plan.restoreTime}`;
}

/** A cross-region plan runs RestoreDdrTable, with the RestoreType its source takes. */
function operationLine(plan: RestorePlan): string | undefined {
  if (!plan.crossRegion) return undefined;
  return plan.backupId !== undefined ? 'RestoreDdrTable, RestoreType 0 (a cross-region backup set)' : 'RestoreDdrTable, RestoreType 1 (a cross-region point in time)';
}

function dbNote(db: PlanDatabase, options: CompileOptions | undefined): string {
  if (!db.whole) return '';
  return options?.wholeDatabase === 'db-entry' ? ' (whole database, sent as a db entry without tables: UNCONFIRMED form)' : ` (whole database: all ${db.tables.length} tables listed)`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderPlanText(v: PlanView): string {
  const { plan, source } = v;
  const total = v.entries.reduce((a, b) => a + b, 0);
  const max = v.options?.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const op = operationLine(plan);
  const out = [`plan for ${plan.file}`, `  instance  ${plan.instanceId}`, `  source    ${sourceLine(plan)}`, ...(op ? [`  operation ${op}`] : []), `  names     ${plan.caseInsensitive ? 'case-insensitive (lower_case_table_names 1 or 2)' : 'case-sensitive'}`];
  if (plan.instantRecovery) out.push('  restore   instant recovery (fast table restore: InstantRecovery=true)');
  out.push(`  ${plural(v.requests.length, 'request')}, ${plural(total, 'entry').replace('entrys', 'entries')} (at most ${max} entries and ${MAX_TABLES_PER_REQUEST} tables per request)`);
  for (const db of plan.databases) {
    out.push('', `db ${displayName(db.source)} -> ${displayName(db.target)}${dbNote(db, v.options)}  ${origin(source, db.origin)}`);
    const rows = db.tables.map((t) => [`  table ${displayName(t.source)} -> ${displayName(t.target)}`, origin(source, t.origin)] as const);
    for (const line of aligned(rows)) out.push(line); // not push(...): 130,000 rows are too many arguments
  }
  out.push('', v.requests.length > 1 ? `requests (split: run one after another, in this order):` : 'request:');
  v.requests.forEach((r, i) => {
    const dbs = requestContents(r).map((d) => `${displayName(d.name)} -> ${displayName(d.newname)}${d.tables !== undefined ? ` (${plural(d.tables, 'table')})` : ' (db entry)'}`);
    out.push(`  ${i + 1}/${v.requests.length}  ${r.ClientToken}  ${plural(v.entries[i] ?? 0, 'entry').replace('entrys', 'entries')}: ${dbs.join(', ')}`);
  });
  return out.join('\n') + '\n';
}

/** Rows of `left  right`, the right column aligned (up to 72 characters of left). */
export function aligned(rows: readonly (readonly [string, string])[]): string[] {
  // A loop, not Math.max(...rows): a database of 130,000 tables is more arguments than a call takes.
  let width = 0;
  for (const r of rows) width = Math.max(width, Math.min(72, r[0].length));
  return rows.map(([left, right]) => `${left.padEnd(width)}  ${right}`);
}

/** A Markdown code span that survives any name: control and invisible characters escaped, pipes escaped for tables (markdownCode). */
export function code(name: string): string {
  return markdownCode(visibleName(name).replace(/\|/g, '\\|'));
}

export function renderPlanMarkdown(v: PlanView): string {
  const { plan, source } = v;
  const total = v.entries.reduce((a, b) => a + b, 0);
  const max = v.options?.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const out = [
    `### restorec plan: ${code(plan.file)}`,
    '',
    `- **Instance:** ${code(plan.instanceId)}`,
    `- **Source:** ${plan.backupId !== undefined ? `${plan.crossRegion ? 'cross-region backup' : 'backup'} ${code(plan.backupId)}` : `point in time ${code(plan.restoreTime ?? '')}`}${plan.crossRegion ? ` of ${code(plan.crossRegion.instanceId)} in region ${code(plan.crossRegion.region)}` : ''}`,
    ...(plan.crossRegion ? [`- **Operation:** ${operationLine(plan)}`] : []),
    `- **Names:** ${plan.caseInsensitive ? 'case-insensitive' : 'case-sensitive'}`,
    ...(plan.instantRecovery ? ['- **Restore:** instant recovery (fast table restore: `InstantRecovery=true`)'] : []),
    `- **Requests:** ${v.requests.length} (${total} entries, at most ${max} entries and ${MAX_TABLES_PER_REQUEST} tables per request${v.requests.length > 1 ? '; run one after another' : ''})`,
  ];
  for (const db of plan.databases) {
    out.push('', `#### ${code(db.source)} → ${code(db.target)}${dbNote(db, v.options)}`, '', `Asked for at ${code(origin(source, db.origin))}.`, '', '| source table | target table | origin |', '|---|---|---|');
    for (const t of db.tables) out.push(`| ${code(t.source)} | ${code(t.target)} | ${code(origin(source, t.origin))} |`);
  }
  out.push('', '#### Requests', '', '| # | ClientToken | entries | databases |', '|---|---|---|---|');
  v.requests.forEach((r, i) => {
    const dbs = requestContents(r).map((d) => `${code(d.name)} → ${code(d.newname)}${d.tables !== undefined ? ` (${plural(d.tables, 'table')})` : ''}`);
    out.push(`| ${i + 1} | ${code(r.ClientToken)} | ${v.entries[i] ?? 0} | ${dbs.join(', ')} |`);
  });
  return out.join('\n') + '\n';
}

export function renderPlan(v: PlanView, format: PlanFormat): string {
  return format === 'markdown' ? renderPlanMarkdown(v) : renderPlanText(v);
}
