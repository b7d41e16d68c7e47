// checkInventory checks table names with isMySqlName and the schema over the snapshot's outline
// (its table lists emptied), and falls back to the schema over the whole snapshot. These tests
// hold that shortcut to the schema: the table lists are nothing but names, isMySqlName decides
// what `$defs.name` decides, and on any snapshot both routes give the same answer and messages.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkInventory, describeErrors } from '../../src/compiler/validate.ts';
import { isMySqlName, nameProblem } from '../../src/compiler/names.ts';
import { validateInventory } from '../../src/compiler/generated/validators.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/inventory.schema.json', import.meta.url), 'utf8'));
const names = { type: 'array', items: { type: 'string', $ref: '#/$defs/name' } };

test('the table lists the shortcut empties hold names and nothing else', () => {
  const contentDb = schema.properties.contents.items.properties.Databases.items;
  assert.equal(contentDb.properties.Tables.type, 'array');
  assert.equal(contentDb.properties.Tables.items, names.items);
  assert.equal(Object.keys(contentDb.properties.Tables).sort(), ['description', 'items', 'type']);
  assert.equal(schema.properties.crossRegion.properties.contents.items, { $ref: '#/properties/contents/items' });
  const current = schema.properties.current.properties.Databases.items.properties.Tables;
  assert.equal(Object.keys(current).sort(), ['description', 'oneOf']);
  assert.equal(current.oneOf, [names, { const: 'unknown' }]);
});

const unit = fc.constantFrom('a', 'Z', ' ', '"', '\\', '\u0000', '\u0001', '\u001f', '\ud800', '\udfff', '\ud83d\ude00', '\ue000', '\uffff', '表');
const anyName = fc.oneof(fc.string({ unit, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', ' ', '\u0000'), minLength: 60, maxLength: 70 }));

const base = () => ({
  version: 1,
  instance: { DBInstanceId: 'rm-1', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 1 },
  contents: [{ BackupId: '1', Databases: [{ Database: 'shop', Tables: ['orders', 'items'] }] }],
});

test('isMySqlName decides what $defs.name decides, and what nameProblem says', () => {
  fc.assert(
    fc.property(anyName, (n) => {
      const inv = base();
      inv.contents[0]!.Databases[0]!.Tables.push(n);
      return isMySqlName(n) === validateInventory(inv) && isMySqlName(n) === (nameProblem(n) === undefined);
    }),
    { numRuns: 3000 },
  );
});

// Snapshots near the schema's edges: each change alone may or may not break it.
const value = fc.oneof(anyName, fc.constant(7), fc.constant(null), fc.constant('unknown'), fc.constant([]), fc.constant({}), fc.constant(['x']));
const change = fc.oneof(
  fc.record({ at: fc.constantFrom('table', 'currentTable', 'crossTable'), v: value }),
  fc.record({ at: fc.constantFrom('Tables', 'currentTables', 'crossTables', 'Databases', 'contents', 'current', 'crossRegion', 'db', 'extra', 'DBInstanceId'), v: value }),
);
const inventory = fc.array(change, { maxLength: 3 }).map((changes) => {
  const inv: Record<string, any> = {
    ...base(),
    current: { Databases: [{ DBName: 'shop', Tables: ['orders'] }, { DBName: 'old', Tables: 'unknown' }] },
    crossRegion: { DBInstanceId: 'rm-2', RegionId: 'cn-hangzhou', contents: [{ BackupId: '2', Databases: [{ Database: 'x', Tables: ['a'] }] }] },
  };
  // A change that an earlier one made impossible (its parent is now a string) is skipped.
  for (const { at, v } of changes) {
    try {
      apply(inv, at, v);
    } catch {
      // skipped
    }
  }
  return inv;
});

function apply(inv: Record<string, any>, at: string, v: unknown): void {
  {
    if (at === 'table') inv.contents[0].Databases[0].Tables.push(v);
    else if (at === 'currentTable') inv.current.Databases[0].Tables.push(v);
    else if (at === 'crossTable') inv.crossRegion.contents[0].Databases[0].Tables.push(v);
    else if (at === 'Tables') inv.contents[0].Databases[0].Tables = v;
    else if (at === 'currentTables') inv.current.Databases[0].Tables = v;
    else if (at === 'crossTables') inv.crossRegion.contents[0].Databases[0].Tables = v;
    else if (at === 'Databases') inv.contents[0].Databases = v;
    else if (at === 'db') inv.contents[0].Databases = [v];
    else if (at === 'extra') inv.contents[0].Databases[0].Extra = v;
    else if (at === 'DBInstanceId') inv.instance.DBInstanceId = v;
    else inv[at] = v;
  }
}

test('checkInventory answers as the schema does over the whole snapshot, with its messages', () => {
  fc.assert(
    fc.property(inventory, (inv) => {
      const whole = validateInventory(inv) ? [] : describeErrors(validateInventory.errors ?? []);
      assert.equal(checkInventory(inv), whole);
    }),
    { numRuns: 3000 },
  );
});

// With the text a snapshot was read from, names are judged by their length and last character
// alone when no string of the text can hold U+0000 or a surrogate: the answers must not change.
test('checkInventory with the snapshot text answers as the schema does, with the problems placed in the text', () => {
  fc.assert(
    fc.property(inventory, fc.boolean(), (generated, spaced) => {
      // A snapshot as read: the text, and what it parses to (the generator may share one array
      // between two places, even inside itself, which no JSON text can write).
      let text = '';
      try {
        text = spaced ? JSON.stringify(generated, null, 2) : JSON.stringify(generated);
      } catch {
        fc.pre(false);
      }
      const inv = JSON.parse(text);
      const whole = validateInventory(inv) ? [] : describeErrors(validateInventory.errors ?? [], text);
      assert.equal(checkInventory(inv, text), whole);
    }),
    { numRuns: 3000 },
  );
});

test('a name with U+0000 or a lone surrogate is refused however the text writes it', () => {
  for (const [name, written] of [['a\u0000b', '"a\\u0000b"'], ['a\ud800', '"a\\ud800"'], ['a\ud800', '"a\ud800"'], ['\udfffz', '"\\uDFFFz"']] as const) {
    const inv = base();
    inv.contents[0]!.Databases[0]!.Tables.push('ok_table');
    const text = JSON.stringify(inv).replace('"ok_table"', `"ok_table",${written}`);
    const parsed = JSON.parse(text);
    assert.is(parsed.contents[0].Databases[0].Tables.at(-1), name, written);
    const problems = checkInventory(parsed, text);
    assert.is(problems.length, 1, written);
    assert.match(problems[0]!.path, /Tables\[\d+\]$/, written);
  }
});

test('a bad table name among a thousand is found, and named by its place', () => {
  const inv = base();
  const tables = inv.contents[0]!.Databases[0]!.Tables;
  for (let i = 0; i < 1000; i++) tables.push(`t_${i}`);
  tables.push('trailing ');
  const problems = checkInventory(inv);
  assert.is(problems.length, 1);
  assert.is(problems[0]!.path, 'contents[0].Databases[0].Tables[1002]');
});

test.run();
