// The lint engine: parse results + inventories → per-file messages. Compiles each spec against
// its inventory (the compiler's findings are reported under the rules that own them), runs every
// enabled rule whose needs are met, applies suppression comments, and says which rules it could
// not run. Pure: the caller reads files and inventories and passes a clock.
import type { Diagnostic, Document, Fix, RelatedSpan, SourceFile, Span } from '../grammar/index.ts';
import { compile } from '../compiler/compile.ts';
import { isCaseInsensitive, type Inventory } from '../compiler/inventory.ts';
import { expandSpec, type UnresolvedPattern } from '../compiler/spec-plan.ts';
import type { RestorePlan } from '../compiler/plan.ts';
import { asOwned } from '../compiler/problem-ids.ts';
import { ScannerCache } from '../compiler/lookup.ts';
import { configFor, resolveRules, ruleIdOf, type Config, type ResolvedRule } from './config.ts';
import { formatMessage, type LintRule, type Need, type ProjectFile, type RuleContext, type RuleSeverity } from './rule.ts';
import { parseSuppressions, SuppressionIndex } from './suppressions.ts';
import { closest, MAX_ERRORS } from '../grammar/index.ts';

export interface LintInput {
  source: SourceFile;
  document: Document;
  /** The parser's diagnostics. */
  diagnostics: Diagnostic[];
  inventory?: Inventory;
}

export interface LintMessage {
  /** null for problems that are not a rule's: syntax errors, compile errors, bad directives. */
  ruleId: string | null;
  /** ESLint's numbers: 1 warning, 2 error. */
  severity: 1 | 2;
  message: string;
  span: Span;
  related?: RelatedSpan[];
  help?: string;
  /** The diagnostic code, for messages that are not a rule's. */
  code?: string;
  /** A machine-applicable edit for the suggestion in `help`, when there is one (editors offer it). */
  fix?: Fix;
}

export interface FileResult {
  file: string;
  source: SourceFile;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** Enabled rules that could not run on this file, with what they lacked. */
  skipped: { ruleId: string; missing: Need[] }[];
  plan?: RestorePlan;
  /** Without a plan: the patterns the spec-only checks left unresolved (they ran on exact names). */
  unresolved?: UnresolvedPattern[];
}

export interface LintOptions {
  /** The loaded config; each file gets it with the overrides that choose it (configFor). */
  config: Config;
  rules: readonly LintRule[];
  now: Date;
}

/** Rules that report why a backup or point in time cannot be listed. */
const SOURCE_RULES = new Set(['backup-usable', 'restore-time-window', 'log-backup-required', 'cross-region-supported', 'cross-region-backup-usable', 'cross-region-backup-available', 'cross-region-time-window']);

const toNumber = (s: RuleSeverity): 1 | 2 => (s === 'error' ? 2 : 1);

function fromDiagnostic(d: Diagnostic, ruleId: string | null, severity: 1 | 2): LintMessage {
  const m: LintMessage = { ruleId, severity, message: d.message, span: d.span };
  if (d.related?.length) m.related = d.related;
  if (d.help) m.help = d.help;
  if (d.fix) m.fix = d.fix;
  if (ruleId === null) m.code = d.code;
  return m;
}

/** The rules as one file's config sets them (its overrides applied), worked out once per distinct config. */
function settingsFor(opts: LintOptions, cache: Map<Config, Settings>, file: string): Settings {
  const config = configFor(opts.config, file);
  let settings = cache.get(config);
  if (!settings) {
    const resolved = resolveRules(config, opts.rules);
    // The compiler reports the problems a rule owns under the rule's id (compiler/problem-ids.ts).
    const owners = new Map<string, ResolvedRule>();
    for (const r of resolved) if (r.rule.compilerCodes?.length) owners.set(r.rule.id, r);
    cache.set(config, (settings = { config, resolved, owners }));
  }
  return settings;
}

interface Settings {
  config: Config;
  resolved: ResolvedRule[];
  /** The rules that own compiler problems, by id. */
  owners: Map<string, ResolvedRule>;
}

export function lint(inputs: readonly LintInput[], opts: LintOptions): FileResult[] {
  const cache = new Map<Config, Settings>();
  // What the specs' blocks scan, shared: thousands of specs over one snapshot repeat a few blocks.
  const scanners = new ScannerCache();

  // Compile every file first: rules that look across files need every plan.
  const compiled = inputs.map((input) => {
    const settings = settingsFor(opts, cache, input.source.name);
    const { config, owners } = settings;
    const parseErrors = input.diagnostics.filter((d) => d.severity === 'error');
    const messages: LintMessage[] = parseErrors.map((d) => fromDiagnostic(d, null, 2));
    const report = (diagnostics: readonly Diagnostic[]) => {
      for (const found of diagnostics) {
        if (input.diagnostics.includes(found)) continue;
        // compile() reports under the owning rule's id already; the spec plan's checks do not.
        const d = asOwned(found)!;
        const owner = owners.get(d.code);
        if (owner) {
          if (owner.severity !== 'off') messages.push({ ...fromDiagnostic(d, owner.rule.id, toNumber(owner.severity)) });
        } else if (d.severity !== 'info') {
          messages.push(fromDiagnostic(d, null, d.severity === 'error' ? 2 : 1));
        }
      }
    };
    let plan: RestorePlan | undefined;
    if (parseErrors.length === 0 && input.inventory) {
      const result = compile(input, input.inventory, { ...config.compile, requests: false, scanners });
      plan = result.plan;
      report(result.diagnostics);
    }
    const file: ProjectFile = { file: input.source.name, source: input.source, document: input.document };
    let unresolved: UnresolvedPattern[] | undefined;
    if (plan) file.plan = plan;
    else if (parseErrors.length === 0) {
      // No plan (no inventory, or one that cannot resolve the spec): what the spec alone decides.
      const spec = expandSpec(input.source.name, input.document, input.inventory ? isCaseInsensitive(input.inventory) : config.lowerCaseTableNames !== 0);
      if (spec) {
        report(spec.diagnostics);
        file.specPlan = spec.plan;
        unresolved = spec.unresolved;
      }
    }
    if (input.inventory) file.inventory = input.inventory;
    return { input, file, messages, parseOk: parseErrors.length === 0, unresolved, settings };
  });
  const project = compiled.map((c) => c.file);

  return compiled.map(({ input, file, messages, parseOk, unresolved, settings }, index) => {
    const { resolved } = settings;
    const skipped: FileResult['skipped'] = [];
    if (parseOk) {
      // One context per file, its rule-specific fields set before each check (checks run one at
      // a time): a fresh object and closure per rule and file was most of the engine's own time
      // on runs over thousands of specs.
      let current = resolved[0]!;
      const ctx: RuleContext = {
        ...file,
        options: {},
        now: opts.now,
        project,
        index,
        report: (r) => {
          const { rule, severity } = current;
          const template = rule.messages[r.messageId];
          if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId ${r.messageId}`);
          const m: LintMessage = { ruleId: rule.id, severity: toNumber(severity), message: formatMessage(template, r.data), span: r.span };
          if (r.related?.length) m.related = r.related;
          if (r.help) m.help = r.help;
          if (r.fix) m.fix = r.fix;
          messages.push(m);
        },
      };
      for (const entry of resolved) {
        const { rule, severity, options } = entry;
        if (severity === 'off') continue;
        let missing: Need[] | undefined;
        for (const n of rule.needs) if (n === 'plan' ? !file.plan : n === 'inventory' ? !file.inventory : false) (missing ??= []).push(n);
        if (missing) {
          skipped.push({ ruleId: rule.id, missing });
          continue;
        }
        if (!rule.check) continue;
        current = entry;
        ctx.options = options;
        rule.check(ctx);
      }
    }
    let kept = applySuppressions(input, messages, opts, settings.config, new Set(skipped.map((s) => s.ruleId)));
    // One problem, one report: when a rule says why the source's contents could not be listed
    // (the live reader does not ask for an unusable backup or a time outside the window), the
    // compiler's "no contents" error says nothing more.
    if (kept.some((m) => m.severity === 2 && m.ruleId !== null && SOURCE_RULES.has(m.ruleId))) kept = kept.filter((m) => m.code !== 'inventory/no-contents');
    kept = mergeFindings(kept);
    kept.sort((a, b) => a.span.start - b.span.start || b.severity - a.severity || String(a.ruleId).localeCompare(String(b.ruleId)));
    const result: FileResult = {
      file: input.source.name,
      source: input.source,
      messages: capMessages(kept),
      // Counted before the cap: exit codes and --max-warnings see every problem.
      errorCount: kept.filter((m) => m.severity === 2).length,
      warningCount: kept.filter((m) => m.severity === 1).length,
      skipped,
    };
    if (file.plan) result.plan = file.plan;
    if (unresolved) result.unresolved = unresolved;
    return result;
  });
}

/** Problems that follow from another at the same place: reported once, as the cause. A table
 *  restored onto itself is "in place", not also "target exists". */
const IMPLIED_BY: Record<string, string> = { 'target-exists': 'in-place-restore' };

/** One finding, one message: the same message at the same place once, and implied ones dropped. */
function mergeFindings(messages: LintMessage[]): LintMessage[] {
  const at = (m: LintMessage) => `${m.span.start}:${m.span.end}`;
  const causes = new Set(messages.filter((m) => m.ruleId !== null && Object.values(IMPLIED_BY).includes(m.ruleId)).map((m) => `${m.ruleId}@${at(m)}`));
  const seen = new Set<string>();
  return messages.filter((m) => {
    const cause = m.ruleId === null ? undefined : IMPLIED_BY[m.ruleId];
    if (cause && causes.has(`${cause}@${at(m)}`)) return false;
    const key = `${m.ruleId ?? m.code}@${at(m)}@${m.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `1 error`, `2 errors`: as the stylish summary counts. */
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * At most MAX_ERRORS messages per file, as for parse problems, and one line for the rest: 1 MiB
 * of directives naming unknown rules gave 125,780 messages and 58 MB of output. The counts of
 * the file result stay complete.
 */
function capMessages(messages: LintMessage[]): LintMessage[] {
  if (messages.length <= MAX_ERRORS) return messages;
  const shown = messages.slice(0, MAX_ERRORS);
  const hidden = messages.slice(MAX_ERRORS);
  const errors = hidden.filter((m) => m.severity === 2).length;
  const at = shown[shown.length - 1]!.span.end;
  shown.push({
    ruleId: null,
    severity: errors > 0 ? 2 : 1,
    message: `${count(hidden.length, 'more problem')} in this file ${hidden.length === 1 ? 'is' : 'are'} not shown (${count(errors, 'error')}, ${count(hidden.length - errors, 'warning')})`,
    span: { start: at, end: at },
    help: 'fix the problems above first; the counts in the summary include every problem',
    code: 'lint/too-many-problems',
  });
  return shown;
}

/** The ids of a run's rules, made once per run (not once per file). */
const KNOWN_IDS = new WeakMap<readonly LintRule[], ReadonlySet<string>>();
function knownIds(rules: readonly LintRule[]): ReadonlySet<string> {
  let ids = KNOWN_IDS.get(rules);
  if (!ids) KNOWN_IDS.set(rules, (ids = new Set(rules.map((r) => r.id))));
  return ids;
}

function applySuppressions(input: LintInput, messages: LintMessage[], opts: LintOptions, config: Config, skipped: ReadonlySet<string>): LintMessage[] {
  const { suppressions, problems } = parseSuppressions(input.document.comments, input.source);
  const known = knownIds(opts.rules);
  const out: LintMessage[] = problems.map((p) => ({ ruleId: null, severity: 2, message: p.message, span: p.span, code: 'lint/bad-directive' }));
  for (const s of suppressions) {
    for (const r of s.rules) {
      // A compiler code (`expand/no-match`) names the rule that owns it: one problem, one identity.
      r.id = ruleIdOf(r.id, opts.rules);
      if (!known.has(r.id)) {
        const guess = closest(r.id, [...known]);
        out.push({ ruleId: null, severity: 2, message: `suppression names unknown rule \`${r.id}\``, span: r.span, help: guess ? `did you mean \`${guess}\`?` : '`restorec rules` lists the rule ids', ...(guess ? { fix: { span: r.span, text: guess } } : {}), code: 'lint/unknown-rule' });
        r.used = true; // reported once, as unknown
      }
      // A rule that could not run (no inventory) may well have reported here: not unused.
      if (skipped.has(r.id)) r.used = true;
    }
  }
  const index = new SuppressionIndex(suppressions);
  for (const m of messages) {
    if (m.ruleId !== null && index.suppresses(m.ruleId, input.source.position(m.span.start).line)) continue;
    out.push(m);
  }
  const unused = config.reportUnusedSuppressions ?? 'warn';
  if (unused !== 'off') {
    for (const s of suppressions) {
      for (const r of s.rules) {
        if (r.used) continue;
        out.push({
          ruleId: null,
          severity: toNumber(unused),
          message: `suppression of \`${input.source.text.slice(r.span.start, r.span.end)}\` suppresses nothing${s.kind === 'next-line' ? ' on the next line' : ' in this file'}; remove it`,
          span: r.span,
          code: 'lint/unused-suppression',
        });
      }
    }
  }
  return out;
}
