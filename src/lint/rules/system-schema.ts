// MySQL's own schemas hold the server's accounts, settings and metadata: restoring them, or
// restoring anything into them, is never what a table restore should do.
import type { Span } from '../../grammar/index.ts';
import { defineRule } from '../rule.ts';

const SYSTEM_SCHEMAS = new Set(['mysql', 'sys', 'information_schema', 'performance_schema']);
const isSystem = (name: string) => SYSTEM_SCHEMAS.has(name.toLowerCase());

export default defineRule({
  id: 'system-schema',
  description: 'A system schema (mysql, sys, information_schema, performance_schema) is a source or target database.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {
    source: 'source database {{name}} is a MySQL system schema; it holds the server\'s own accounts and metadata, not application data',
    target: 'target database {{name}} is a MySQL system schema; restored tables must not be written into the server\'s own schema',
  },
  // "TableMeta has duplicate db or table with other newname, commons or system".
  predicts: ['InvalidParamTableMeta.Duplicate'],
  check(ctx) {
    const seen = new Set<string>();
    const report = (role: 'source' | 'target', name: string, span: Span) => {
      const key = `${role}\u0000${span.start}\u0000${name.toLowerCase()}`;
      if (seen.has(key)) return;
      seen.add(key);
      const help = role === 'source' ? 'leave it out: remove the statement, or add `except db ' + name + '` to the pattern' : 'restore into an application database, or under a new database name';
      ctx.report({ messageId: role, data: { name }, span, help });
    };
    const restores = ctx.document.statements.flatMap((s) => (s.kind === 'Restore' ? [s] : []));
    // Exact names are checked from the spec alone, so this works without an inventory too.
    for (const r of restores) {
      if (!r.source.pattern && isSystem(r.source.value)) report('source', r.source.value, r.source.span);
      if (r.target && !r.target.pattern && isSystem(r.target.value)) report('target', r.target.value, r.target.span);
    }
    // Patterns and templates are only known once expanded against the backup.
    for (const db of ctx.plan?.databases ?? []) {
      const r = restores.find((x) => x.source.span.start === db.origin.start);
      if (isSystem(db.source)) report('source', db.source, db.origin);
      if (isSystem(db.target) && db.target !== db.source) report('target', db.target, r?.target?.span ?? db.origin);
    }
  },
});
