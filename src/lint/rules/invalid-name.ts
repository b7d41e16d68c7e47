// A source or target name that cannot be a MySQL name: over 64 characters, U+0000, outside the BMP, trailing space.
// Found by the compiler (exact names before lookup, target names after renaming); reported under this rule.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'invalid-name',
  description: 'A source or target name cannot be a MySQL database or table name.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['names/invalid', 'names/invalid-target'],
  predicts: ['InvalidParameters.Format'],
});
