// A database or table the spec names exactly is not in the backup (or point in time).
// Found by the compiler while expanding; reported under this rule.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'source-missing',
  description: 'A database or table named in the spec is not in the backup set or point in time.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['expand/unknown-database', 'expand/unknown-table'],
  predicts: ['InvalidSourceRestoreDBName.NotFound', 'InvalidDB.NotFound'],
});
