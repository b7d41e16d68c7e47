// A restore over the limits of one request (compile.maxEntries entries, default 50, the console's
// limit; 100 tables, the API's) becomes sequential requests; a renamed database kept whole can make
// one request larger than maxEntries. The compiler notes both; this rule makes them a configurable warning.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'max-entries',
  description: 'The restore has more entries than one request takes, so it is split into requests that run one after another.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['emit/split', 'emit/large-request'],
});
