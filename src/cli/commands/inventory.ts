// `restorec inventory pull --instance ID [--backup ID | --at TIME]... -o FILE`: the live inventory
// of one instance as a validated snapshot (the format lint, plan and compile read offline).
// Without --backup/--at it lists the contents of the newest usable backup. With `--from-region R
// --from-instance I` it reads that cross-region source instead ([--cross-backup ID | --at TIME]...).
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
// timestamp.ts alone: the grammar's index would build chevrotain's lexer and parser at start-up (~5 ms).
import { parseTimestamp } from '../../grammar/timestamp.ts';
import { LiveProvider, type ContentsSource, type CrossRegionSource } from '../../inventory/index.ts';
import { redact } from '../../cloud/index.ts';
import { EXIT_OK, UserError } from '../errors.ts';
import { guard, makeClient, mysqlUrl, type CloudArgs } from '../cloud.ts';
import { writeStderr, writeStdout } from '../stdout.ts';

export interface InventoryPullOptions extends CloudArgs {
  action: string;
  instance?: string | undefined;
  backup: string[];
  at: string[];
  /** A cross-region source: its region and instance, and its backup sets to list. */
  fromRegion?: string | undefined;
  fromInstance?: string | undefined;
  crossBackup?: string[];
  out: string;
}

function utcTime(raw: string): string {
  const t = parseTimestamp(raw);
  if (!t.ok) throw new UserError(`--at: ${t.message}`, t.help ?? (t.suggestion ? `write ${t.suggestion}` : undefined));
  return t.utc;
}

function checkWritableDir(out: string): void {
  const dir = dirname(out);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw new UserError(`-o ${out}: the folder ${dir} does not exist`, 'create it first, or pass -o - for stdout');
}

/** Beside the target, then renamed over it: an interrupted pull never leaves half a snapshot. */
function writeAtomically(out: string, text: string): void {
  const tmp = `${out}.restorec-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The cross-region source of the flags: --from-region and --from-instance go together. */
function crossSource(opts: InventoryPullOptions): CrossRegionSource | undefined {
  const ids = opts.crossBackup ?? [];
  if (opts.fromRegion === undefined && opts.fromInstance === undefined) {
    if (ids.length > 0) throw new UserError('--cross-backup needs the source: --from-region REGION --from-instance ID');
    return undefined;
  }
  if (!opts.fromRegion || !opts.fromInstance) throw new UserError('--from-region and --from-instance name the cross-region source together: pass both');
  if (!/^[a-z]{2,}(?:-[a-z0-9]+)+$/.test(opts.fromRegion)) throw new UserError(`--from-region: ${JSON.stringify(opts.fromRegion)} is not a region id`, 'e.g. --from-region cn-hangzhou');
  for (const id of ids) if (!/^\d{1,10}$/.test(id) || Number(id) > 2 ** 31 - 1) throw new UserError(`--cross-backup: ${JSON.stringify(id)} is not a CrossBackupId (an integer)`);
  return { instanceId: opts.fromInstance, region: opts.fromRegion, backupIds: ids, restoreTimes: opts.at.map(utcTime) };
}

export async function inventoryCommand(opts: InventoryPullOptions): Promise<number> {
  if (opts.action !== 'pull') throw new UserError(`unknown inventory action ${JSON.stringify(opts.action)}`, 'restorec inventory pull --instance ID -o FILE');
  if (!opts.instance) throw new UserError('--instance ID is required');
  // Before any API call: a snapshot that cannot be written should not cost a full read first.
  if (opts.out !== '-') checkWritableDir(opts.out);
  const client = makeClient(opts, undefined);
  try {
    return await guard(async () => {
    const cross = crossSource(opts);
    // With a cross-region source, --at times are the source's; the instance's own contents are not listed.
    const sources: ContentsSource[] = [...opts.backup.map((b) => ({ backupId: b })), ...(cross ? [] : opts.at.map((t) => ({ restoreTime: utcTime(t) })))];
    const provider = new LiveProvider({ api: client, mysqlUrl: mysqlUrl(opts), ...(opts.metaPageSize !== undefined ? { metaPageSize: opts.metaPageSize } : {}) });
    const { inventory, warnings } = await provider.load({ instanceId: opts.instance!, sources, newestUsableBackup: sources.length === 0 && !cross, ...(cross ? { crossRegion: cross } : {}) });
    for (const w of warnings) writeStderr(`restorec: note: ${w}\n`);
    const text = redact(JSON.stringify({ $schema: 'https://restorec.dev/schemas/inventory.schema.json', ...inventory }, null, 2)) + '\n';
    if (opts.out === '-') writeStdout(text);
    else writeAtomically(opts.out, text);
    const tables = inventory.contents.reduce((n, c) => n + c.Databases.reduce((m, d) => m + d.Tables.length, 0), 0);
    const x = inventory.crossRegion;
    const crossTables = (x?.contents ?? []).reduce((n, c) => n + c.Databases.reduce((m, d) => m + d.Tables.length, 0), 0);
    const crossPart = x ? `; cross-region source ${x.DBInstanceId} (${x.RegionId}): ${x.supported === false ? 'cross-region backup not supported' : `${x.backups?.length ?? 0} cross-region backups, ${crossTables} tables in ${x.contents.length} listed`}` : '';
    writeStderr(`restorec: ${opts.out === '-' ? 'wrote the snapshot' : `wrote ${opts.out}`}: ${inventory.current?.Databases.length ?? 0} databases on the instance, ${tables} tables in ${inventory.contents.length} backup source(s)${crossPart}, ${client.callCount} API calls\n`);
    return EXIT_OK;
    });
  } finally {
    client.close();
  }
}
