// A database restored whole has no tables in the backup, so nothing of it is restored.
// Found by the compiler while expanding; a warning because the rest of the spec still works.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'empty-database',
  description: 'A database restored without a block has no tables in the backup; nothing of it is restored.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['expand/empty-database'],
});
