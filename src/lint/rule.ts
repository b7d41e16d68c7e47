// What a lint rule is: metadata (id, description, default severity, message templates, what it
// needs to run) plus a check that reports spans. Rules decide only what is wrong and where;
// the engine (lint.ts) adds severity, rule id, suppressions and file positions.
import type { Document, Fix, RelatedSpan, SourceFile, Span } from '../grammar/index.ts';
import type { Inventory } from '../compiler/inventory.ts';
import type { RestorePlan } from '../compiler/plan.ts';

export type RuleSeverity = 'off' | 'warn' | 'error';

/**
 * What a rule needs: `spec` (the parsed file only), `plan` (the spec resolved against an
 * inventory's backup contents), `inventory` (instance, backup and policy facts). A rule whose
 * needs are not met is skipped, and the run says so.
 */
export type Need = 'spec' | 'plan' | 'inventory';

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  related?: RelatedSpan[];
  help?: string;
  /** A machine-applicable edit for the suggestion in `help` (editors offer it). */
  fix?: Fix;
}

/** Everything linted together in one run: what rules that look across files read. */
export interface ProjectFile {
  file: string;
  source: SourceFile;
  document: Document;
  plan?: RestorePlan;
  /**
   * Without `plan`: the spec's exact entries, names as written and not looked up in any backup
   * (patterns unresolved). Rules that need only the spec check exact names on it.
   */
  specPlan?: RestorePlan;
  inventory?: Inventory;
}

export interface RuleContext extends ProjectFile {
  /** The rule's options: its defaults merged with the config's. */
  options: Record<string, unknown>;
  /** Injected clock: rules never read the system time themselves. */
  now: Date;
  /** Every file of this run, in the order given (including this one). */
  project: readonly ProjectFile[];
  /** This file's position in `project`. */
  index: number;
  report(report: Report): void;
}

export interface LintRule {
  /** kebab-case; equals the rule's file name, test file name and doc page name. */
  id: string;
  description: string;
  defaultSeverity: RuleSeverity;
  /** In the `recommended` preset (at its default severity). */
  recommended: boolean;
  needs: Need[];
  /** Message templates by id; `{{name}}` is replaced with `data.name`. */
  messages: Record<string, string>;
  /** Defaults of the rule's options (the config may override each). */
  defaultOptions?: Record<string, unknown>;
  /**
   * Compiler diagnostic codes this rule owns: the compiler finds them while expanding, and the
   * linter reports them under this rule's id and severity (so they can be configured and
   * suppressed like any other rule).
   */
  compilerCodes?: string[];
  /** The API error code(s) this rule predicts, for docs and the mapping test. */
  predicts?: string[];
  check?(ctx: RuleContext): void;
}

export function defineRule(rule: LintRule): LintRule {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
