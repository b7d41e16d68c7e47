// lint, plan and compile without a snapshot: when cloud access is configured (credentials in the
// environment or a profile, --endpoint or RESTOREC_ENDPOINT, --profile), read the live inventory
// of each spec that has no `NAME.inventory.json` beside it, with the same cloud flags as apply.
// Light until it is needed: the client loads only then.
import { existsSync } from 'node:fs';
import type { Inventory } from '../compiler/index.ts';
import { cloudConfigured } from '../cloud/configured.ts';
import type { CloudArgs } from './cloud-flags.ts';
import { parseBytes, MAX_SOURCE_BYTES } from '../grammar/index.ts';
import { expandPaths, readInput } from './files.ts';
import { neighbourSnapshot } from './snapshots.ts';

/** Spec file → live inventory, for the files with no snapshot; empty when cloud access is not configured. */
export async function prefetchLive(paths: string[], args: CloudArgs = {}): Promise<Map<string, Inventory>> {
  const out = new Map<string, Inventory>();
  const env = process.env;
  if (!(args.endpoint !== undefined || args.profile !== undefined || (env['RESTOREC_ENDPOINT'] ?? '') !== '' || cloudConfigured(env))) return out;
  const files = expandPaths(paths).filter((f) => {
    const n = neighbourSnapshot(f);
    return f !== '-' && (n === undefined || !existsSync(n));
  });
  if (files.length === 0) return out;
  const { guard, liveInventory } = await import('./cloud.ts');
  for (const file of files) {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const parsed = parseBytes(file, bytes, size);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) continue; // the command reports it
    out.set(file, await guard(() => liveInventory(parsed.document, args)));
  }
  return out;
}
