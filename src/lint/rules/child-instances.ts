// Table restore runs on a primary instance without guard (disaster recovery), temporary or
// read-only instances attached (ChildDBInstanceExists; the read-only part is inferred, so the
// option `readOnly: false` turns it off where a team knows better).
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

export default defineRule({
  id: 'child-instances',
  description: 'The instance must be a primary without guard, temporary or read-only instances attached.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    notPrimary: 'instance {{id}} is a {{type}} instance; a table restore runs on the primary instance',
    children: 'instance {{id}} has {{children}} attached; RestoreTable refuses an instance with child instances',
  },
  defaultOptions: { readOnly: true },
  predicts: ['ChildDBInstanceExists', 'IncorrectDBInstanceState'],
  check(ctx) {
    const inst = ctx.inventory!.instance;
    const span = instanceSpan(ctx);
    if (inst.DBInstanceType !== undefined && inst.DBInstanceType !== 'Primary') {
      ctx.report({ messageId: 'notPrimary', data: { id: inst.DBInstanceId, type: inst.DBInstanceType }, span, help: 'put the id of its primary instance on the `instance` line' });
    }
    const children: string[] = [];
    if (inst.GuardDBInstanceId) children.push(`guard instance ${inst.GuardDBInstanceId}`);
    if (inst.TempDBInstanceId) children.push(`temporary instance ${inst.TempDBInstanceId}`);
    const readOnly = ctx.options['readOnly'] !== false ? (inst.ReadOnlyDBInstanceIds ?? []) : [];
    if (readOnly.length > 0) children.push(`read-only instance${readOnly.length === 1 ? '' : 's'} ${readOnly.join(', ')}`);
    if (children.length === 0) return;
    ctx.report({ messageId: 'children', data: { id: inst.DBInstanceId, children: children.join(' and ') }, span, help: 'release the temporary instance or detach the child instances, or restore to a new instance instead' });
  },
});
