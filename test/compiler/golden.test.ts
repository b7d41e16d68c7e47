// Golden fixtures: each folder under fixtures/ holds spec.restore and inventory.json (and
// options.json when the case needs options); compiling must reproduce request.json, plan.txt
// and, when there are diagnostics, diagnostics.txt byte for byte. UPDATE_GOLDENS=1 rewrites them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, renderDiagnostic } from '../../src/grammar/index.ts';
import { compile, loadSnapshot, renderPlanText, type CompileOptions } from '../../src/compiler/index.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;
const update = process.env['UPDATE_GOLDENS'] === '1';

export function runCase(dir: string): Record<string, string | undefined> {
  const spec = readFileSync(join(dir, 'spec.restore'), 'utf8');
  const loaded = loadSnapshot(readFileSync(join(dir, 'inventory.json'), 'utf8'), 'inventory.json');
  if (!loaded.ok) throw new Error(`bad fixture inventory in ${dir}:\n${loaded.problems.join('\n')}`);
  const options: CompileOptions = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const parsed = parse(spec, 'spec.restore');
  const result = compile(parsed, loaded.inventory, options);
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  return {
    'request.json': JSON.stringify(result.requests, null, 2) + '\n',
    'plan.txt': !failed && result.plan ? renderPlanText({ plan: result.plan, source: parsed.source, requests: result.requests, entries: result.entries, options }) : undefined,
    'diagnostics.txt': result.diagnostics.length > 0 ? result.diagnostics.map((d) => renderDiagnostic(parsed.source, d)).join('\n') + '\n' : undefined,
  };
}

const cases = readdirSync(root).sort();

test('there are golden cases', () => {
  assert.ok(cases.length >= 10, `found ${cases.length}`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const dir = join(root, name);
    const actual = runCase(dir);
    for (const [file, text] of Object.entries(actual)) {
      const path = join(dir, file);
      if (update) {
        if (text === undefined) rmSync(path, { force: true });
        else writeFileSync(path, text);
        continue;
      }
      if (text === undefined) {
        assert.not.ok(existsSync(path), `${name}/${file} exists but the compile produced none`);
        continue;
      }
      assert.ok(existsSync(path), `${name}/${file} is missing; run with UPDATE_GOLDENS=1 to create it`);
      assert.fixture(text, readFileSync(path, 'utf8'), `${name}/${file}`);
    }
  });
}

test('the seeds compile byte for byte to the API documentation\'s TableMeta', () => {
  const seeds: Record<string, [string, string]> = {
    'seed-backup-set': ['[{"type":"db","name":"testdb1","newname":"testdb1_new","tables":[{"type":"table","name":"testdb1table1","newname":"testdb1table1_new"}]}]', 'BackupId'],
    'seed-point-in-time': ['[{"type":"db","name":"dtstestdata","newname":"dtstestdata","tables":[{"type":"table","name":"customer_old","newname":"customer_old123"},{"type":"table","name":"order","newname":"order123"}]}]', 'RestoreTime'],
  };
  for (const [name, [meta, key]] of Object.entries(seeds)) {
    const requests = JSON.parse(runCase(join(root, name))['request.json']!) as Record<string, string>[];
    assert.is(requests.length, 1);
    assert.is(requests[0]!['TableMeta'], meta);
    assert.ok(key in requests[0]!);
  }
  const pit = JSON.parse(runCase(join(root, 'seed-point-in-time'))['request.json']!) as Record<string, string>[];
  assert.is(pit[0]!['RestoreTime'], '2019-08-20T16:00:00Z');
});

test.run();
