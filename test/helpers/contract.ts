// The API contract as the tests read it: ../shared/api/rds-2014-08-15.json, beside the
// repository on development machines and in CI. A test that needs it fails when it is missing:
// the sandbox and the client must never be checked only against each other.
import { existsSync, readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { Inventory } from '../../src/compiler/index.ts';

export const CONTRACT_PATH = '../shared/api/rds-2014-08-15.json';

interface Op {
  parameters: { name: string; required?: boolean }[];
  errors: Record<string, { code: string; message: string }[]>;
  response: unknown;
}

let cached: { operations: Record<string, Op> } | undefined;

export function sharedContract(): { operations: Record<string, Op> } {
  if (!existsSync(CONTRACT_PATH)) throw new Error(`${CONTRACT_PATH} is missing: the contract tests need the shared API contract beside the repository`);
  return (cached ??= JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')));
}

/** The HTTP status the shared contract documents for `code` on `action`. */
export function statusOf(action: string, code: string): number | undefined {
  const op = sharedContract().operations[action];
  for (const [status, list] of Object.entries(op?.errors ?? {})) if (list.some((e) => e.code === code)) return Number(status);
  return undefined;
}

export function codesOf(action: string): string[] {
  return Object.values(sharedContract().operations[action]?.errors ?? {}).flatMap((l) => l.map((e) => e.code));
}

/** Throws when the sandbox recorded any request or answer that breaks the contract. */
export function assertNoViolations(sb: Sandbox, what = 'the sandbox'): void {
  const { violations, violationCount } = sb.control.calls();
  if (violationCount > 0) throw new Error(`${what}: ${violationCount} contract violation(s):\n  ${violations.slice(0, 20).map((v) => `${v.side}: ${v.message}`).join('\n  ')}`);
}

/** Restores the sandbox has started. */
export const restores = (sb: Sandbox): number => (sb.control.describe()['tasks'] as unknown[]).length;

/**
 * Runs `fn` against a sandbox that checks every request and answer against the contract, with
 * throttling and internal errors thrown in (seeded by `randomSeed`), restores of 300 ms, and
 * the cloud environment a CLI run needs.
 */
export async function withStrictSandbox(seed: (now: number) => Inventory, randomSeed: number, fn: (env: Record<string, string>, sb: Sandbox, now: number) => Promise<void>): Promise<void> {
  const now = Date.now();
  const sb = await startSandbox({
    inventories: [seed(now)],
    checkContract: true,
    randomSeed,
    behaviour: { restoreDurationMs: 300 },
    faults: { rates: { throttle: 0.08, internal: 0.02 }, latencyMs: 0, jitterMs: 2, timeoutHoldMs: 1000, actions: [], next: [] },
  });
  try {
    await fn({ ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint }, sb, now);
  } finally {
    await sb.close();
  }
}
