// The eligibility table lives with the inventory model (src/compiler/eligibility.ts): the sandbox
// refuses an ineligible instance from the same data. Re-exported for the rule.
export { ELIGIBILITY, candidateRows, describeRow, parseRows, type EligibilityRow } from '../../compiler/eligibility.ts';
