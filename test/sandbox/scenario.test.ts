// Seed files: snapshots and scenarios load; the schema describes what the loader accepts; bad
// scenarios are refused with messages that name the problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseSeed, scenarioJson } from '../../src/sandbox/index.ts';

const file = join('test/sandbox/fixtures/scenario.json');
const read = (p: string) => readFileSync(p, 'utf8');

test('a scenario loads: snapshot by path and inline, credentials, behaviour, faults, seed', () => {
  const r = parseSeed(read(file), file, read);
  assert.ok(r.ok, JSON.stringify(r));
  if (!r.ok) return;
  assert.equal(r.scenario.inventories.map((i) => i.instance.DBInstanceId), ['rm-uf6wjk5xxxxxxxxxx', 'rm-second']);
  assert.is(r.scenario.credentials?.[1]?.securityToken, 'scenario-fake-token');
  assert.is(r.scenario.behaviour?.statusWhileRestoring, 'Restoring');
  assert.is(r.scenario.faults?.rates.throttle, 0.1);
  assert.is(r.scenario.randomSeed, 11);
  const again = parseSeed(scenarioJson(r.scenario), 'saved.json', read);
  assert.ok(again.ok);
});

test('the JSON Schema accepts the fixture and a saved scenario', () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  ajv.addSchema(JSON.parse(read('schemas/inventory.schema.json')), 'inventory.schema.json');
  const validate = ajv.compile(JSON.parse(read('schemas/sandbox-scenario.schema.json')));
  assert.ok(validate(JSON.parse(read(file))), JSON.stringify(validate.errors));
  const r = parseSeed(read(file), file, read);
  assert.ok(r.ok && validate(JSON.parse(scenarioJson(r.scenario))), JSON.stringify(validate.errors));
});

test('a plain snapshot is a seed; bad scenarios name their problem', () => {
  assert.ok(parseSeed(read('examples/seed-backup-set.inventory.json'), 'x', read).ok);
  const bad = (o: unknown) => {
    const r = parseSeed(JSON.stringify(o), 'bad.json', read);
    return r.ok ? '' : r.problems.join('\n');
  };
  assert.match(bad({ version: 1, instances: [], extra: 1 }), /unknown scenario key "extra"/);
  assert.match(bad({ version: 1, instances: [{ snapshot: 'nope.json' }] }), /cannot read nope.json/);
  assert.match(bad({ version: 1, instances: [], behaviour: { restoreDurationMs: -1 } }), /restoreDurationMs/);
  assert.match(bad({ version: 1, instances: [], behaviour: { concurrentRestoreCode: 'Nope' } }), /not one of RestoreTable's documented codes/);
  assert.match(bad({ version: 1, instances: [], faults: { rates: { throttle: 7 } } }), /probability/);
  assert.match(bad({ version: 1, instances: [{ version: 1, instance: {} }] }), /DBInstanceId|required/);
  assert.match(bad({ version: 1, instances: [], credentials: [{ accessKeyId: 'x' }] }), /accessKeySecret/);
});

test.run();
