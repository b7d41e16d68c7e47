// Sharded schemas: many databases whose table lists differ by a few names. Expansion reuses what
// it worked out for the list before (the scanner hands a pattern the same answer when its matches
// did not change, and expansion keeps what it made of an answer), and emission reuses the text of
// a run of tables equal to the run before. Differential property: what a compile over all the
// databases plans and sends for each database is what a compile over that database alone plans
// and sends for it, whatever the lists, patterns, templates and excepts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parse } from '../../src/grammar/index.ts';
import { compile, type Inventory } from '../../src/compiler/index.ts';

const word = fc.array(fc.constantFrom('a', 'b', 'o', '_', '1', '2', 'A'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const edit = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), name: word }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name: word }),
);
const glob = fc.constantFrom('*', 'a*', 'o*', '*_*', '?*', '[ab]*', '{a,o}*', 'A*', '*1', 'b?');
const target = fc.constantFrom('', ' as {name}_r', ' as *_c', ' as r_*');

const caseArb = fc.record({
  lctn: fc.constantFrom(0 as const, 1 as const),
  base: fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
  // Each database's list: the base with a few edits (a sharded schema), or a list of its own.
  shards: fc.array(fc.oneof({ weight: 4, arbitrary: fc.array(edit, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.uniqueArray(word, { minLength: 1, maxLength: 6 }) }), { minLength: 2, maxLength: 7 }),
  items: fc.array(fc.record({ glob, target, except: fc.option(glob, { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
  exact: fc.option(word, { nil: undefined }),
  // A statement before the block's that restores one table of one database into the same entry.
  before: fc.option(fc.record({ db: fc.nat(), table: fc.nat() }), { nil: undefined }),
  maxEntries: fc.integer({ min: 2, max: 9 }),
});

function listOf(base: string[], shard: { op: string; at: number; name?: string }[] | string[]): string[] {
  if (shard.length > 0 && typeof shard[0] === 'string') return shard as string[];
  const list = [...base];
  for (const e of shard as { op: string; at: number; name?: string }[]) {
    const at = list.length === 0 ? 0 : e.at % list.length;
    if (e.op === 'insert') list.splice(e.at % (list.length + 1), 0, e.name!);
    else if (e.op === 'remove' && list.length > 1) list.splice(at, 1);
    else if (e.op === 'replace') list[at] = e.name!;
  }
  return [...new Set(list)];
}

const inventoryOf = (lctn: 0 | 1, dbs: { Database: string; Tables: string[] }[]): Inventory => ({
  version: 1,
  instance: { DBInstanceId: 'rm-shard', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: lctn },
  contents: [{ BackupId: '7', Databases: dbs }],
});

test('each database of a sharded schema is planned and sent as it is when compiled alone', () => {
  let reused = 0;
  fc.assert(
    fc.property(caseArb, (c) => {
      const dbs = c.shards.map((s, i) => ({ Database: `db_${i}`, Tables: listOf(c.base, s) }));
      const lines = c.items.map((it) => `  table ${it.glob}${it.target}`);
      if (c.exact) lines.push(`  table \`${c.exact}\` as \`${c.exact}_x\``);
      for (const it of c.items) if (it.except) lines.push(`  except table ${it.except}`);
      const pre = c.before && dbs[c.before.db % dbs.length]!;
      const first = pre ? `restore db ${pre.Database} as ${pre.Database}_new < table \`${pre.Tables[c.before!.table % pre.Tables.length]}\` >\n` : '';
      const spec = `instance rm-shard\nfrom backup 7\n\n${first}restore db db_* as {name}_new <\n${lines.join('\n')}\n>\n`;
      const all = compile(parse(spec, 's.restore'), inventoryOf(c.lctn, dbs), { maxEntries: c.maxEntries });
      const planned = new Map((all.plan?.databases ?? []).map((d) => [d.source, d]));
      // What is sent for each database: its new name and its tables, in order, however the
      // requests split them (packing depends on the other databases).
      type Meta = { name: string; newname: string; tables?: { name: string; newname: string }[] }[];
      const sentOf = (requests: { TableMeta: string }[]) => {
        const out = new Map<string, string[][]>();
        for (const r of requests) for (const d of JSON.parse(r.TableMeta) as Meta) out.set(d.name, [...(out.get(d.name) ?? []), [d.newname], ...(d.tables ?? []).map((t) => [t.name, t.newname])]);
        return out;
      };
      const sent = sentOf(all.requests);
      for (let i = 1; i < dbs.length; i++) if (JSON.stringify(dbs[i]!.Tables) !== JSON.stringify(dbs[i - 1]!.Tables)) reused++;
      for (const db of dbs) {
        const alone = compile(parse(spec, 's.restore'), inventoryOf(c.lctn, [db]), { maxEntries: c.maxEntries });
        const mine = (alone.plan?.databases ?? []).find((d) => d.source === db.Database);
        // The rows: each table's source, target and the spec item it came from.
        const rows = (d: typeof mine) => d?.tables.map((t) => [t.source, t.target, t.origin.start]);
        assert.equal(rows(planned.get(db.Database)), rows(mine), `${db.Database} planned over ${JSON.stringify(db.Tables)}\n${spec}`);
        // Diagnostics about this database's tables: a table two items restore (a warning per
        // database, never capped) and targets that collide (capped at 5 per item over all
        // databases, so compared when all of them are listed).
        const about = (ds: { code: string; message: string }[], code: string) => ds.filter((d) => d.code === code && d.message.includes(`\`${db.Database}\`.`)).map((d) => d.message).sort();
        assert.equal(about(all.diagnostics, 'table-matched-twice'), about(alone.diagnostics, 'table-matched-twice'), `${db.Database} duplicates\n${spec}`);
        if (!all.diagnostics.some((d) => d.message.startsWith('more sources of this item collide'))) {
          assert.equal(about(all.diagnostics, 'target-collision'), about(alone.diagnostics, 'target-collision'), `${db.Database} collisions\n${spec}`);
        }
        if (all.requests.length > 0 && alone.requests.length > 0) {
          assert.equal(sent.get(db.Database), sentOf(alone.requests).get(db.Database), `${db.Database} sent\n${spec}`);
        }
      }
    }),
    { numRuns: 400 },
  );
  assert.ok(reused > 100, `distinct neighbouring lists were compiled (${reused})`);
});

test('databases with the same tables each get their own warnings and collisions', () => {
  const dbs = ['s1', 's2', 's3'].map((Database) => ({ Database, Tables: ['a1', 'a2', 'b1'] }));
  const spec = 'instance rm-shard\nfrom backup 7\n\nrestore db s* as {name}_new <\n  table a* as {name}_r\n  table *1 as {name}_r\n  table b* as a1_r\n>\n';
  const r = compile(parse(spec, 's.restore'), inventoryOf(0, dbs));
  for (const { Database } of dbs) {
    const mine = r.diagnostics.filter((d) => d.message.includes(`\`${Database}\`.`));
    assert.equal(mine.map((d) => d.code).sort(), ['table-matched-twice', 'target-collision'], `${Database}: ${JSON.stringify(mine.map((d) => d.message))}`);
    assert.equal(r.plan!.databases.find((d) => d.source === Database)!.tables.map((t) => t.target), ['a1_r', 'a2_r', 'b1_r']);
  }
  // A database whose entry already holds a table (from a statement before) is not given the rows
  // of the database before it.
  const two = compile(parse('instance rm-shard\nfrom backup 7\n\nrestore db s2 as s2_new < table b1 as kept >\nrestore db s* as {name}_new < table a* >\n', 's.restore'), inventoryOf(0, dbs));
  assert.equal(two.plan!.databases.map((d) => [d.source, d.tables.map((t) => t.target)]), [['s2', ['kept', 'a1', 'a2']], ['s1', ['a1', 'a2']], ['s3', ['a1', 'a2']]]);
});

test.run();
