// RestoreTable (and RestoreDdrTable onto the source instance) refuses to restore a table under its own database and table name
// (InvalidParamTableMetaForRestore.Content: "cannot be same with old when restore to source
// instance"). From the spec alone: a database kept under its name whose tables keep theirs.
// With an inventory the compiler checks every expanded name (emit/in-place) and this rule owns it.
import { sourceOf } from '../../compiler/source.ts';
import type { NameNode, RestoreStatement } from '../../grammar/index.ts';
import { displayName, foldName, restoredAs } from '../../compiler/names.ts';
import { defineRule, type RuleContext } from '../rule.ts';

/** A target that names each source as itself: none, the same name, or `{name}`. */
const keepsName = (source: NameNode, target: NameNode | undefined, ci: boolean) => target === undefined || foldName(target.value, ci) === foldName(source.value, ci) || (!target.quoted && target.value === '{name}');

export default defineRule({
  id: 'in-place-restore',
  description: 'A table would be restored under its own database and table name; the API refuses a restore onto the source.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {
    database: 'every table of {{db}} would be restored under its own name into {{db}} itself; the API refuses a restore onto the source',
    table: '{{db}}.{{table}} would be restored under its own database and table name; the API refuses a restore onto the source',
  },
  compilerCodes: ['emit/in-place'],
  predicts: ['InvalidParamTableMetaForRestore.Content'],
  check(ctx) {
    // With a plan the compiler has checked every expanded name (emit/in-place).
    if (ctx.plan) return;
    // A cross-region restore into another instance than the data's restores onto nothing.
    const cross = sourceOf(ctx.document)?.ref.crossRegion;
    const instance = ctx.document.statements.find((s) => s.kind === 'Instance');
    if (cross && instance?.kind === 'Instance' && cross.instanceId !== instance.id.value) return;
    // Names compare as the spec plan assumes: case-insensitively unless the config says otherwise.
    const ci = ctx.specPlan?.caseInsensitive ?? true;
    for (const s of ctx.document.statements) {
      if (s.kind !== 'Restore' || !keepsName(s.source, s.target, ci)) continue;
      check(s, ctx.report, ci);
    }
  },
});

/** A name as messages show it: a pattern as written (bare, so printable), a name by displayName. */
const shown = (node: NameNode) => (node.pattern ? node.value : displayName(node.value));

function check(s: RestoreStatement, report: RuleContext['report'], ci: boolean): void {
  const db = shown(s.source);
  if (!s.block) {
    report({ messageId: 'database', data: { db }, span: s.source.span, help: `restore it under a new database name: \`${restoredAs('restore db', s.source.value, s.source.pattern)}\`` });
    return;
  }
  for (const item of s.block.items) {
    if (item.kind !== 'Table' || !keepsName(item.source, item.target, ci)) continue;
    report({ messageId: 'table', data: { db, table: shown(item.source) }, span: item.span, help: `give it a new name: \`${restoredAs('table', item.source.value, item.source.pattern)}\`` });
  }
}
