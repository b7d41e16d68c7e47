// One identity per problem: the compiler finds some problems while expanding and emitting, and a
// lint rule owns each (configurable and suppressible by its id). compile() reports them under the
// rule's id at the rule's default severity, so `compile`, `plan` and `lint` print the same code;
// the compiler's own codes stay accepted as aliases in suppression comments and the config.
// A test checks this table against the rules' `compilerCodes` and default severities.
import type { Diagnostic, Severity, Span } from '../grammar/index.ts';

/** The compiler's code → the id of the rule that owns it, and that rule's default severity. */
export const OWNER: Readonly<Record<string, { rule: string; severity: Severity }>> = {
  'expand/unknown-database': { rule: 'source-missing', severity: 'error' },
  'expand/unknown-table': { rule: 'source-missing', severity: 'error' },
  'expand/no-match': { rule: 'pattern-no-match', severity: 'error' },
  'expand/unused-except': { rule: 'unused-except', severity: 'warning' },
  'expand/empty-database': { rule: 'empty-database', severity: 'warning' },
  'expand/ambiguous-name': { rule: 'ambiguous-name', severity: 'error' },
  'expand/unusual-name': { rule: 'unusual-name', severity: 'warning' },
  'pattern/invalid': { rule: 'invalid-pattern', severity: 'error' },
  'pattern/too-long': { rule: 'invalid-pattern', severity: 'error' },
  'names/invalid': { rule: 'invalid-name', severity: 'error' },
  'names/invalid-target': { rule: 'invalid-name', severity: 'error' },
  'template/no-wildcards-in-source': { rule: 'template-error', severity: 'error' },
  'template/too-many-wildcards': { rule: 'template-error', severity: 'error' },
  'template/unsupported': { rule: 'template-error', severity: 'error' },
  'template/capture-failed': { rule: 'template-error', severity: 'error' },
  'plan/target-collision': { rule: 'target-collision', severity: 'error' },
  'plan/duplicate-table': { rule: 'table-matched-twice', severity: 'warning' },
  'emit/split': { rule: 'max-entries', severity: 'warning' },
  'emit/large-request': { rule: 'max-entries', severity: 'warning' },
  'emit/in-place': { rule: 'in-place-restore', severity: 'error' },
  'emit/renamed-database-too-large': { rule: 'renamed-database-split', severity: 'error' },
};

/** A rule's severity as the config and the spec's suppression comments set it, where they apply. */
export type OwnedSeverity = (ruleId: string, span: Span) => Severity | 'off';

/**
 * The diagnostic under its public identity: the owning rule's id and severity (`severityOf` when
 * given, else the rule's default), or undefined when it is turned off or suppressed.
 */
export function asOwned(d: Diagnostic, severityOf?: OwnedSeverity): Diagnostic | undefined {
  const owner = OWNER[d.code];
  if (!owner) return d;
  const severity = severityOf ? severityOf(owner.rule, d.span) : owner.severity;
  if (severity === 'off') return undefined;
  return { ...d, code: owner.rule, severity };
}
