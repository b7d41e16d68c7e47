// An exact name that matches several names of the backup differing only by case, on an instance that ignores case.
// Found by the compiler while expanding; restorec will not guess which one was meant.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'ambiguous-name',
  description: 'An exact database or table name matches several names of the backup that differ only by case.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['expand/ambiguous-name'],
});
