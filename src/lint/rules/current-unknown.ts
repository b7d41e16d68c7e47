// Honesty: target-exists can only compare with what the inventory knows is on the instance now.
// When that is unknown, say so instead of passing silently.
import { foldName } from '../../compiler/names.ts';
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

export default defineRule({
  id: 'current-unknown',
  description: 'What is on the instance now is unknown, so target names could not be checked for collisions.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan', 'inventory'],
  messages: {
    instance: 'the inventory does not list the databases on instance {{id}} now; target names could not be checked against them',
    tables: 'the tables of database {{db}} on the instance are unknown; the target tables restored into it could not be checked against them',
  },
  check(ctx) {
    const inv = ctx.inventory!;
    if (!inv.current) {
      ctx.report({ messageId: 'instance', data: { id: inv.instance.DBInstanceId }, span: instanceSpan(ctx), help: 'take the snapshot with the instance\'s current databases (and a SQL connection for their tables)' });
      return;
    }
    const ci = ctx.plan!.caseInsensitive;
    const unknown = new Set(inv.current.Databases.filter((d) => d.Tables === 'unknown').map((d) => foldName(d.DBName, ci)));
    const reported = new Set<string>();
    for (const db of ctx.plan!.databases) {
      const key = foldName(db.target, ci);
      if (!unknown.has(key) || reported.has(key) || db.tables.length === 0) continue;
      reported.add(key);
      ctx.report({ messageId: 'tables', data: { db: db.target }, span: db.origin, help: 'list the tables with a SQL connection to the instance (information_schema), or check by hand that the target names are free' });
    }
  },
});
