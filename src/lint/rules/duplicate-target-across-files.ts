// Two spec files linted together restore into one instance the same target table (or the same
// whole target database): whichever runs second fails, so the later file is the one reported.
// Without an inventory, the exact targets of each spec (its spec plan) are compared.
import { foldName } from '../../compiler/names.ts';
import type { Span } from '../../grammar/index.ts';
import { defineRule, type ProjectFile } from '../rule.ts';

interface Claim {
  /** Index of the file in the run's project. */
  index: number;
  start: number;
}

/** What the first files (in run order) to restore into one target database claimed of it. */
interface TargetDb {
  /** The first file that restores it whole. */
  whole?: Claim;
  /** Target table (folded) → the first file that restores it. */
  tables: Map<string, Claim>;
}

/** A target of a file that an earlier file claimed first. */
interface Finding {
  db: string;
  /** Absent: the whole database. */
  table?: string;
  instance: string;
  claim: Claim;
  span: Span;
}

/**
 * The findings of every file of a run, made in one pass over the run's files, in order (the
 * project array is the same object for every file of a run): a target another file claimed
 * first is a finding of the later file. Linear in the run's targets; keyed by instance, then
 * folded database, then folded table, so a lookup makes no key string (a lint of 10,000 specs
 * spent 0.26 s of its 2.5 s building and looking up `instance\0db\0table` keys twice).
 */
const runs = new WeakMap<readonly ProjectFile[], Map<number, Finding[]>>();

function findingsOf(project: readonly ProjectFile[]): Map<number, Finding[]> {
  const hit = runs.get(project);
  if (hit) return hit;
  const findings = new Map<number, Finding[]>();
  const instances = new Map<string, Map<string, TargetDb>>();
  project.forEach((file, i) => {
    const plan = file.plan ?? file.specPlan;
    if (!plan) return;
    const ci = plan.caseInsensitive;
    const found = (f: Finding) => {
      const list = findings.get(i);
      if (list) list.push(f);
      else findings.set(i, [f]);
    };
    let dbs = instances.get(plan.instanceId);
    if (!dbs) instances.set(plan.instanceId, (dbs = new Map()));
    for (const db of plan.databases) {
      const dbKey = foldName(db.target, ci);
      let target = dbs.get(dbKey);
      if (!target) dbs.set(dbKey, (target = { tables: new Map() }));
      // Only claims of earlier files: each pair is reported once, in the file that comes second.
      // One finding for a database restored whole, not one per table of it.
      const whole = db.whole ? target.whole : undefined;
      if (whole && whole.index < i) found({ db: db.target, instance: plan.instanceId, claim: whole, span: db.origin });
      else if (db.whole) target.whole ??= { index: i, start: db.origin.start };
      for (const t of db.tables) {
        const key = foldName(t.target, ci);
        const claim = target.tables.get(key);
        if (!claim) target.tables.set(key, { index: i, start: t.origin.start });
        else if (claim.index < i && !(whole && whole.index < i)) found({ db: db.target, table: t.target, instance: plan.instanceId, claim, span: t.origin });
      }
    }
  });
  runs.set(project, findings);
  return findings;
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
    const findings = findingsOf(ctx.project).get(ctx.index);
    if (!findings) return;
    const help = 'restore into another target name in one of the files, or merge the two specs';
    for (const { db, table, instance, claim, span } of findings) {
      const other = ctx.project[claim.index]!;
      const where = { other: other.file, line: other.source.position(claim.start).line };
      if (table === undefined) ctx.report({ messageId: 'database', data: { db, instance, ...where }, span, help });
      else ctx.report({ messageId: 'table', data: { db, table, instance, ...where }, span, help });
    }
  },
});
