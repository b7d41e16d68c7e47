// Hover: what a name restores (sources and targets from the snapshot, first N and a count),
// what a suppressed rule is, and when an `at` time is in UTC and in the configured zone.
import type { Hover } from 'vscode-languageserver';
import type { AtStatement, BlockItem, NameNode, RestoreStatement } from '../grammar/index.ts';
import { rules } from '../lint/registry.ts';
import { configFor, resolveRules, ruleIdOf } from '../lint/config.ts';
import type { PlanDatabase, PlanTable } from '../compiler/plan.ts';
import type { CrossRegionInventory } from '../compiler/inventory.ts';
import { ruleDocUrl, type Analysis } from './analyze.ts';
import { locate, type Located } from './locate.ts';
import { toRange } from './positions.ts';
import { analysisScope, matchDatabases, matchTables, planOf, sameSpan } from './scope.ts';
import { describeInstant } from './time.ts';
import { markdownBlock, markdownCode, markdownText } from '../grammar/markdown.ts';
import { visibleName } from '../compiler/names.ts';

export interface HoverSettings {
  /** How many names a hover lists before "and N more". */
  limit: number;
  /** IANA time zone for `at` times; undefined: the server's local zone. */
  timeZone: string | undefined;
}

// Names and values come from the spec and the snapshot: shown as themselves, never as Markdown.
const code = (s: string) => markdownCode(visibleName(s));
const text = markdownText;
const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

function listing(lines: string[], total: number, limit: number): string {
  const shown = lines.slice(0, limit);
  const more = total - shown.length;
  return markdownBlock([...shown.map(visibleName), ...(more > 0 ? [`… and ${more} more`] : [])]);
}

/** Why there is nothing to list: no snapshot, a broken one, or one for another source. */
function noSnapshot(a: Analysis): string {
  if (a.snapshot.kind === 'broken') return `The snapshot ${code(a.snapshot.path)} is not valid (see the problem on line 1), so what this restores is unknown.`;
  if (a.snapshot.kind === 'none') return `No snapshot beside this spec${a.snapshot.path ? ` (${code(a.snapshot.path.split(/[\\/]/).pop() ?? '')})` : ''}: \`restorec inventory pull\` writes one, and hover then lists what this restores.`;
  return 'The snapshot does not list the contents of this spec\'s backup or point in time (see the diagnostics).';
}

function databaseHover(a: Analysis, s: RestoreStatement, limit: number): string {
  const plan = planOf(a);
  if (!plan) return noSnapshot(a);
  const dbs = plan.databases.filter((d) => sameSpan(d.origin, s.source.span));
  const scope = analysisScope(a);
  const where = scope ? ` of ${scope.label}` : '';
  if (dbs.length === 0) return `${code(s.source.value)} restores no database${where}.`;
  const width = Math.max(...dbs.slice(0, limit).map((d) => d.source.length));
  const lines = dbs.map((d) => `${d.source.padEnd(width)} → ${d.target}  (${d.whole ? 'all ' : ''}${plural(d.tables.length, 'table')})`);
  const tables = dbs.reduce((n, d) => n + d.tables.length, 0);
  return `${code(s.source.value)} restores ${plural(dbs.length, 'database')} (${plural(tables, 'table')} in all)${where}:\n\n${listing(lines, dbs.length, limit)}`;
}

function itemHover(a: Analysis, item: BlockItem & { kind: 'Table' }, limit: number): string {
  const plan = planOf(a);
  if (!plan) return noSnapshot(a);
  const rows: { db: PlanDatabase; t: PlanTable }[] = [];
  for (const db of plan.databases) for (const t of db.tables) if (sameSpan(t.origin, item.span)) rows.push({ db, t });
  const scope = analysisScope(a);
  const where = scope ? ` of ${scope.label}` : '';
  if (rows.length === 0) return `${code(item.source.value)} restores no table${where}.`;
  const shown = rows.slice(0, limit).map(({ db, t }) => [`${db.source}.${t.source}`, `${db.target}.${t.target}`] as const);
  const width = Math.max(...shown.map(([from]) => from.length));
  return `${code(item.source.value)} restores ${plural(rows.length, 'table')}${where}:\n\n${listing(shown.map(([from, to]) => `${from.padEnd(width)} → ${to}`), rows.length, limit)}`;
}

function exceptTableHover(a: Analysis, s: RestoreStatement, item: BlockItem & { kind: 'ExceptTable' }, limit: number): string {
  const scope = analysisScope(a);
  if (!scope) return noSnapshot(a);
  const names: string[] = [];
  for (const db of matchDatabases(scope, s.source)) for (const t of matchTables(scope, db, item.pattern)) names.push(`${db.Database}.${t}`);
  if (names.length === 0) return `${code(item.pattern.value)} matches no table of the databases this statement restores.`;
  return `${code(item.pattern.value)} leaves out ${plural(names.length, 'table')} the block's patterns would restore:\n\n${listing(names, names.length, limit)}`;
}

function exceptDbHover(a: Analysis, located: { name: NameNode }, limit: number): string {
  const scope = analysisScope(a);
  if (!scope) return noSnapshot(a);
  const names = matchDatabases(scope, located.name).map((d) => d.Database);
  if (names.length === 0) return `${code(located.name.value)} matches no database of ${scope.label}.`;
  return `${code(located.name.value)} leaves out ${plural(names.length, 'database')}:\n\n${listing(names, names.length, limit)}`;
}

function ruleHover(a: Analysis, id: string): string {
  // A compiler code (`expand/no-match`) stands for the rule that owns it.
  const rule = rules.find((r) => r.id === ruleIdOf(id, rules));
  if (!rule) return `No rule is called ${code(id)}; \`restorec rules\` lists them.`;
  // As lint sees it for this spec: with the config's overrides for its path.
  const config = a.config.kind === 'ok' ? configFor(a.config.config, a.parsed.source.name) : {};
  const severity = resolveRules(config, [rule])[0]!.severity;
  const href = ruleDocUrl(rule.id);
  const alias = rule.id === id ? '' : ` (${code(id)} is another name for it)`;
  return `**${rule.id}**${alias} (${severity}${a.config.kind === 'ok' ? ` in ${a.config.path.split(/[\\/]/).pop()}` : ' by default'})\n\n${rule.description}${href ? `\n\n[Documentation](${href})` : ''}`;
}

function timeHover(a: Analysis, at: AtStatement, timeZone: string | undefined): string {
  const lines = describeInstant(at.utc, at.raw, timeZone);
  const window = a.snapshot.kind === 'ok' ? a.snapshot.snapshot.inventory.recoveryWindow : undefined;
  if (window) lines.push(`Recovery window in the snapshot: ${text(window.RecoveryBeginTime)} to ${text(window.RecoveryEndTime)}`);
  return lines.join('  \n');
}

function factsHover(a: Analysis, located: Located & { kind: 'instance' | 'backup' | 'region' | 'cross-backup' | 'source-region' | 'source-instance' }): string | undefined {
  if (a.snapshot.kind !== 'ok') return undefined;
  const inv = a.snapshot.snapshot.inventory;
  if (located.kind === 'instance') {
    const i = inv.instance;
    const facts = [`${i.Engine} ${i.EngineVersion}`, i.Category, i.DBInstanceStatus].filter(Boolean).map((f) => text(f!));
    facts.push(`lower_case_table_names=${i.lower_case_table_names}`);
    return `**${text(i.DBInstanceId)}** in the snapshot${inv.capturedAt ? ` of ${text(inv.capturedAt)}` : ''}: ${facts.join(', ')}`;
  }
  if (located.kind === 'backup') {
    const b = inv.backups?.find((x) => x.BackupId === located.name.value);
    if (!b) return `Backup ${code(located.name.value)} is not among the snapshot's backups.`;
    const facts = [b.BackupStatus, b.BackupMethod, b.BackupType, b.BackupStartTime && `${b.BackupStartTime} to ${b.BackupEndTime ?? '?'}`, b.MetaStatus && `meta ${b.MetaStatus}`].filter(Boolean);
    return `**Backup ${text(b.BackupId)}**: ${facts.map((f) => text(String(f))).join(', ')}`;
  }
  if (located.kind === 'region') return inv.instance.RegionId ? `The snapshot's instance is in ${code(inv.instance.RegionId)}.` : undefined;
  return crossRegionHover(inv.crossRegion, located.kind, located.name.value);
}

/** What the snapshot says about a cross-region source and its backup sets. */
function crossRegionHover(x: CrossRegionInventory | undefined, kind: 'cross-backup' | 'source-region' | 'source-instance', value: string): string | undefined {
  if (!x) return 'The snapshot has no cross-region source (`restorec inventory pull --from-region ... --from-instance ...` reads one).';
  if (kind !== 'cross-backup') {
    const usable = (x.backups ?? []).filter((b) => b.BackupSetStatus === 0).length;
    const what = x.supported === false ? 'its region does not support cross-region backup' : x.backups ? `${x.backups.length} cross-region backup set(s), ${usable} succeeded` : 'its cross-region backups are not in the snapshot';
    const window = x.recoveryWindow ? `; cross-region recovery window ${text(x.recoveryWindow.RecoveryBeginTime)} to ${text(x.recoveryWindow.RecoveryEndTime)}` : '';
    return `Cross-region source in the snapshot: **${text(x.DBInstanceId)}** in ${code(x.RegionId)}: ${what}${window}.`;
  }
  const b = x.backups?.find((y) => y.CrossBackupId === value);
  if (!b) return `Cross-region backup ${code(value)} is not among the snapshot's cross-region backups of ${text(x.DBInstanceId)}.`;
  const facts = [b.BackupSetStatus === 0 ? 'succeeded' : 'failed', b.ConsistentTime && `data as of ${b.ConsistentTime}`, b.CrossBackupRegion && `stored in ${b.CrossBackupRegion}`, b.RestoreRegions && `restores to ${b.RestoreRegions.join(', ')}`].filter(Boolean);
  return `**Cross-region backup ${text(b.CrossBackupId)}** of ${text(x.DBInstanceId)}: ${facts.map((f) => text(String(f))).join(', ')}`;
}

export function hover(a: Analysis, offset: number, settings: HoverSettings): Hover | null {
  const located = locate(a.parsed.document, a.parsed.source, offset);
  if (!located) return null;
  let value: string | undefined;
  let span;
  switch (located.kind) {
    case 'restore-source':
    case 'restore-target':
      value = databaseHover(a, located.statement, settings.limit);
      span = located.name.span;
      break;
    case 'table-source':
    case 'table-target':
      value = itemHover(a, located.item as BlockItem & { kind: 'Table' }, settings.limit);
      span = located.name.span;
      break;
    case 'except-table':
      value = exceptTableHover(a, located.statement, located.item as BlockItem & { kind: 'ExceptTable' }, settings.limit);
      span = located.name.span;
      break;
    case 'except-db':
      value = exceptDbHover(a, located, settings.limit);
      span = located.name.span;
      break;
    case 'rule-id':
      value = ruleHover(a, located.rule.id);
      span = located.rule.span;
      break;
    case 'time':
      value = timeHover(a, located.statement, settings.timeZone ?? (a.config.kind === 'ok' ? a.config.config.timeZone : undefined));
      span = located.statement.rawSpan;
      break;
    default:
      value = factsHover(a, located);
      span = located.name.span;
  }
  if (value === undefined) return null;
  return { contents: { kind: 'markdown', value }, range: toRange(a.parsed.source, span) };
}
