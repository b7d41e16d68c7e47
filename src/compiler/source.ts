// What a spec restores from, read from its statements in one place: compiling, the lint rules, the
// live inventory and the language server all ask here rather than look for statements themselves.
import type { Document, Span, Statement } from '../grammar/index.ts';
import type { SourceRef } from './inventory.ts';

export interface SpecSource {
  ref: SourceRef;
  /** The `from backup`, `from cross-region backup` or `at` statement. */
  statement: Statement;
  /** Where problems with the source point: the backup id, or the time as written. */
  span: Span;
}

/** The spec's source; undefined when it names none (the grammar reports that). */
export function sourceOf(doc: Document): SpecSource | undefined {
  let from: SpecSource | undefined;
  let crossRegion: SourceRef['crossRegion'];
  for (const s of doc.statements) {
    if (s.kind === 'FromRegion') crossRegion ??= { region: s.region.value, instanceId: s.instance.value };
    else if (from) continue;
    else if (s.kind === 'FromBackup') from = { ref: { backupId: s.backupId.value }, statement: s, span: s.backupId.span };
    else if (s.kind === 'FromCrossRegionBackup') from = { ref: { backupId: s.backupId.value }, statement: s, span: s.backupId.span };
    else if (s.kind === 'At') from = { ref: { restoreTime: s.utc }, statement: s, span: s.rawSpan };
  }
  if (!from) return undefined;
  // `from backup` with `from region` is a spec error (spec/local-backup-from-region): local.
  if (crossRegion && from.statement.kind !== 'FromBackup') from.ref.crossRegion = crossRegion;
  return from;
}

/** Whether the spec restores from another region's backups (RestoreDdrTable). */
export function isCrossRegion(doc: Document): boolean {
  return sourceOf(doc)?.ref.crossRegion !== undefined;
}

/** How messages name a source, e.g. `backup 9026262`, `cross-region backup 12490001 of rm-x`. */
export function sourceLabel(ref: SourceRef): string {
  if (ref.crossRegion) {
    const of = `of ${ref.crossRegion.instanceId} (${ref.crossRegion.region})`;
    return ref.backupId !== undefined ? `cross-region backup ${ref.backupId} ${of}` : `the cross-region backup contents ${of} at ${ref.restoreTime}`;
  }
  return ref.backupId !== undefined ? `backup ${ref.backupId}` : `the backup contents at ${ref.restoreTime}`;
}
