// `restorec plan FILES [--inventory SNAPSHOT] [--format text|markdown]`: every source → target
// with its origin in the spec, grouped by database, and the requests (splits included).
import { renderPlan, type PlanFormat } from '../../compiler/index.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { prefetchLive } from '../live-prefetch.ts';
import { compileFiles, compileOptions, type CompileCommandOptions } from './compile.ts';

export async function planCommand(opts: CompileCommandOptions & { format: string }): Promise<number> {
  if (opts.format !== 'text' && opts.format !== 'markdown') throw new UserError(`--format must be text or markdown, got ${opts.format}`);
  const options = compileOptions(opts);
  const live = opts.inventory === undefined && opts.liveReads !== false ? await prefetchLive(opts.files, opts.cloud) : undefined;
  const { compiled, inputErrors, errors } = compileFiles({ ...opts, ...(live ? { live } : {}) }, options);
  if (inputErrors > 0) return EXIT_USAGE;
  if (errors > 0) return EXIT_FINDINGS;
  const pages = compiled.map(({ parsed, result }) =>
    renderPlan({ plan: result.plan!, source: parsed.source, requests: result.requests, entries: result.entries, options }, opts.format as PlanFormat),
  );
  process.stdout.write(pages.join('\n'));
  return EXIT_OK;
}
