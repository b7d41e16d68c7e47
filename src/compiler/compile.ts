// compile: a parsed spec and an inventory → RestorePlan, RestoreTable (or RestoreDdrTable) requests and diagnostics.
// Pure: no files, no clock, no network; the same input always gives the same bytes.
import { compareDiagnostics, error, type Diagnostic, type Document, type SourceFile, type Statement } from '../grammar/index.ts';
import { emitRequests, type RestoreRequest } from './emit.ts';
import { Expander } from './expand.ts';
import { baseCrossBackup, findContents, isCaseInsensitive, type CrossRegionInventory, type Inventory, type SourceRef } from './inventory.ts';
import { sourceLabel, sourceOf } from './source.ts';
import { ContentsIndex } from './lookup.ts';
import type { CompileOptions, RestorePlan } from './plan.ts';
import { asOwned, type OwnedSeverity } from './problem-ids.ts';

export interface CompileInput {
  source: SourceFile;
  document: Document;
  /** The parser's diagnostics: compiling stops at the first error among them. */
  diagnostics: Diagnostic[];
}

export interface CompileResult {
  /** Absent when the spec could not be resolved at all (syntax errors, wrong snapshot). */
  plan?: RestorePlan;
  /** Empty whenever `diagnostics` holds an error: a partial restore is never emitted. */
  requests: RestoreRequest[];
  /** Entries (databases + tables) per request. */
  entries: number[];
  diagnostics: Diagnostic[];
}

const of = <K extends Statement['kind']>(doc: Document, kind: K) => doc.statements.filter((s): s is Extract<Statement, { kind: K }> => s.kind === kind);

const hasError = (list: readonly Diagnostic[]) => list.some((d) => d.severity === 'error');

/**
 * Why the API cannot list a source's contents, when the inventory shows it: the live reader then
 * does not ask (the call would fail), and a lint rule reports the cause on the spec's line.
 */
function unlistable(inventory: Inventory, wanted: SourceRef): string | undefined {
  if (wanted.crossRegion) return crossUnlistable(inventory.crossRegion, wanted);
  if (wanted.backupId !== undefined) {
    if (!inventory.backups) return undefined;
    const b = inventory.backups.find((x) => x.BackupId === wanted.backupId);
    if (!b) return 'the instance has no such backup (backup-usable)';
    if (b.BackupStatus !== 'Success' || b.MetaStatus !== 'OK') return 'the backup cannot restore individual tables (backup-usable)';
    return undefined;
  }
  const w = inventory.recoveryWindow;
  if (w === null) return 'log backup is off (log-backup-required)';
  const t = Date.parse(wanted.restoreTime ?? '');
  if (w && (t < Date.parse(w.RecoveryBeginTime) || t > Date.parse(w.RecoveryEndTime))) return 'the time is outside the recovery window (restore-time-window)';
  return undefined;
}

/** The same for a cross-region source; each reason names the rule that reports it. */
function crossUnlistable(x: CrossRegionInventory | undefined, wanted: SourceRef): string | undefined {
  if (!x) return undefined;
  if (x.supported === false) return 'the source region does not support cross-region backup (cross-region-supported)';
  if (!x.backups) return undefined;
  const id = wanted.backupId ?? (wanted.restoreTime !== undefined ? baseCrossBackup(x.backups, wanted.restoreTime)?.CrossBackupId : undefined);
  if (id === undefined) return 'no cross-region backup set of the source stands at or before that time (cross-region-backup-available)';
  const b = x.backups.find((y) => y.CrossBackupId === id);
  if (!b) return 'the source has no such cross-region backup (cross-region-backup-usable)';
  if (b.BackupSetStatus !== 0) return 'the cross-region backup failed (cross-region-backup-usable)';
  const refused = x.refusals?.find((r) => r.CrossBackupId === id);
  if (refused) return `the API answered ${refused.Code} for cross-region backup ${id} (${wanted.backupId !== undefined ? 'cross-region-backup-usable' : 'cross-region-backup-available'})`;
  return undefined;
}

/** The `restorec inventory pull` that lists the contents of a source. */
function pullCommand(instanceId: string, wanted: SourceRef): string {
  const x = wanted.crossRegion;
  const from = x ? ` --from-region ${x.region} --from-instance ${x.instanceId}` : '';
  const which = wanted.backupId !== undefined ? (x ? `--cross-backup ${wanted.backupId}` : `--backup ${wanted.backupId}`) : `--at ${wanted.restoreTime}`;
  return `restorec inventory pull --instance ${instanceId}${from} ${which} -o SNAPSHOT.json`;
}

/**
 * `severityOf`: the owning rule's severity from the config and suppression comments (`restorec
 * compile` and `plan` pass it); without it each owned problem has its rule's default severity.
 */
export function compile(input: CompileInput, inventory: Inventory, options: CompileOptions = {}, severityOf?: OwnedSeverity): CompileResult {
  const diagnostics = [...input.diagnostics];
  const none = (): CompileResult => ({ requests: [], entries: [], diagnostics: diagnostics.sort(compareDiagnostics) });
  if (hasError(diagnostics)) return none();
  const doc = input.document;
  const instance = of(doc, 'Instance')[0];
  const source = sourceOf(doc);
  if (!instance || !source) return none(); // the grammar already reported it
  const sourceStatement = source.statement;

  const instanceId = instance.id.value;
  if (instanceId !== inventory.instance.DBInstanceId) {
    diagnostics.push(error('inventory/instance-mismatch', `the spec restores into ${instanceId} but the inventory describes ${inventory.instance.DBInstanceId}`, instance.id.span, {
      help: `check the spec's instance id, or use a snapshot of ${instanceId} (restorec inventory pull --instance ${instanceId} -o SNAPSHOT.json writes one)`,
    }));
    return none();
  }
  const wanted = source.ref;
  const x = inventory.crossRegion;
  if (wanted.crossRegion && x && (x.DBInstanceId !== wanted.crossRegion.instanceId || x.RegionId !== wanted.crossRegion.region)) {
    const from = of(doc, 'FromRegion')[0]!;
    diagnostics.push(error('inventory/cross-region-mismatch', `the spec restores from ${wanted.crossRegion.instanceId} in ${wanted.crossRegion.region} but the inventory's cross-region source is ${x.DBInstanceId} in ${x.RegionId}`, from.span, {
      help: `take a snapshot of this source: restorec inventory pull --instance ${instanceId} --from-region ${wanted.crossRegion.region} --from-instance ${wanted.crossRegion.instanceId}`,
    }));
    return none();
  }
  const label = sourceLabel(wanted);
  const contents = findContents(inventory, wanted);
  if (!contents) {
    const listed = wanted.crossRegion ? (x?.contents ?? []) : inventory.contents;
    const have = listed.map((c) => (c.BackupId !== undefined ? `backup ${c.BackupId}` : `time ${c.RestoreTime}`));
    const why = unlistable(inventory, wanted);
    diagnostics.push(error('inventory/no-contents', `the inventory does not list the databases and tables of ${label}${why ? `: ${why}` : ''}`, sourceStatement.span, {
      help: why
        ? 'restorec lint says what to change'
        : `${have.length > 0 ? `it lists ${have.join(', ')} only; ` : ''}check the spec's ${wanted.backupId !== undefined ? (wanted.crossRegion ? '`from cross-region backup`' : '`from backup`') : '`at` time'}, or take a snapshot that lists it: ${pullCommand(instanceId, wanted)}`,
    }));
    return none();
  }

  const caseInsensitive = isCaseInsensitive(inventory);
  const expander = new Expander(ContentsIndex.of(contents, caseInsensitive), label, options.scanners);
  for (const r of of(doc, 'Restore')) expander.restore(r);
  const expanded = expander.result();
  // Not push(...): there can be more than a call takes. Each under the identity of its rule.
  for (const d of expanded.diagnostics) {
    const owned = asOwned(d, severityOf);
    if (owned) diagnostics.push(owned);
  }
  const plan: RestorePlan = {
    file: input.source.name,
    instanceId,
    ...(wanted.backupId !== undefined ? { backupId: wanted.backupId } : { restoreTime: wanted.restoreTime! }),
    ...(wanted.crossRegion ? { crossRegion: wanted.crossRegion } : {}),
    caseInsensitive,
    ...(of(doc, 'InstantRecovery').length > 0 ? { instantRecovery: true } : {}),
    databases: expanded.databases,
  };
  if (hasError(diagnostics)) return { plan, requests: [], entries: [], diagnostics: diagnostics.sort(compareDiagnostics) };
  if (plan.databases.every((d) => d.tables.length === 0 && !(d.whole && options.wholeDatabase === 'db-entry'))) {
    diagnostics.push(error('plan/empty', `this spec restores no table of ${label}`, sourceStatement.span, { help: 'the warnings on its restore lines say why: a database with no tables, or patterns that match none' }));
    return { plan, requests: [], entries: [], diagnostics: diagnostics.sort(compareDiagnostics) };
  }
  const emitted = emitRequests(plan, { instance: instance.id.span, source: sourceStatement.span }, options);
  for (const d of emitted.diagnostics) {
    const owned = asOwned(d, severityOf);
    if (owned) diagnostics.push(owned);
  }
  if (hasError(diagnostics)) return { plan, requests: [], entries: [], diagnostics: diagnostics.sort(compareDiagnostics) };
  return { plan, requests: emitted.requests, entries: emitted.entries, diagnostics: diagnostics.sort(compareDiagnostics) };
}
