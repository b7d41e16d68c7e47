// `restorec inventory pull --instance ID [--backup ID | --at TIME]... -o FILE`: the live inventory
// of one instance as a validated snapshot (the format lint, plan and compile read offline).
// Without --backup/--at it lists the contents of the newest usable backup.
import { writeFileSync } from 'node:fs';
import { parseTimestamp } from '../../grammar/index.ts';
import { LiveProvider, type ContentsSource } from '../../inventory/index.ts';
import { redact } from '../../cloud/index.ts';
import { EXIT_OK, UserError } from '../errors.ts';
import { guard, makeClient, mysqlUrl, type CloudArgs } from '../cloud.ts';

export interface InventoryPullOptions extends CloudArgs {
  action: string;
  instance?: string | undefined;
  backup: string[];
  at: string[];
  out: string;
}

function utcTime(raw: string): string {
  const t = parseTimestamp(raw);
  if (!t.ok) throw new UserError(`--at: ${t.message}`);
  return t.utc;
}

export async function inventoryCommand(opts: InventoryPullOptions): Promise<number> {
  if (opts.action !== 'pull') throw new UserError(`unknown inventory action ${JSON.stringify(opts.action)}`, 'restorec inventory pull --instance ID -o FILE');
  if (!opts.instance) throw new UserError('--instance ID is required');
  const client = makeClient(opts, undefined);
  try {
    return await guard(async () => {
    let sources: ContentsSource[] = [...opts.backup.map((b) => ({ backupId: b })), ...opts.at.map((t) => ({ restoreTime: utcTime(t) }))];
    if (sources.length === 0) {
      const b = await client.call('DescribeBackups', { DBInstanceId: opts.instance, BackupStatus: 'Success', PageSize: 100, PageNumber: 1 });
      const usable = (((b['Items'] as Record<string, unknown>)?.['Backup'] ?? []) as Record<string, unknown>[])
        .filter((x) => x['MetaStatus'] === 'OK')
        .sort((x, y) => String(y['BackupStartTime'] ?? '').localeCompare(String(x['BackupStartTime'] ?? '')));
      if (usable[0]) {
        sources = [{ backupId: String(usable[0]['BackupId']) }];
        process.stderr.write(`restorec: listing the contents of the newest usable backup, ${sources[0]!.backupId} (pass --backup or --at for others)\n`);
      } else process.stderr.write('restorec: note: no usable backup (MetaStatus OK) found: the snapshot lists no backup contents\n');
    }
    const { inventory, warnings } = await new LiveProvider({ api: client, mysqlUrl: mysqlUrl(opts) }).load({ instanceId: opts.instance!, sources });
    for (const w of warnings) process.stderr.write(`restorec: note: ${w}\n`);
    const text = redact(JSON.stringify({ $schema: 'https://restorec.dev/schemas/inventory.schema.json', ...inventory }, null, 2)) + '\n';
    if (opts.out === '-') process.stdout.write(text);
    else writeFileSync(opts.out, text);
    const tables = inventory.contents.reduce((n, c) => n + c.Databases.reduce((m, d) => m + d.Tables.length, 0), 0);
    process.stderr.write(`restorec: ${opts.out === '-' ? 'wrote the snapshot' : `wrote ${opts.out}`}: ${inventory.current?.Databases.length ?? 0} databases on the instance, ${tables} tables in ${inventory.contents.length} backup source(s), ${client.callCount} API calls\n`);
    return EXIT_OK;
    });
  } finally {
    client.close();
  }
}
