// One table asked for twice in one spec (an exact name and a pattern, or two patterns) with the same target.
// The compiler lists it once; this rule points at both places so the spec can be tidied.
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'table-matched-twice',
  description: 'The same source table is asked for twice with the same target; it is restored once.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['spec'],
  messages: {},
  compilerCodes: ['plan/duplicate-table'],
});
