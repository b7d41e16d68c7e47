// A new target database is created by the restore; RDS CreateDatabase refuses names outside its
// own rules (stricter than MySQL's), and the restore may well apply the same check (UNCONFIRMED).
import type { Span } from '../../grammar/index.ts';
import { showName } from '../../compiler/names.ts';
import { defineRule } from '../rule.ts';

/** Why RDS CreateDatabase would refuse `name`, or undefined (reserved words are not checked). */
export function rdsNameProblem(name: string): string | undefined {
  if (name.length < 2 || name.length > 64) return `is ${name.length} character${name.length === 1 ? '' : 's'} long; RDS database names have 2 to 64`;
  if (!/^[a-z]/.test(name)) return 'does not start with a lowercase letter';
  const bad = /[^a-z0-9_-]/.exec(name);
  if (bad) return `contains ${showName(bad[0])}; RDS database names use only a-z, 0-9, _ and -`;
  if (!/[a-z0-9]$/.test(name)) return 'does not end with a letter or digit';
  return undefined;
}

export default defineRule({
  id: 'rds-database-name',
  description: 'A new target database name that RDS CreateDatabase would refuse (2-64 characters of a-z, 0-9, _ and -, starting with a letter, ending with a letter or digit).',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['spec'],
  messages: {
    refused: 'target database name {{name}} {{why}}; RDS refuses to create such a database, so the restore may fail',
  },
  predicts: ['InvalidParameters.Format'],
  check(ctx) {
    const seen = new Set<string>();
    const check = (name: string, span: Span) => {
      const why = rdsNameProblem(name);
      const key = `${span.start}\u0000${name}`;
      if (!why || seen.has(key)) return;
      seen.add(key);
      ctx.report({ messageId: 'refused', data: { name: showName(name), why }, span, help: 'use 2-64 characters of a-z, 0-9, _ and -, starting with a lowercase letter and ending with a letter or digit' });
    };
    const restores = ctx.document.statements.flatMap((s) => (s.kind === 'Restore' ? [s] : []));
    // Only names the spec chooses: a database kept under its own name already passed RDS once.
    for (const r of restores) if (r.target && !r.target.pattern) check(r.target.value, r.target.span);
    for (const db of ctx.plan?.databases ?? []) {
      if (db.target === db.source) continue;
      const r = restores.find((x) => x.source.span.start === db.origin.start);
      if (r?.target?.pattern) check(db.target, r.target.span);
    }
  },
});
