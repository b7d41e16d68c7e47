// `restorec plan FILES [--inventory SNAPSHOT] [--format text|markdown|json] [--out FILE]
// [--detailed-exitcode]`: every source → target with its origin in the spec, grouped by database,
// and the requests (splits included). `--out` saves the plan for `apply FILE` (reviewed plan =
// applied plan); `--detailed-exitcode` tells CI "nothing to do" (0) from "would restore" (2).
// A spec with no inventory gets what the spec alone decides (exact entries, patterns marked
// unresolved, no requests) instead of an error; it cannot be saved with --out.
import { reportProblems } from '../report.ts';
import { renderPlan, type Inventory, type PlanFormat, type RestorePlan, type RestoreRequest } from '../../compiler/index.ts';
import { requestTargets, targetPresence } from '../../cloud/targets.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { prefetchLive } from '../live-prefetch.ts';
import { writeStdout } from '../stdout.ts';
import { planFacts, savedPlan, writePlanFile } from '../saved-plan.ts';
import { compileFiles, compileOptions, type CompileCommandOptions } from './compile.ts';
import { renderSpecPlan, specPlanJson } from '../../compiler/render-spec-plan.ts';
import { ConfigError, configFor, findConfig, loadConfig, type Config } from '../../lint/config.ts';
import { rules } from '../../lint/registry.ts';

export interface PlanCommandOptions extends CompileCommandOptions {
  format: string;
  out?: string | undefined;
  detailedExitcode?: boolean;
}

/** Exit code of --detailed-exitcode when the plan would restore something (Terraform's). */
const EXIT_CHANGES = 2;

/** Whether every request's targets are on the instance already (known only with readable tables). */
function alreadyApplied(plan: RestorePlan, requests: RestoreRequest[], inventory: Inventory): boolean {
  const current = inventory.current?.Databases;
  if (!current) return false;
  return requests.every((r) => targetPresence(requestTargets(r, inventory), current, plan.caseInsensitive).state === 'present');
}

function planJson(file: string, plan: RestorePlan, requests: RestoreRequest[], entries: number[], inventory: Inventory, applied: boolean): unknown {
  return {
    file,
    resolved: true,
    instanceId: plan.instanceId,
    source: { ...(plan.backupId !== undefined ? { backupId: plan.backupId } : { restoreTime: plan.restoreTime }), ...(plan.crossRegion ? { crossRegion: plan.crossRegion } : {}) },
    operation: plan.crossRegion ? 'RestoreDdrTable' : 'RestoreTable',
    caseInsensitive: plan.caseInsensitive,
    instantRecovery: plan.instantRecovery === true,
    alreadyApplied: applied,
    databases: plan.databases.map((d) => ({ source: d.source, target: d.target, whole: d.whole, tables: d.tables.map((t) => ({ source: t.source, target: t.target })) })),
    requests: requests.map((r, i) => ({ ...r, entries: entries[i] })),
    facts: planFacts(inventory, plan),
  };
}

export async function planCommand(opts: PlanCommandOptions): Promise<number> {
  if (!['text', 'markdown', 'json'].includes(opts.format)) throw new UserError(`--format must be text, markdown or json, got ${opts.format}`);
  const options = compileOptions(opts);
  const live = opts.inventory === undefined && opts.liveReads !== false ? await prefetchLive(opts.files, opts.cloud) : undefined;
  const specOnly = opts.inventory === undefined ? { caseInsensitive: namesFoldCase } : undefined;
  const { compiled, specOnly: unresolved, inputErrors, errors } = compileFiles({ ...opts, ...(live ? { live } : {}), ...(specOnly ? { specOnly } : {}) }, options);
  // Terraform's convention under --detailed-exitcode: 1 for any error, 2 only for changes.
  if (inputErrors > 0) return opts.detailedExitcode ? EXIT_FINDINGS : EXIT_USAGE;
  if (errors > 0) return EXIT_FINDINGS;
  if (opts.out !== undefined) {
    if (unresolved.length > 0) throw new UserError(`--out saves requests, and ${unresolved[0]!.parsed.source.name} has no inventory to resolve them against`, 'pass --inventory SNAPSHOT, or keep NAME.inventory.json beside the spec');
    if (compiled.length !== 1) throw new UserError(`--out saves the plan of one spec; ${compiled.length} were given`, 'run plan --out once per spec');
    const { parsed, result, inventory, bytes } = compiled[0]!;
    if (parsed.source.name === '<stdin>') throw new UserError('--out needs the spec in a file (apply re-reads it)');
    writePlanFile(opts.out, savedPlan(opts.out, parsed.source.name, bytes, result.plan!, result.requests, inventory, options));
    process.stderr.write(`restorec: saved the plan to ${opts.out}; apply exactly it with: restorec apply ${opts.out}\n`);
  }
  const applied = compiled.map(({ result, inventory }) => alreadyApplied(result.plan!, result.requests, inventory));
  // In the order the files were given, resolved or not.
  const byIndex = <T>(list: { index: number; value: T }[]) => list.sort((a, b) => a.index - b.index).map((x) => x.value);
  if (opts.format === 'json') {
    const docs = byIndex([
      ...compiled.map(({ parsed, result, inventory, index }, i) => ({ index, value: planJson(parsed.source.name, result.plan!, result.requests, result.entries, inventory, applied[i]!) })),
      ...unresolved.map(({ parsed, spec, index }) => ({ index, value: specPlanJson({ spec, source: parsed.source }) })),
    ]);
    writeStdout(JSON.stringify(docs, null, 2) + '\n');
  } else {
    const pages = byIndex([
      ...compiled.map(({ parsed, result, index }) => ({ index, value: renderPlan({ plan: result.plan!, source: parsed.source, requests: result.requests, entries: result.entries, options }, opts.format as PlanFormat) })),
      ...unresolved.map(({ parsed, spec, index }) => ({ index, value: renderSpecPlan({ spec, source: parsed.source }, opts.format as PlanFormat) })),
    ]);
    writeStdout(pages.join('\n'));
  }
  if (unresolved.length > 0) {
    const n = unresolved.length;
    process.stderr.write(`restorec: ${n} spec${n === 1 ? '' : 's'} planned without an inventory: exact names as written, patterns unresolved, no requests (pass --inventory SNAPSHOT, or keep NAME.inventory.json beside each spec)\n`);
  }
  // Without an inventory nothing can be shown to be applied already.
  if (opts.detailedExitcode) return applied.every((a) => a) && unresolved.length === 0 ? EXIT_OK : EXIT_CHANGES;
  return EXIT_OK;
}

/**
 * How names compare for a spec without an inventory: as the nearest restorec.config.json's
 * lowerCaseTableNames says for it (overrides too), else case-insensitively (the strictest
 * assumption, and RDS's default). The config is read only when a spec has no inventory.
 */
let loaded: Config | undefined;
function namesFoldCase(file: string): boolean {
  try {
    loaded ??= loadConfig(findConfig(process.cwd()), rules).config;
    return configFor(loaded, file).lowerCaseTableNames !== 0;
  } catch (e) {
    if (e instanceof ConfigError) {
      reportProblems(e.problems);
      throw new UserError(e.message);
    }
    throw e;
  }
}
