// Shared by the commands that talk to RDS (inventory pull, apply, and lint/plan/compile when no
// snapshot is at hand): the cloud flags, the client they configure, the live inventory of one
// spec, and turning cloud failures into one-line user errors with every secret redacted.
import { reportProblems } from './report.ts';
import { visibleText } from '../grammar/visible.ts';
import { existsSync } from 'node:fs';
import type { Document } from '../grammar/index.ts';
import type { Inventory } from '../compiler/index.ts';
import { RdsClient, cloudConfigured, credentialsSource, endpointFor, redact, CloudError, CredentialsError, type CredentialsSource } from '../cloud/index.ts';
import { InventoryError, LiveProvider, MysqlError, type ContentsSource, type CrossRegionSource } from '../inventory/index.ts';
import { sourceOf } from '../compiler/source.ts';
import { EXIT_FINDINGS, EXIT_USAGE, UserError, isUserError } from './errors.ts';
export { cloudFlags, cloudArgs, type CloudArgs } from './cloud-flags.ts';
import type { CloudArgs } from './cloud-flags.ts';
import { writeStderr } from './stdout.ts';

/** The spec's `region` statement, if any. */
export function specRegion(doc: Document): string | undefined {
  const r = doc.statements.find((s) => s.kind === 'Region');
  return r?.kind === 'Region' ? r.region.value : undefined;
}

export function makeClient(args: CloudArgs, region: string | undefined, credentials?: CredentialsSource): RdsClient {
  const chosen = args.region ?? region ?? (process.env['ALIBABA_CLOUD_REGION_ID'] || undefined);
  const endpoint = args.endpoint ?? process.env['RESTOREC_ENDPOINT'] ?? endpointFor(chosen);
  if (!/^https?:\/\//.test(endpoint)) throw new UserError(`--endpoint must be an http:// or https:// URL, got ${redact(endpoint)}`);
  if (args.concurrency !== undefined && (!Number.isInteger(args.concurrency) || args.concurrency < 1)) throw new UserError(`--concurrency must be a whole number >= 1`);
  if (args.rate !== undefined && !(args.rate > 0)) throw new UserError(`--rate must be > 0`);
  if (args.timeoutMs !== undefined && !(Number.isFinite(args.timeoutMs) && args.timeoutMs >= 100)) throw new UserError(`--timeout must be at least 100 (milliseconds)`);
  if (args.metaPageSize !== undefined && !(Number.isInteger(args.metaPageSize) && args.metaPageSize >= 1 && args.metaPageSize <= 10_000)) throw new UserError('--meta-page-size must be a whole number from 1 to 10000');
  return new RdsClient({
    endpoint,
    credentials: credentials ?? credentialsSource(args.profile),
    ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
    limit: { ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}), ...(args.rate !== undefined ? { ratePerSecond: args.rate } : {}) },
    ...(args.verbose ? { trace: (l: string) => process.stderr.write(`restorec: ${visibleText(redact(l))}\n`) } : {}),
  });
}

export function mysqlUrl(args: CloudArgs): string | undefined {
  return args.mysqlUrl ?? (process.env['RESTOREC_MYSQL_URL'] || undefined);
}

/** The source a spec restores from, as the inventory needs it: its own backups, or (crossRegion) another region's. */
export function specSource(doc: Document): { instanceId: string; source: ContentsSource; crossRegion?: CrossRegionSource } | undefined {
  const inst = doc.statements.find((s) => s.kind === 'Instance');
  const ref = sourceOf(doc)?.ref;
  if (inst?.kind !== 'Instance' || !ref) return undefined;
  const source: ContentsSource = ref.backupId !== undefined ? { backupId: ref.backupId } : { restoreTime: ref.restoreTime! };
  if (!ref.crossRegion) return { instanceId: inst.id.value, source };
  const crossRegion: CrossRegionSource = { instanceId: ref.crossRegion.instanceId, region: ref.crossRegion.region, backupIds: ref.backupId !== undefined ? [ref.backupId] : [], restoreTimes: ref.restoreTime !== undefined ? [ref.restoreTime] : [] };
  return { instanceId: inst.id.value, source, crossRegion };
}

/** The live inventory a spec compiles against; warnings go to stderr. */
export async function liveInventory(doc: Document, args: CloudArgs, client?: RdsClient): Promise<Inventory> {
  const src = specSource(doc);
  if (!src) throw new UserError('the spec names no instance or no source (from backup / from cross-region backup / at): nothing to read');
  const api = client ?? makeClient(args, specRegion(doc));
  let loaded;
  try {
    // A cross-region spec reads the source's cross-region backups instead of the instance's own.
    const sources = src.crossRegion ? [] : [src.source];
    loaded = await new LiveProvider({ api, mysqlUrl: mysqlUrl(args), ...(args.metaPageSize !== undefined ? { metaPageSize: args.metaPageSize } : {}) }).load({ instanceId: src.instanceId, sources, ...(src.crossRegion ? { crossRegion: src.crossRegion } : {}) });
  } finally {
    if (!client) api.close();
  }
  const { inventory, warnings } = loaded;
  for (const w of warnings) writeStderr(`restorec: note: ${w}\n`);
  return inventory;
}

/** Runs `fn`, turning cloud, credential, SQL and inventory failures into redacted UserErrors. */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUserError(e)) throw e;
    if (e instanceof CloudError) throw new UserError(redact(e.message), undefined, EXIT_FINDINGS);
    if (e instanceof CredentialsError || e instanceof MysqlError) throw new UserError(redact(e.message), undefined, EXIT_USAGE);
    if (e instanceof InventoryError) {
      reportProblems(e.problems.map(redact));
      throw new UserError(redact(e.message), undefined, EXIT_FINDINGS);
    }
    const err = e as Error;
    if (err && typeof err.message === 'string') err.message = redact(err.message);
    if (err && typeof err.stack === 'string') err.stack = redact(err.stack);
    throw e;
  }
}
