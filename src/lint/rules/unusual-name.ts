// A pattern that also matches hidden or internal names (starting with . or #), such as #sql temporary tables.
// Found by the compiler while expanding; a warning, since restoring them may be intended.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'unusual-name',
  description: 'A pattern also matches names starting with . or # (hidden or internal tables and databases).',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['expand/unusual-name'],
});
