// What the cross-region rules share: the spec's cross-region source with the inventory's facts
// about it, and the backup set a restore would use. Not a rule: rules that are not about a
// cross-region restore never look here.
import { baseCrossBackup } from '../../compiler/inventory.ts';
import { sourceOf } from '../../compiler/source.ts';
import type { CrossRegionBackup, CrossRegionInventory } from '../../compiler/inventory.ts';
import type { FromRegionStatement, Span } from '../../grammar/index.ts';
import type { ProjectFile } from '../rule.ts';

export interface CrossSource {
  /** The inventory's facts about the source; it is the spec's (a mismatch stops compiling instead). */
  x: CrossRegionInventory;
  from: FromRegionStatement;
  /** The backup id, or the time as written. */
  span: Span;
  backupId?: string;
  restoreTime?: string;
  /** The instance restored into is the instance the data is of. */
  ontoSource: boolean;
}

/** The cross-region source of a spec, when it has one and the inventory describes it. */
export function crossSource(file: ProjectFile): CrossSource | undefined {
  const source = sourceOf(file.document);
  const ref = source?.ref.crossRegion;
  const x = file.inventory?.crossRegion;
  const from = file.document.statements.find((s): s is FromRegionStatement => s.kind === 'FromRegion');
  if (!source || !ref || !x || !from || x.DBInstanceId !== ref.instanceId || x.RegionId !== ref.region) return undefined;
  return {
    x,
    from,
    span: source.span,
    ...(source.ref.backupId !== undefined ? { backupId: source.ref.backupId } : {}),
    ...(source.ref.restoreTime !== undefined ? { restoreTime: source.ref.restoreTime } : {}),
    ontoSource: ref.instanceId === file.inventory!.instance.DBInstanceId,
  };
}

/** The backup set the restore uses: the one named, or the one a point in time starts from. Undefined: none, or unknown. */
export function usedBackup(c: CrossSource): CrossRegionBackup | undefined {
  if (!c.x.backups) return undefined;
  if (c.backupId !== undefined) return c.x.backups.find((b) => b.CrossBackupId === c.backupId);
  return c.restoreTime !== undefined ? baseCrossBackup(c.x.backups, c.restoreTime) : undefined;
}

/** Up to five usable cross-region backups, for a help text. */
export function usableList(x: CrossRegionInventory): string {
  const ok = (x.backups ?? []).filter((b) => b.BackupSetStatus === 0).map((b) => `${b.CrossBackupId}${b.ConsistentTime ? ` (${b.ConsistentTime})` : ''}`);
  return ok.length > 0 ? `cross-region backups that succeeded: ${ok.slice(0, 5).join(', ')}${ok.length > 5 ? ', ...' : ''}` : `instance ${x.DBInstanceId} has no cross-region backup that succeeded`;
}
