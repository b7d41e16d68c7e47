// The sandbox under hostile requests (issue 10, finding 9) and hostile seeds: an unauthenticated
// `Action=__proto__` (or `constructor`, `toString`) is answered and changes no prototype; ten
// thousand distinct, long Action names leave the call accounting bounded; `--save` to a folder
// that does not exist is refused before the sandbox starts, not lost at SIGINT.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startSandbox } from '../../src/sandbox/index.ts';
import { fixtureInventory, ID, rawCall } from './helpers.ts';
import { restorec } from '../helpers/cli.ts';

test('Action=__proto__, constructor, toString: answered, nothing polluted, the sandbox keeps working', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()] });
  try {
    for (const action of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await fetch(`${sb.endpoint}/?Action=${action}`, { method: 'POST' });
      assert.ok(res.status >= 400 && res.status < 500, `${action}: ${res.status}`);
      const body = (await res.json()) as Record<string, unknown>;
      assert.type(body['Code'], 'string');
      const signed = await rawCall(sb, action, { DBInstanceId: ID });
      assert.is(signed.body['Code'], 'InvalidAction.NotFound');
    }
    assert.is(({} as Record<string, unknown>)['calls'], undefined, 'Object.prototype untouched');
    assert.is(Object.getPrototypeOf({}), Object.prototype);
    const ok = await rawCall(sb, 'DescribeBackupPolicy', { DBInstanceId: ID });
    assert.is(ok.status, 200);
  } finally {
    await sb.close();
  }
});

test('10,000 distinct long Action names: counts and log stay bounded', async () => {
  const sb = await startSandbox({ inventories: [fixtureInventory()] });
  try {
    const long = 'X'.repeat(2000);
    for (let batch = 0; batch < 10_000; batch += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, i) => fetch(`${sb.endpoint}/?Action=${long}${batch + i}`, { method: 'POST' }).then((r) => r.arrayBuffer())));
    }
    const calls = sb.control.calls();
    assert.ok(Object.keys(calls.counts).length <= 3, Object.keys(calls.counts).join(', ').slice(0, 200));
    assert.ok(calls.log.length <= 1000);
    assert.ok(JSON.stringify(calls).length < 200_000, `${JSON.stringify(calls).length} bytes of accounting`);
  } finally {
    await sb.close();
  }
});

test('--save to a folder that does not exist is refused before the sandbox starts', () => {
  const r = restorec(['sandbox', '--seed', 'examples/seed-backup-set.inventory.json', '--save', '/nonexistent-restorec-dir/state.json']);
  assert.is(r.status, 2);
  assert.match(r.stderr, /--save \/nonexistent-restorec-dir\/state\.json: the folder \/nonexistent-restorec-dir does not exist/);
});

test.run();
