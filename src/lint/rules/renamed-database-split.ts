// A database created under a new name must arrive in one RestoreTable request: the first request
// of a series creates it, and every later one is refused because it exists (InvalidDBName.Duplicate),
// leaving the restore half done. One request takes at most 100 tables, so the compiler refuses
// (emit/renamed-database-too-large) a renamed database with more; this rule owns that finding.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'renamed-database-split',
  description: 'A database restored under a new name has more tables than one request takes (100), so a series would fail half-way.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan'],
  messages: {},
  compilerCodes: ['emit/renamed-database-too-large'],
  predicts: ['InvalidParamTableMeta.TooManyTables', 'InvalidDBName.Duplicate'],
});
