// Two spec files linted together restore into one instance the same target table (or the same
// whole target database): whichever runs second fails, so the later file is the one reported.
// Without an inventory, the exact targets of each spec (its spec plan) are compared.
import { foldName } from '../../compiler/names.ts';
import { defineRule, type ProjectFile } from '../rule.ts';

interface Claim {
  /** Index of the file in the run's project. */
  index: number;
  start: number;
}

interface Index {
  /** instance + target db + target table → the first file (in run order) that restores it. */
  tables: Map<string, Claim>;
  /** instance + target db → the first file that restores it whole. */
  wholes: Map<string, Claim>;
}

/**
 * One index per lint run, built once (the project array is the same object for every file of a
 * run): each file then looks up its own targets, so a run over N files is linear in their
 * targets instead of rebuilding every earlier file's targets for each file.
 */
const indexes = new WeakMap<readonly ProjectFile[], Index>();

function indexOf(project: readonly ProjectFile[]): Index {
  const hit = indexes.get(project);
  if (hit) return hit;
  const index: Index = { tables: new Map(), wholes: new Map() };
  project.forEach((file, i) => {
    const plan = file.plan ?? file.specPlan;
    if (!plan) return;
    const ci = plan.caseInsensitive;
    for (const db of plan.databases) {
      const dbKey = `${plan.instanceId}\u0000${foldName(db.target, ci)}`;
      if (db.whole && !index.wholes.has(dbKey)) index.wholes.set(dbKey, { index: i, start: db.origin.start });
      for (const t of db.tables) {
        const key = `${dbKey}\u0000${foldName(t.target, ci)}`;
        if (!index.tables.has(key)) index.tables.set(key, { index: i, start: t.origin.start });
      }
    }
  });
  indexes.set(project, index);
  return index;
}

export default defineRule({
  id: 'duplicate-target-across-files',
  description: 'Two spec files linted together restore the same target table, or the same whole target database, into one instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {
    table: 'target table {{db}}.{{table}} is also restored into {{instance}} by {{other}}:{{line}}',
    database: 'target database {{db}} is also restored whole into {{instance}} by {{other}}:{{line}}',
  },
  predicts: ['InvalidDBName.Duplicate'],
  check(ctx) {
    const plan = ctx.plan ?? ctx.specPlan;
    if (!plan) return;
    const ci = plan.caseInsensitive;
    const me = ctx.index;
    const index = indexOf(ctx.project);
    // Only claims of earlier files: each pair is reported once, in the file that comes second.
    const earlier = (claim: Claim | undefined) => (claim !== undefined && claim.index < me ? claim : undefined);
    const where = (claim: Claim) => {
      const other = ctx.project[claim.index]!;
      return { other: other.file, line: other.source.position(claim.start).line };
    };
    const help = 'restore into another target name in one of the files, or merge the two specs';
    for (const db of plan.databases) {
      const dbKey = `${plan.instanceId}\u0000${foldName(db.target, ci)}`;
      const whole = db.whole ? earlier(index.wholes.get(dbKey)) : undefined;
      if (whole) {
        // One message for the database, not one per table of it.
        ctx.report({ messageId: 'database', data: { db: db.target, instance: plan.instanceId, ...where(whole) }, span: db.origin, help });
        continue;
      }
      for (const t of db.tables) {
        const other = earlier(index.tables.get(`${dbKey}\u0000${foldName(t.target, ci)}`));
        if (other) ctx.report({ messageId: 'table', data: { db: db.target, table: t.target, instance: plan.instanceId, ...where(other) }, span: t.origin, help });
      }
    }
  },
});
