// Emission checks TableMeta by its names only (isMySqlName), building it with fixed keys and
// `type` values. These tests hold that shortcut to the schema: the name rule is the schema's
// own, every name in TableMeta refers to it, and a refused name still gets ajv's full report.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkTableMeta, emitRequests, nameProblem, printJsonBytes, requestJsonPieces, splitEntries, toTableMeta, type RestorePlan, type RestoreRequest } from '../../src/compiler/index.ts';

const requestJsonText = (q: RestoreRequest) => requestJsonPieces(q).join('');
import { sha256Hex } from '../../src/compiler/hash.ts';
import { CLIENT_TOKEN, RequestChecks } from '../../src/compiler/emit.ts';
import { checkRestoreRequest } from '../../src/compiler/validate.ts';
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

test('the request schema asks of TableMeta only a string of 2 characters or more, which the emitter checks with a stand-in', () => {
  // emitRequests checks each request with TableMeta replaced by `[]` (its own text starts with
  // `[` and ends with `]`): any other constraint on the parameter would go unchecked.
  const { description: _description, ...constraints } = schema.properties.TableMeta;
  assert.equal(constraints, { type: 'string', minLength: 2 });
  assert.ok(schema.required.includes('TableMeta'));
});

test('CLIENT_TOKEN is the schema\'s ClientToken, and nothing else in the schema looks at ClientToken', () => {
  // RequestChecks reuses one check for the requests of a series that differ only in a token
  // CLIENT_TOKEN takes: the schema must decide nothing else from the token.
  const { description: _description, ...constraints } = schema.properties.ClientToken;
  assert.equal(constraints, { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' });
  assert.not.ok(JSON.stringify({ ...schema, properties: { ...schema.properties, ClientToken: undefined } }).includes('ClientToken'));
  const unit = fc.constantFrom('a', '~', '!', ' ', '\u007f', '\u0000', 'é', '\ud83d\ude00', '-');
  fc.assert(fc.property(fc.string({ unit, maxLength: 70 }), (t) => {
    const schemaTakes = checkRestoreRequest({ DBInstanceId: 'rm-1', TableMeta: '[]', BackupId: '1', ClientToken: t }).length === 0;
    return schemaTakes === CLIENT_TOKEN.test(t);
  }), { numRuns: 3000 });
});

test('RequestChecks answers as the schema check does, request after request', () => {
  const field = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const request = fc.record({
    DBInstanceId: field('rm-1', 'rm-2', 'bad id', ''),
    TableMeta: field('[]', '['),
    BackupId: field<string | undefined>('1', undefined, 'x y'),
    RestoreTime: field<string | undefined>(undefined, '2026-11-20T03:15:00Z', '2026-11-20 03:15'),
    InstantRecovery: field<boolean | undefined>(undefined, true),
    ClientToken: field('rc-a', 'rc-b-1of2', 'rc-c-2of2', '', 'has space', 'x'.repeat(65)),
  }, { requiredKeys: ['DBInstanceId', 'TableMeta', 'ClientToken'] });
  fc.assert(fc.property(fc.array(request, { minLength: 1, maxLength: 12 }), (requests) => {
    const checks = new RequestChecks();
    for (const r of requests) assert.equal(checks.problems(r as RestoreRequest), checkRestoreRequest(r));
  }), { numRuns: 1500 });
});

test('isMySqlName agrees with the full TableMeta check on any name, db or table', () => {
  const unit = fc.constantFrom('a', 'Z', ' ', '"', '\\', '\u0000', '\u0001', '\u001f', '\ud800', '\udfff', '\ud83d\ude00', '\ue000', '\uffff', '表');
  const name = fc.oneof(fc.string({ unit, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', ' ', '\u0000'), minLength: 60, maxLength: 70 }));
  fc.assert(fc.property(name, (n) => {
    const asDb = checkTableMeta([{ type: 'db', name: n, newname: 'x' }]).length === 0;
    const asTable = checkTableMeta([{ type: 'db', name: 'x', newname: 'x', tables: [{ type: 'table', name: 'x', newname: n }] }]).length === 0;
    return asDb === asTable && asDb === (nameProblem(n) === undefined) && asDb === isMySqlName(n);
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
  // Lint's emission (no requests) reports the same, in every request a split makes.
  assert.equal(emitRequests(bad, { instance: span, source: span }, { requests: false }).diagnostics, diagnostics);
  for (const maxEntries of [2, 3]) {
    const split = emitRequests(bad, { instance: span, source: span }, { maxEntries });
    const lean = emitRequests(bad, { instance: span, source: span }, { maxEntries, requests: false });
    assert.equal(lean.diagnostics, split.diagnostics, `maxEntries ${maxEntries}`);
    assert.equal(lean.entries, split.entries);
    assert.equal(lean.requests, []);
  }
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

// The emitter escapes TableMeta once and puts the ClientToken's canonical text and the printed
// request together from that; each must be what JSON.stringify makes of the whole.
const hostile = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', '\u2028', 'é', '\u0001', ' ', '表', '\ud800'), minLength: 1, maxLength: 4 });
const randomPlan = fc.record({
  databases: fc.array(
    fc.record({ source: hostile, renamed: fc.boolean(), whole: fc.boolean(), tables: fc.array(fc.record({ source: hostile, target: hostile }), { maxLength: 7 }) }),
    { minLength: 1, maxLength: 6 },
  ),
  shared: fc.boolean(),
  instant: fc.boolean(),
  time: fc.boolean(),
});
const asPlan = (r: { databases: { source: string; renamed: boolean; whole: boolean; tables: { source: string; target: string }[] }[]; shared: boolean; instant: boolean; time: boolean }): RestorePlan => {
  // Rows shared by several databases, as expansion shares them across equal table lists.
  const firstRows = r.databases[0]!.tables.map((t) => ({ ...t, origin: span }));
  return {
    file: 'x.restore',
    instanceId: 'rm-1',
    ...(r.time ? { restoreTime: '2026-11-20T03:00:00Z' } : { backupId: '1' }),
    ...(r.instant ? { instantRecovery: true } : {}),
    caseInsensitive: false,
    databases: r.databases.map((d, i) => ({
      source: `${d.source}${i}`,
      target: d.renamed ? `${d.source}${i}_r` : `${d.source}${i}`,
      origin: span,
      whole: d.whole,
      tables: r.shared && i > 0 ? firstRows : d.tables.map((t) => ({ ...t, origin: span })),
    })),
  };
};
/** The ClientToken as first defined: SHA-256 of JSON.stringify of the [name, value] pairs. */
function referenceToken(q: RestoreRequest, part: number, total: number): string {
  const canonical = JSON.stringify([
    ['BackupId', q.BackupId ?? null],
    ['DBInstanceId', q.DBInstanceId],
    ['RestoreTime', q.RestoreTime ?? null],
    ['TableMeta', q.TableMeta],
    ...(q.InstantRecovery ? [['InstantRecovery', true]] : []),
    ['part', part, total],
  ]);
  const hash = sha256Hex(canonical).slice(0, 40);
  return total > 1 ? `rc-${hash}-${part}of${total}` : `rc-${hash}`;
}

test('each request’s TableMeta, ClientToken and printed text are what JSON.stringify makes of the whole', () => {
  fc.assert(
    fc.property(randomPlan, fc.integer({ min: 2, max: 12 }), (r, max) => {
      const p = asPlan(r);
      const { requests } = emitRequests(p, { instance: span, source: span }, { maxEntries: max });
      const parts = splitEntries(toTableMeta(p.databases), max);
      assert.equal(requests.map((q) => q.TableMeta), parts.map((m) => JSON.stringify(m)));
      requests.forEach((q, i) => assert.is(q.ClientToken, referenceToken(q, i + 1, requests.length)));
      for (const q of requests) assert.is(requestJsonText(q), JSON.stringify([q], null, 2).slice(2, -2));
      // As restorec compile prints them: the kept pieces written into chunks of bytes.
      assert.ok(Buffer.concat([...printJsonBytes(requests, requestJsonPieces, 64)]).equals(Buffer.from(`${JSON.stringify(requests, null, 2)}\n`)));
    }),
    { numRuns: 500 },
  );
});

test('a request changed after emission prints as it is now; other objects print as JSON.stringify does', () => {
  const { requests } = emitRequests(plan('t_r'), { instance: span, source: span });
  const changed = { ...requests[0]!, TableMeta: '[{"type":"db","name":"x","newname":"y"}]' };
  assert.is(requestJsonText(changed), JSON.stringify([changed], null, 2).slice(2, -2));
  requests[0]!.TableMeta = '[]';
  assert.is(requestJsonText(requests[0]!), JSON.stringify([requests[0]], null, 2).slice(2, -2));
  const odd = { DBInstanceId: 'rm-1', TableMeta: '[]', Nested: { a: [1] }, Gone: undefined, ClientToken: 'x' } as unknown as RestoreRequest;
  assert.is(requestJsonText(odd), JSON.stringify([odd], null, 2).slice(2, -2));
  assert.is(requestJsonText({} as RestoreRequest), JSON.stringify([{}], null, 2).slice(2, -2));
});

test.run();
