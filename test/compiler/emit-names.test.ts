// Emission checks TableMeta by its names only (isMySqlName, which decides what isTableMetaName does), building it with fixed keys and
// `type` values. These tests hold that shortcut to the schema: the name rule is the schema's
// own, every name in TableMeta refers to it, and a refused name still gets ajv's full report.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkTableMeta, emitRequests, isTableMetaName, nameProblem, toTableMeta, type RestorePlan } from '../../src/compiler/index.ts';
import { isMySqlName } from '../../src/compiler/names.ts';

const schema = JSON.parse(readFileSync(new URL('../../schemas/restore-request.schema.json', import.meta.url), 'utf8'));

test('every name and newname of TableMeta is $defs.name, and entries allow nothing else', () => {
  for (const def of ['DatabaseEntry', 'TableEntry']) {
    const entry = schema.$defs[def];
    assert.equal(entry.properties.name, { $ref: '#/$defs/name' }, def);
    assert.equal(entry.properties.newname, { $ref: '#/$defs/name' }, def);
    assert.is(entry.additionalProperties, false, def);
  }
  assert.equal(schema.$defs.TableMeta.items, { $ref: '#/$defs/DatabaseEntry' });
  assert.equal(schema.$defs.DatabaseEntry.properties.tables.items, { $ref: '#/$defs/TableEntry' });
});

test('isTableMetaName and isMySqlName agree with the full TableMeta check on any name, db or table', () => {
  const unit = fc.constantFrom('a', 'Z', ' ', '"', '\\', '\u0000', '\u0001', '\u001f', '\ud800', '\udfff', '\ud83d\ude00', '\ue000', '\uffff', '表');
  const name = fc.oneof(fc.string({ unit, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', ' ', '\u0000'), minLength: 60, maxLength: 70 }));
  fc.assert(fc.property(name, (n) => {
    const asDb = checkTableMeta([{ type: 'db', name: n, newname: 'x' }]).length === 0;
    const asTable = checkTableMeta([{ type: 'db', name: 'x', newname: 'x', tables: [{ type: 'table', name: 'x', newname: n }] }]).length === 0;
    return isTableMetaName(n) === asDb && asDb === asTable && asDb === (nameProblem(n) === undefined) && asDb === isMySqlName(n);
  }), { numRuns: 2000 });
});

const span = { start: 0, end: 1 };
const plan = (tableTarget: string): RestorePlan => ({
  file: 'x.restore',
  instanceId: 'rm-1',
  backupId: '1',
  caseInsensitive: false,
  databases: [{ source: 'd', target: 'd_r', origin: span, whole: false, tables: [{ source: 't', target: tableTarget, origin: span }, { source: 'u', target: 'u', origin: span }] }],
});

test('a plan name the schema refuses gets the schema check’s own messages', () => {
  const bad = plan('ends with space ');
  const { diagnostics, requests } = emitRequests(bad, { instance: span, source: span });
  const expected = checkTableMeta(toTableMeta(bad.databases)).map((p) => `TableMeta of request 1: ${p.path}: ${p.message}`);
  assert.ok(expected.length > 0);
  assert.equal(diagnostics.filter((d) => d.code === 'emit/invalid-table-meta').map((d) => d.message), expected);
  assert.is(requests[0]!.TableMeta, JSON.stringify(toTableMeta(bad.databases)));
});

test('TableMeta text is JSON.stringify of the TableMeta objects', () => {
  const good = plan('t "quoted" \\ \u2028 é');
  const { diagnostics, requests } = emitRequests(good, { instance: span, source: span });
  assert.equal(diagnostics, []);
  assert.is(requests[0]!.TableMeta, JSON.stringify(toTableMeta(good.databases)));
});

test.run();
