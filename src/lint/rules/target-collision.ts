// Two sources of one spec map to one target (two databases into one, or two tables to one name).
// Found by the compiler's plan registry, which points at both places; reported under this rule.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'target-collision',
  description: 'Two sources in one spec would be restored to the same target database or table.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['plan/target-collision'],
  predicts: ['InvalidParamTableMeta.Content', 'InvalidDBName.Duplicate'],
});
