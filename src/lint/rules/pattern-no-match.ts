// A database or table pattern of the spec matches nothing in the backup (or nothing left after except).
// Found by the compiler while expanding; almost always a typo or the wrong backup.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'pattern-no-match',
  description: 'A database or table pattern matches nothing in the backup set or point in time.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['expand/no-match'],
});
