// A rename template (the target of a pattern source) that cannot be applied.
// Found by the compiler: unsupported characters, more wildcards than the source has, or captures it cannot split.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'template-error',
  description: 'A rename target cannot be filled from its source pattern.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['template/unsupported', 'template/no-wildcards-in-source', 'template/too-many-wildcards', 'template/capture-failed'],
});
