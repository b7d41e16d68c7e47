// Exactly once under faults: 50 applies (each against its own sandbox, its own fault sequence)
// with 30% throttling, 10% 5xx, 5% resets and 5% timeouts (half of them after the restore began,
// so the answer is lost), short timeouts. Each ends with exactly one restore on the instance, and
// nothing is reported done that the sandbox did not do. A second apply restores nothing: without
// SQL it says it cannot confirm; with the tables readable (a stand-in for information_schema that
// reads the sandbox's instance) it reports the request already applied, naming that evidence.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parse } from '../../src/grammar/index.ts';
import { compile, type CurrentDatabase, type Inventory } from '../../src/compiler/index.ts';
import { Applier, RdsClient, requestTargets, staticCredentials } from '../../src/cloud/index.ts';
import { LiveProvider, readCurrent } from '../../src/inventory/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';

const SPEC = readFileSync('examples/seed-backup-set.restore', 'utf8');
const seed = (): Inventory => JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;
const FAULTS = { throttle: 0.3, internal: 0.05, unavailable: 0.05, reset: 0.025, 'reset-after': 0.025, timeout: 0.025, 'timeout-after': 0.025 };

/** What information_schema would list: the sandbox's instance as it is now. */
function sqlStandIn(sb: Sandbox, id: string): () => Promise<CurrentDatabase[]> {
  return async () => (sb.control.inventories().find((i) => i.instance.DBInstanceId === id)?.current?.Databases ?? []).map((d) => ({ ...d }));
}

async function applyOnce(sb: Sandbox, sql = false) {
  const client = new RdsClient({
    endpoint: sb.endpoint,
    credentials: staticCredentials({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret }),
    timeoutMs: 1000,
    retry: { retries: 40, minDelayMs: 1, maxDelayMs: 20, totalMs: 30_000 },
    limit: { concurrency: 8, ratePerSecond: 1000 },
  });
  const parsed = parse(SPEC, 'seed.restore');
  const id = 'rm-uf6wjk5xxxxxxxxxx';
  const { inventory } = await new LiveProvider({ api: client }).load({ instanceId: id, sources: [{ backupId: '9026262' }] });
  const result = compile(parsed, inventory);
  assert.is(result.requests.length, 1);
  const applier = new Applier({ api: client, caseInsensitive: true, readCurrent: sql ? sqlStandIn(sb, id) : () => readCurrent(client, id), wait: true, pollMs: 10, waitTimeoutMs: 20_000 });
  return applier.apply(result.requests, result.requests.map((r) => requestTargets(r, inventory)));
}

async function run(i: number): Promise<string[]> {
  const sb = await startSandbox({
    inventories: [seed()],
    randomSeed: 1000 + i,
    behaviour: { restoreDurationMs: 40 },
    checkContract: true,
    faults: { rates: FAULTS, latencyMs: 0, jitterMs: 3, timeoutHoldMs: 1200, actions: [], next: [] },
  });
  const problems: string[] = [];
  try {
    const first = await applyOnce(sb);
    const blind = await applyOnce(sb);
    const again = await applyOnce(sb, true);
    const state = sb.control.describe();
    const tasks = state['tasks'] as { status: string }[];
    if (tasks.length !== 1) problems.push(`run ${i}: ${tasks.length} restores`);
    const v = sb.control.calls();
    if (v.violationCount > 0) problems.push(`run ${i}: ${v.violationCount} contract violations, e.g. ${v.violations[0]?.message}`);
    const inst = (state['instances'] as Inventory[])[0]!;
    const restored = inst.current!.Databases.find((d) => d.DBName === 'testdb1_new');
    for (const o of [...first, ...blind, ...again]) {
      if ((o.status === 'done' || o.status === 'already-applied') && !(restored && Array.isArray(restored.Tables) && restored.Tables.includes('testdb1table1_new') && tasks[0]?.status === 'Succeed')) {
        problems.push(`run ${i}: reported ${o.status} but the sandbox has not restored`);
      }
    }
    if (first[0]?.status !== 'done' || !/task t-\d+ \(RestoreTable\) Succeed/.test(first[0]?.evidence ?? '')) problems.push(`run ${i}: first apply ${first[0]?.status}: ${first[0]?.message} (${first[0]?.evidence})`);
    if (blind[0]?.status !== 'unconfirmed') problems.push(`run ${i}: apply again without SQL ${blind[0]?.status}: ${blind[0]?.message}`);
    if (again[0]?.status !== 'already-applied' || !/information_schema/.test(again[0]?.evidence ?? '')) problems.push(`run ${i}: apply again with SQL ${again[0]?.status}: ${again[0]?.message}`);
  } catch (e) {
    problems.push(`run ${i}: ${(e as Error).message}`);
  } finally {
    await sb.close();
  }
  return problems;
}

test('50 applies under faults: exactly one restore each, nothing reported done that was not', async () => {
  const problems: string[] = [];
  for (let batch = 0; batch < 50; batch += 10) problems.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => run(batch + k)))).flat());
  assert.equal(problems, []);
});

test('RestoreTable without a ClientToken is never retried', async () => {
  const sb = await startSandbox({ inventories: [seed()], faults: { rates: {}, latencyMs: 0, jitterMs: 0, timeoutHoldMs: 1200, actions: [], next: [{ kind: 'throttle', action: 'RestoreTable' }] } });
  try {
    const client = new RdsClient({ endpoint: sb.endpoint, credentials: staticCredentials({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret }), retry: { minDelayMs: 1, maxDelayMs: 2 } });
    const meta = '[{"type":"db","name":"testdb1","newname":"x_new","tables":[{"type":"table","name":"testdb1table1","newname":"t"}]}]';
    const err = await client.call('RestoreTable', { DBInstanceId: 'rm-uf6wjk5xxxxxxxxxx', BackupId: '9026262', TableMeta: meta }).catch((e) => e);
    assert.is(err.code, 'Throttling.User');
    assert.is(sb.control.calls().counts['RestoreTable']?.calls, 1);
  } finally {
    await sb.close();
  }
});

test.run();
