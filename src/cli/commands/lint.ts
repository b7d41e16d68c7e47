// `restorec lint FILES [--inventory SNAPSHOT] [--config FILE] [--format F] [--max-warnings N]`:
// policy rules that predict RestoreTable failures before the call. Output on stdout in the chosen
// format; notes (skipped rules) on stderr. Exit 0 clean, 1 errors or too many warnings, 2 usage
// or input errors.
import { reportProblems } from '../report.ts';
import { appendFileSync, existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { parseBytes, MAX_SOURCE_BYTES } from '../../grammar/index.ts';
import type { Inventory } from '../../compiler/index.ts';
import { lint, type FileResult, type LintInput } from '../../lint/lint.ts';
import { rules } from '../../lint/registry.ts';
import { ConfigError, configFor, findConfig, loadConfig, overridesFor, resolveRules, type Config } from '../../lint/config.ts';
import { DEFAULT_MAX_ENTRIES } from '../../compiler/plan.ts';
import { formatStylish } from '../../lint/formatters/stylish.ts';
import { formatJson } from '../../lint/formatters/json.ts';
import { formatSarif } from '../../lint/formatters/sarif.ts';
import { formatGithub } from '../../lint/formatters/github.ts';
import { formatSummaryMarkdown } from '../../lint/formatters/summary.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { expandPaths, readInput, SPEC_EXTENSION } from '../files.ts';
import { stdoutStyle } from '../terminal.ts';
import { writeStdout } from '../stdout.ts';
import { writeOutputFile } from '../output.ts';
import { describeCode } from '../../grammar/read-bounded.ts';
import { neighbourSnapshot, readSnapshot } from '../snapshots.ts';
import { prefetchLive } from '../live-prefetch.ts';
import { repoRoot } from '../repo-root.ts';
import { notChecked, unresolvedText } from '../../lint/formatters/skipped.ts';
import { hintsFrom } from '../zone-hints.ts';
import type { CloudArgs } from '../cloud-flags.ts';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export interface LintCommandOptions {
  files: string[];
  inventory?: string;
  offline: boolean;
  /** false: never read the live instance (pre-commit hooks have no network). */
  liveReads?: boolean;
  config?: string;
  format: string;
  maxWarnings: number;
  output?: string;
  now?: string;
  /** The cloud flags, for a live read when there is no snapshot. */
  cloud?: CloudArgs;
  /** --repo-root: what SARIF paths are relative to. */
  repoRoot?: string;
}

function clock(now: string | undefined): Date {
  if (now === undefined) return new Date();
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) throw new UserError(`--now must be an ISO 8601 time, got ${now}`);
  return d;
}

export async function lintCommand(opts: LintCommandOptions): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UserError(`--format must be one of ${FORMATS.join(', ')}`);
  // `abc` arrives as NaN and `1e400` as Infinity: either would switch the gate off unseen.
  if (!Number.isSafeInteger(opts.maxWarnings) || opts.maxWarnings < -1) {
    throw new UserError(`--max-warnings must be a whole number of warnings (0 or more, or -1 for no limit), got ${Number.isNaN(opts.maxWarnings) ? 'a value that is not a number' : opts.maxWarnings}`, 'restorec lint --max-warnings 0 FILES fails on any warning');
  }
  if (opts.files.length === 0) throw new UserError('name at least one spec file or directory');
  const config = readConfig(opts.config);
  const files = expandPaths(opts.files);
  if (files.length === 0) throw new UserError(`no ${SPEC_EXTENSION} files found in ${opts.files.join(', ')}`);
  const snapshots = new Map<string, Inventory>();
  const live = opts.offline || opts.inventory !== undefined || opts.liveReads === false ? undefined : await prefetchLive(files, opts.cloud);
  const inputs: LintInput[] = files.map((file) => {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const parsed = parseBytes(file === '-' ? '<stdin>' : file, bytes, size, { timestamps: hintsFrom(config.timeZone) });
    const input: LintInput = { source: parsed.source, document: parsed.document, diagnostics: parsed.diagnostics };
    if (opts.offline) return input;
    const liveInventory = live?.get(file);
    if (liveInventory) return { ...input, inventory: liveInventory };
    const path = opts.inventory ?? neighbourSnapshot(file);
    if (path === undefined || (opts.inventory === undefined && !existsSync(path))) return input;
    let inventory = snapshots.get(path);
    if (!inventory) snapshots.set(path, (inventory = readSnapshot(path)));
    input.inventory = inventory;
    return input;
  });

  const results = lint(inputs, { config, rules, now: clock(opts.now) });
  const text = render(results, opts.format, opts.repoRoot);
  if (opts.output) writeOutputFile(opts.output, text);
  else writeStdout(text);
  const summary = process.env['GITHUB_STEP_SUMMARY'];
  if (opts.format === 'github' && summary) {
    try {
      appendFileSync(summary, formatSummaryMarkdown(results));
    } catch (e) {
      // The annotations are out already; a summary file that cannot be written is a note, not a failure.
      process.stderr.write(`restorec: note: cannot append the step summary to ${summary}: ${describeCode(String((e as NodeJS.ErrnoException).code ?? (e as Error).message))}\n`);
    }
  }
  reportSkipped(results);
  reportUnresolved(results);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    process.stderr.write(`restorec: ${warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function render(results: FileResult[], format: string, root: string | undefined): string {
  switch (format) {
    case 'json':
      return formatJson(results) + '\n';
    case 'sarif':
      return formatSarif(results, rules, { root: repoRoot(process.cwd(), root) });
    case 'github':
      return formatGithub(results);
    default:
      return formatStylish(results, stdoutStyle());
  }
}

/**
 * Says which rules could not run, so an offline run is never mistaken for a full check, and why:
 * a file with no inventory at all, or one whose inventory did not give a plan (it does not list
 * the spec's backup or time, or describes another instance: the errors above say which).
 */
function reportSkipped(results: FileResult[]): void {
  const groups = [
    { files: results.filter((r) => r.skipped.some((s) => s.missing.includes('inventory'))), why: 'without an inventory', help: 'pass --inventory SNAPSHOT, or keep NAME.inventory.json beside each spec (restorec inventory pull writes one)' },
    { files: results.filter((r) => r.skipped.length > 0 && !r.skipped.some((s) => s.missing.includes('inventory'))), why: 'whose inventory gave no plan', help: 'the errors above say why: the inventory does not list the spec\'s backup or time, or the spec does not compile against it' },
  ];
  for (const g of groups) {
    const ids = new Set(g.files.flatMap((r) => r.skipped.map((s) => s.ruleId)));
    if (ids.size === 0) continue;
    const n = g.files.length;
    process.stderr.write(`restorec: ${ids.size} rule${ids.size === 1 ? '' : 's'} skipped on ${n} file${n === 1 ? '' : 's'} ${g.why}: ${[...ids].sort().join(', ')}\n  help: ${g.help}\n`);
  }
}

/** Names the patterns the spec-only checks could not resolve (no inventory to match them against). */
function reportUnresolved(results: FileResult[]): void {
  const list = notChecked(results).unresolved;
  if (list.length > 0) process.stderr.write(`restorec: ${unresolvedText(list)}\n`);
}

/** The config lint uses (given, or the nearest upward); its problems on stderr, then exit 2. */
function readConfig(path: string | undefined): Config {
  try {
    return loadConfig(path ?? findConfig(process.cwd()), rules).config;
  } catch (e) {
    if (e instanceof ConfigError) {
      reportProblems(e.problems);
      throw new UserError(e.message);
    }
    throw e;
  }
}

/**
 * `restorec print-config FILE`: the settings lint would use for FILE, as ESLint's --print-config
 * shows them: the config files read, the overrides that apply, and every rule's severity and
 * options, defaults included.
 */
export async function printConfigCommand(opts: { file: string; config?: string }): Promise<number> {
  if (opts.file === '') throw new UserError('name the spec file whose config to print', 'restorec print-config specs/incident.restore');
  const config = readConfig(opts.config);
  const mine = configFor(config, opts.file);
  const rulesOut: Record<string, unknown> = {};
  for (const r of resolveRules(mine, rules)) rulesOut[r.rule.id] = Object.keys(r.options).length > 0 ? [r.severity, r.options] : r.severity;
  const shown = (p: string | undefined) => {
    if (p === undefined) return p;
    const rel = relative(process.cwd(), p);
    return rel.startsWith('..') || isAbsolute(rel) ? p : rel;
  };
  const out = {
    file: opts.file,
    configFiles: (config.files ?? []).map(shown),
    overrides: overridesFor(config, opts.file).map((i) => {
      const o = config.overrides![i]!;
      return { from: shown(o.from), index: (config.overrides ?? []).filter((x) => x.from === o.from).indexOf(o), files: o.files, ...(o.excludedFiles !== undefined ? { excludedFiles: o.excludedFiles } : {}) };
    }),
    lowerCaseTableNames: mine.lowerCaseTableNames ?? 1,
    reportUnusedSuppressions: mine.reportUnusedSuppressions ?? 'warn',
    compile: { maxEntries: mine.compile?.maxEntries ?? DEFAULT_MAX_ENTRIES, wholeDatabase: mine.compile?.wholeDatabase ?? 'tables' },
    rules: rulesOut,
  };
  writeStdout(JSON.stringify(out, null, 2) + '\n');
  return EXIT_OK;
}
