// A restore over the entries limit per request (compile.maxEntries, default 50) becomes sequential requests.
// The compiler splits it and notes it; this rule makes the note a configurable warning.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'max-entries',
  description: 'The restore has more entries than one request takes, so it is split into requests that run one after another.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['emit/split'],
});
