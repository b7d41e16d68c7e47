// A glob pattern the matcher refuses: too long, or using what the language does not have
// (an empty class, a backwards range, a brace range, an unclosed bracket).
// Found by the compiler when it compiles each name once; reported under this rule.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'invalid-pattern',
  description: 'A database or table pattern is too long or cannot be compiled.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['pattern/invalid', 'pattern/too-long'],
});
