// Team policy: `restore db *` restores every database of the backup, which is rarely what an
// incident needs and easy to write by accident. Spec-only.
import { defineRule } from '../rule.ts';

/** Only `*` and `?`, with at least one `*`: matches (nearly) every name. */
const ONLY_WILDCARDS = /^[*?]*\*[*?]*$/;

export default defineRule({
  id: 'no-wildcard-database',
  description: 'A database pattern made only of wildcards (`restore db *`) restores every database of the backup.',
  defaultSeverity: 'warn',
  recommended: false,
  needs: ['spec'],
  messages: {
    everything: '`restore db {{pattern}}` restores every database of the backup{{except}}',
  },
  check(ctx) {
    for (const s of ctx.document.statements) {
      if (s.kind !== 'Restore' || !s.source.pattern || !ONLY_WILDCARDS.test(s.source.value)) continue;
      const except = s.exceptDbs.length > 0 ? ` but the ${s.exceptDbs.length} excluded` : '';
      ctx.report({ messageId: 'everything', data: { pattern: s.source.value, except }, span: s.source.span, help: 'name the databases, or use a narrower pattern such as `shop_*`' });
    }
  },
});
