// Target names must not already exist on the instance (InvalidDBName.Duplicate). Compares with
// the instance's current databases and tables, case-folded when lower_case_table_names is 1 or 2.
import { foldName } from '../../compiler/names.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'target-exists',
  description: 'A target table (or a renamed target database) already exists on the instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan', 'inventory'],
  messages: {
    table: 'target table {{db}}.{{table}} already exists on the instance',
    database: 'target database {{db}} already exists on the instance; restored tables would be added to it',
  },
  predicts: ['InvalidDBName.Duplicate'],
  check(ctx) {
    const current = ctx.inventory!.current;
    if (!current) return; // current-unknown reports this
    const ci = ctx.plan!.caseInsensitive;
    const dbs = new Map(current.Databases.map((d) => [foldName(d.DBName, ci), d]));
    for (const db of ctx.plan!.databases) {
      const existing = dbs.get(foldName(db.target, ci));
      if (!existing) continue;
      if (foldName(db.target, ci) !== foldName(db.source, ci)) {
        ctx.report({ messageId: 'database', data: { db: db.target }, span: db.origin, help: 'pick a target database name that does not exist yet' });
      }
      if (existing.Tables === 'unknown') continue; // current-unknown reports this
      const tables = new Set(existing.Tables.map((t) => foldName(t, ci)));
      for (const t of db.tables) {
        if (tables.has(foldName(t.target, ci))) {
          ctx.report({ messageId: 'table', data: { db: db.target, table: t.target }, span: t.origin, help: 'restore under another name (`as ...`), or drop or rename the existing table first' });
        }
      }
    }
  },
});
