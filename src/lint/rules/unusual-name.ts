// A name worth a reviewer's look: a pattern that also matches hidden or internal names (starting
// with . or #, such as #sql temporary tables), or a name (matched, or written in the spec) holding
// a character that is invisible or reorders text, a control character, `.`, `:` or `+` (and for a
// table, `,`, which a backup's comma-separated list of tables cannot show).
// Found by the compiler while expanding; a warning, since such a name may be intended.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'unusual-name',
  description: 'A name is unusual: a pattern also matches hidden or internal names (. or #), or a name holds an invisible, bidi or control character, `.`, `:` or `+` (a table name `,` too).',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['expand/unusual-name'],
});
