// An except db or except table that excludes nothing: a stale or misspelt exclusion.
// Found by the compiler while expanding; reported under this rule.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'unused-except',
  description: 'An except db or except table item excludes nothing.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['expand/unused-except'],
});
