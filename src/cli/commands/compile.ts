// `restorec compile FILES [--inventory SNAPSHOT]`: RestoreTable request parameters as one JSON
// array on stdout (nothing else there); diagnostics on stderr. Exit 1 when a spec does not
// compile, 2 when an input cannot be read or is invalid, or a spec has no inventory (a request
// is only ever printed resolved against a backup's contents). A problem a lint rule owns is
// reported under the rule's id, at the severity restorec.config.json gives it, unless the spec
// suppresses it.
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { parseBytes, MAX_SOURCE_BYTES, type ParseResult } from '../../grammar/index.ts';
import { compile, printJsonBytes, requestJsonPieces, type CompileOptions, type CompileResult, type Inventory, type WholeDatabaseMode } from '../../compiler/index.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { expandPaths, readInput, SPEC_EXTENSION } from '../files.ts';
import { reportDiagnostics } from '../report.ts';
import { hintsFrom } from '../zone-hints.ts';
import { lintConfig, ownedSeverity } from '../owned.ts';
import { prefetchLive } from '../live-prefetch.ts';
import { writeStdout } from '../stdout.ts';
import { untouched } from '../process-guard.ts';
import type { CloudArgs } from '../cloud-flags.ts';
import { neighbourSnapshot, readSnapshot } from '../snapshots.ts';
import { expandSpec, type SpecPlan } from '../../compiler/spec-plan.ts';
import { asOwned } from '../../compiler/problem-ids.ts';

export interface CompileCommandOptions {
  files: string[];
  inventory?: string;
  /** false: never read the live instance (pre-commit hooks have no network). */
  liveReads?: boolean;
  maxEntries: number;
  wholeDb: string;
  /** The cloud flags, for a live read when there is no snapshot. */
  cloud?: CloudArgs;
}

export function compileOptions(opts: { maxEntries: number; wholeDb: string }): CompileOptions {
  if (!Number.isInteger(opts.maxEntries) || opts.maxEntries < 2) throw new UserError(`--max-entries must be a whole number of at least 2, got ${opts.maxEntries}`);
  if (opts.wholeDb !== 'tables' && opts.wholeDb !== 'db-entry') throw new UserError(`--whole-db must be tables or db-entry, got ${opts.wholeDb}`);
  return { maxEntries: opts.maxEntries, wholeDatabase: opts.wholeDb as WholeDatabaseMode };
}

export interface CompiledFile {
  parsed: ParseResult;
  result: CompileResult;
  /** The inventory it was compiled against (snapshot or live). */
  inventory: Inventory;
  /** The spec's bytes, for digests. */
  bytes: Uint8Array;
}

/** A file with no inventory at all, expanded as far as the spec alone allows (plan only). */
export interface SpecOnlyFile {
  parsed: ParseResult;
  spec: SpecPlan;
  /** Position among the files, for output in the order given. */
  index: number;
}

/**
 * Parses and compiles every file; reports diagnostics on stderr. A file with no inventory is an
 * input error (compile never prints a request it could not resolve against a backup's
 * contents), unless `specOnly` is given (plan): then it is expanded as far as the spec allows,
 * names compared as `specOnly.caseInsensitive` says for the file (asked only then).
 */
export function compileFiles(
  opts: { files: string[]; inventory?: string; live?: Map<string, Inventory>; specOnly?: { caseInsensitive(file: string): boolean } },
  options: CompileOptions,
): { compiled: (CompiledFile & { index: number })[]; specOnly: SpecOnlyFile[]; inputErrors: number; errors: number } {
  if (opts.files.length === 0) throw new UserError('name at least one spec file or directory');
  const files = expandPaths(opts.files);
  if (files.length === 0) throw new UserError(`no ${SPEC_EXTENSION} files found in ${opts.files.join(', ')}`);
  const snapshots = new Map<string, Inventory>();
  const config = lintConfig(process.cwd());
  const compiled: (CompiledFile & { index: number })[] = [];
  const specOnly: SpecOnlyFile[] = [];
  let inputErrors = 0;
  let errors = 0;
  for (const [index, file] of files.entries()) {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const parsed = parseBytes(file === '-' ? '<stdin>' : file, bytes, size, { timestamps: hintsFrom(config.timeZone) });
    if (parsed.diagnostics.some((d) => d.severity === 'error')) {
      reportDiagnostics(parsed, undefined, true);
      inputErrors++;
      continue;
    }
    let path = opts.inventory;
    const live = path === undefined ? opts.live?.get(file) : undefined;
    if (live) {
      const result = compile(parsed, live, options, ownedSeverity(config, parsed));
      errors += reportDiagnostics({ ...parsed, diagnostics: result.diagnostics }, undefined, true);
      compiled.push({ parsed, result, inventory: live, bytes, index });
      continue;
    }
    if (path === undefined) {
      const neighbour = neighbourSnapshot(file);
      if ((neighbour === undefined || !existsSync(neighbour)) && opts.specOnly) {
        const spec = expandSpec(parsed.source.name, parsed.document, opts.specOnly.caseInsensitive(file));
        if (spec) {
          // Under the owning rules' ids and the config's severities, as compile() reports them.
          const severityOf = ownedSeverity(config, parsed);
          const diagnostics = spec.diagnostics.flatMap((d) => asOwned(d, severityOf) ?? []);
          errors += reportDiagnostics({ ...parsed, diagnostics }, undefined, true);
          specOnly.push({ parsed, spec, index });
        }
        continue;
      }
      if (neighbour === undefined || !existsSync(neighbour)) {
        throw new UserError(`no inventory for ${parsed.source.name}: no snapshot, and live inventory is not available yet: no cloud credentials configured`, `pass --inventory SNAPSHOT.json, put the snapshot beside the spec as ${neighbour ?? 'NAME.inventory.json'}, or set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (or a profile) to read the live instance; without one, \`restorec plan\` shows what the spec alone decides`);
      }
      path = neighbour;
    }
    let inventory = snapshots.get(path);
    if (!inventory) {
      inventory = readSnapshot(path);
      snapshots.set(path, inventory);
    }
    const result = compile(parsed, inventory, options, ownedSeverity(config, parsed));
    errors += reportDiagnostics({ ...parsed, diagnostics: result.diagnostics }, undefined, true);
    compiled.push({ parsed, result, inventory, bytes, index });
  }
  return { compiled, specOnly, inputErrors, errors };
}

export async function compileCommand(opts: CompileCommandOptions): Promise<number> {
  const options = compileOptions(opts);
  const live = opts.inventory === undefined && opts.liveReads !== false ? await prefetchLive(opts.files, opts.cloud) : undefined;
  const { compiled, inputErrors, errors } = compileFiles({ ...opts, ...(live ? { live } : {}) }, options);
  if (inputErrors > 0) return EXIT_USAGE;
  if (errors > 0) return EXIT_FINDINGS;
  const requests = compiled.flatMap((c) => c.result.requests);
  await writeChunks(printJsonBytes(requests, requestJsonPieces));
  return EXIT_OK;
}

/** Written but not yet taken by stdout: past this, wait for it to drain. */
const MAX_PENDING = 1 << 20;

/**
 * Writes the output a chunk at a time, never as one 20 MiB string (see printJsonBytes). Straight to
 * the descriptor while nothing has created process.stdout (see writeStdout: every write then
 * completes before the next chunk is made). Through the stream otherwise: after a chunk a pipe
 * cannot take at once, the event loop gets a turn to pass on what it has room for while the
 * next chunk is made; past MAX_PENDING it waits for the drain, so pending chunks never pile up.
 */
async function writeChunks(chunks: Iterable<Uint8Array>): Promise<void> {
  for (const chunk of chunks) {
    writeStdout(chunk);
    if (untouched('stdout')) continue;
    const out = process.stdout;
    if (out.writableLength > MAX_PENDING) await once(out, 'drain');
    else if (out.writableLength > 0) await new Promise(setImmediate);
  }
}
