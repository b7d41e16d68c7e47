// Seed files: an inventory snapshot (one instance, the compiler's format) or a scenario (several
// instances, credentials, behaviour, faults, a random seed; schemas/sandbox-scenario.schema.json).
// Parsing is pure; reading files is the caller's, through `readFile`.
import { dirname, resolve } from 'node:path';
import { loadSnapshot, type Inventory } from '../compiler/index.ts';
import { applyBehaviour, DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour.ts';
import { isRestoreTableCode } from './errors.ts';
import { normalizeFaults, type FaultConfig } from './faults.ts';
import type { Credential } from './signature.ts';

export interface Scenario {
  inventories: Inventory[];
  credentials?: Credential[];
  behaviour?: Partial<Behaviour>;
  faults?: FaultConfig;
  randomSeed?: number;
}

export type SeedResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

const SCENARIO_KEYS = new Set(['$schema', 'version', 'randomSeed', 'credentials', 'instances', 'behaviour', 'faults']);

function checkCredentials(v: unknown, file: string, problems: string[]): Credential[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0) {
    problems.push(`${file}: credentials must be a non-empty array`);
    return undefined;
  }
  return v.map((c, i) => {
    const r = (c ?? {}) as Record<string, unknown>;
    const str = (k: string) => typeof r[k] === 'string' && (r[k] as string).length > 0;
    if (!str('accessKeyId') || !str('accessKeySecret') || (r['securityToken'] !== undefined && !str('securityToken'))) {
      problems.push(`${file}: credentials[${i}] needs string accessKeyId and accessKeySecret (securityToken optional)`);
    }
    return { accessKeyId: String(r['accessKeyId']), accessKeySecret: String(r['accessKeySecret']), ...(str('securityToken') ? { securityToken: String(r['securityToken']) } : {}) };
  });
}

/** `readFile(path)` reads a snapshot a scenario names (relative to the scenario's folder). */
export function parseSeed(text: string, file: string, readFile: (path: string) => string): SeedResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [`${file}: not valid JSON: ${(e as Error).message}`] };
  }
  const o = data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || !Array.isArray(o['instances'])) {
    // Not a scenario: an inventory snapshot (the compiler's loader says what is wrong, if anything).
    const snap = loadSnapshot(text, file);
    return snap.ok ? { ok: true, scenario: { inventories: [snap.inventory] } } : snap;
  }
  const problems: string[] = [];
  for (const k of Object.keys(o)) if (!SCENARIO_KEYS.has(k)) problems.push(`${file}: unknown scenario key ${JSON.stringify(k)}`);
  if (o['version'] !== 1) problems.push(`${file}: version must be 1`);
  const inventories: Inventory[] = [];
  (o['instances'] as unknown[]).forEach((inst, i) => {
    const ref = (inst as { snapshot?: unknown } | null)?.snapshot;
    const where = typeof ref === 'string' ? resolve(dirname(file), ref) : `${file} instances[${i}]`;
    let snapText: string;
    try {
      snapText = typeof ref === 'string' ? readFile(where) : JSON.stringify(inst, null, 2);
    } catch (e) {
      problems.push(`${file}: instances[${i}]: cannot read ${ref}: ${(e as Error).message}`);
      return;
    }
    const snap = loadSnapshot(snapText, where);
    if (snap.ok) inventories.push(snap.inventory);
    else problems.push(...snap.problems);
  });
  const ids = inventories.map((inv) => inv.instance.DBInstanceId);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${file}: instance ${id} is listed twice`);
  const credentials = checkCredentials(o['credentials'], file, problems);
  const seed = o['randomSeed'];
  if (seed !== undefined && !Number.isSafeInteger(seed)) problems.push(`${file}: randomSeed must be an integer`);
  let faults: FaultConfig | undefined;
  try {
    faults = o['faults'] === undefined ? undefined : normalizeFaults(o['faults']);
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
  }
  const behaviour = o['behaviour'];
  try {
    if (behaviour !== undefined) applyBehaviour(DEFAULT_BEHAVIOUR, behaviour, isRestoreTableCode);
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const scenario: Scenario = { inventories };
  if (credentials) scenario.credentials = credentials;
  if (behaviour) scenario.behaviour = behaviour as Partial<Behaviour>;
  if (faults) scenario.faults = faults;
  if (typeof seed === 'number') scenario.randomSeed = seed;
  return { ok: true, scenario };
}

/** The scenario `--save` writes: instances inline, as they are now, so a session can resume. */
export function scenarioJson(s: Scenario): string {
  const out: Record<string, unknown> = { version: 1 };
  if (s.randomSeed !== undefined) out['randomSeed'] = s.randomSeed;
  if (s.credentials) out['credentials'] = s.credentials;
  out['instances'] = s.inventories;
  if (s.behaviour) out['behaviour'] = s.behaviour;
  return JSON.stringify(out, null, 2) + '\n';
}
