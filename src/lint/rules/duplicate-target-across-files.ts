// Two spec files linted together restore into one instance the same target table (or the same
// whole target database): whichever runs second fails, so the later file is the one reported.
import { foldName } from '../../compiler/names.ts';
import { defineRule } from '../rule.ts';

interface Claim {
  file: string;
  line: number;
}

export default defineRule({
  id: 'duplicate-target-across-files',
  description: 'Two spec files linted together restore the same target table, or the same whole target database, into one instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan'],
  messages: {
    table: 'target table {{db}}.{{table}} is also restored into {{instance}} by {{other}}:{{line}}',
    database: 'target database {{db}} is also restored whole into {{instance}} by {{other}}:{{line}}',
  },
  predicts: ['InvalidDBName.Duplicate'],
  check(ctx) {
    const plan = ctx.plan!;
    const ci = plan.caseInsensitive;
    // Only files before this one: each pair is reported once, in the file that comes second.
    const earlier = ctx.project.slice(0, Math.max(0, ctx.project.findIndex((p) => p.source === ctx.source)));
    const tables = new Map<string, Claim>();
    const wholes = new Map<string, Claim>();
    for (const other of earlier) {
      if (!other.plan || other.plan.instanceId !== plan.instanceId) continue;
      for (const db of other.plan.databases) {
        const dbKey = foldName(db.target, ci);
        const claim = (span: { start: number }) => ({ file: other.file, line: other.source.position(span.start).line });
        if (db.whole && !wholes.has(dbKey)) wholes.set(dbKey, claim(db.origin));
        for (const t of db.tables) {
          const key = `${dbKey}\u0000${foldName(t.target, ci)}`;
          if (!tables.has(key)) tables.set(key, claim(t.origin));
        }
      }
    }
    if (tables.size === 0) return;
    const help = 'restore into another target name in one of the files, or merge the two specs';
    for (const db of plan.databases) {
      const dbKey = foldName(db.target, ci);
      const whole = db.whole ? wholes.get(dbKey) : undefined;
      if (whole) {
        // One message for the database, not one per table of it.
        ctx.report({ messageId: 'database', data: { db: db.target, instance: plan.instanceId, other: whole.file, line: whole.line }, span: db.origin, help });
        continue;
      }
      for (const t of db.tables) {
        const other = tables.get(`${dbKey}\u0000${foldName(t.target, ci)}`);
        if (other) ctx.report({ messageId: 'table', data: { db: db.target, table: t.target, instance: plan.instanceId, other: other.file, line: other.line }, span: t.origin, help });
      }
    }
  },
});
