// Property tests (fast-check): determinism, sources exist, targets unique, TableMeta valid and
// faithfully escaped, hostile names escaped or refused with a diagnostic.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parse } from '../../src/grammar/index.ts';
import { checkTableMeta, compile, foldName, nameProblem, type Inventory } from '../../src/compiler/index.ts';

// Names: mostly ordinary, sometimes hostile (quotes, backslashes, unicode, controls, long).
const hostileChar = fc.constantFrom('"', '\\', '`', '\t', '\u0001', '\u2028', 'é', '表', ' ', '.', '#', '/', '*', '\ud83d\ude00', '\u0000');
const plainChar = fc.constantFrom(...'abcdeXYZ_019$-');
const name = fc.oneof(
  { weight: 4, arbitrary: fc.array(plainChar, { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.array(fc.oneof(plainChar, hostileChar), { minLength: 1, maxLength: 70 }).map((a) => a.join('')) },
);
const validName = name.filter((n) => nameProblem(n) === undefined);

const inventoryArb = fc
  .record({
    lctn: fc.constantFrom(0 as const, 1 as const, 2 as const),
    dbs: fc.uniqueArray(fc.tuple(validName, fc.uniqueArray(validName, { minLength: 0, maxLength: 6 })), { minLength: 1, maxLength: 4, selector: (t) => t[0] }),
  })
  .map(({ lctn, dbs }): Inventory => ({
    version: 1,
    instance: { DBInstanceId: 'rm-prop', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: lctn },
    contents: [{ BackupId: '7', Databases: dbs.map(([Database, Tables]) => ({ Database, Tables })) }],
  }));

const q = (n: string) => '`' + n.replace(/`/g, '``') + '`';
const glob = fc.constantFrom('*', 'a*', '*_*', '?*', '[a-e]*', '{a,b}*', 'X*');
const target = fc.constantFrom('', ' as {name}_r', ' as *_c', ' as fixed', ' as {name}');

/** A spec over the inventory's names: exact (backquoted) and pattern items, sometimes a whole db. */
const specArb = (inv: Inventory) => {
  const dbs = inv.contents[0]!.Databases;
  const statement = fc.record({
    db: fc.constantFrom(...dbs),
    dbTarget: fc.constantFrom('', ' as {name}_x', ' as copy_{name}'),
    whole: fc.boolean(),
    items: fc.array(fc.record({ exact: fc.boolean(), glob, pick: fc.nat(), target }), { minLength: 1, maxLength: 3 }),
  });
  return fc.array(statement, { minLength: 1, maxLength: 3 }).map((stmts) => {
    const lines = stmts.map((s) => {
      const head = `restore db ${q(s.db.Database)}${s.dbTarget}`;
      if (s.whole || s.db.Tables.length === 0) return head;
      const items = s.items.map((it) => {
        const src = it.exact ? q(s.db.Tables[it.pick % s.db.Tables.length]!) : it.glob;
        const tgt = it.exact && it.target === ' as *_c' ? '' : it.target;
        return `  table ${src}${tgt}`;
      });
      return `${head} <\n${items.join('\n')}\n>`;
    });
    return `instance rm-prop\nfrom backup 7\n\n${lines.join('\n')}\n`;
  });
};

const cases = inventoryArb.chain((inv) => specArb(inv).map((spec) => ({ inv, spec })));
const run = (spec: string, inv: Inventory) => compile(parse(spec, 'p.restore'), inv);

test('the same input gives the same output, byte for byte', () => {
  fc.assert(fc.property(cases, ({ inv, spec }) => {
    const a = run(spec, inv);
    const b = run(spec, structuredClone(inv));
    assert.is(JSON.stringify(a.requests), JSON.stringify(b.requests));
    assert.is(JSON.stringify(a.diagnostics), JSON.stringify(b.diagnostics));
  }), { numRuns: 200 });
});

test('planned sources exist; planned targets are unique; TableMeta parses and passes the schema', () => {
  fc.assert(fc.property(cases, ({ inv, spec }) => {
    const r = run(spec, inv);
    const parsedSpec = parse(spec, 'p.restore');
    assert.equal(parsedSpec.diagnostics.filter((d) => d.severity === 'error'), [], spec);
    const ci = inv.instance.lower_case_table_names !== 0;
    const contents = new Map(inv.contents[0]!.Databases.map((d) => [d.Database, new Set(d.Tables)]));
    const targets = new Set<string>();
    for (const db of r.plan?.databases ?? []) {
      assert.ok(contents.has(db.source), `db ${db.source} not in snapshot`);
      for (const t of db.tables) {
        assert.ok(contents.get(db.source)!.has(t.source), `table ${db.source}.${t.source} not in snapshot`);
        if (r.requests.length > 0) {
          const key = `${foldName(db.target, ci)}\u0000${foldName(t.target, ci)}`;
          assert.not.ok(targets.has(key), `target ${db.target}.${t.target} planned twice`);
          targets.add(key);
        }
      }
    }
    if (r.diagnostics.some((d) => d.severity === 'error')) {
      assert.is(r.requests.length, 0);
      return;
    }
    const emitted: [string, string, string, string][] = [];
    for (const req of r.requests) {
      assert.ok(req.ClientToken.length <= 64 && /^[\x21-\x7e]+$/.test(req.ClientToken));
      const meta = JSON.parse(req.TableMeta) as { name: string; newname: string; tables?: { name: string; newname: string }[] }[];
      assert.equal(checkTableMeta(meta), []);
      for (const d of meta) for (const t of d.tables ?? []) emitted.push([d.name, t.name, d.newname, t.newname]);
    }
    // What is emitted is exactly what was planned: escaping lost nothing.
    const planned = (r.plan?.databases ?? []).flatMap((d) => d.tables.map((t) => [d.source, t.source, d.target, t.target]));
    assert.equal(emitted, planned);
  }), { numRuns: 300 });
});

test('requests: false (lint) gives the diagnostics and entry counts a full compile gives, and no request', () => {
  fc.assert(fc.property(cases, fc.integer({ min: 2, max: 6 }), ({ inv, spec }, maxEntries) => {
    const parsed = parse(spec, 'p.restore');
    const full = compile(parsed, inv, { maxEntries });
    const lean = compile(parsed, inv, { maxEntries, requests: false });
    assert.equal(lean.diagnostics, full.diagnostics);
    assert.equal(lean.entries, full.entries);
    assert.equal(lean.plan, full.plan);
    assert.equal(lean.requests, []);
  }), { numRuns: 400 });
});

test('hostile exact names are escaped correctly or refused with a diagnostic', () => {
  fc.assert(fc.property(name, name, (src, tgt) => {
    const inv: Inventory = {
      version: 1,
      instance: { DBInstanceId: 'rm-prop', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 },
      contents: [{ BackupId: '7', Databases: [{ Database: 'd', Tables: nameProblem(src) ? ['other'] : [src] }] }],
    };
    const spec = `instance rm-prop\nfrom backup 7\nrestore db d < table ${q(src)} as ${q(tgt)} >\n`;
    const parsed = parse(spec, 'h.restore');
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return; // the grammar refused it (e.g. a line break)
    const r = compile(parsed, inv);
    if (nameProblem(src) || nameProblem(tgt)) {
      assert.ok(r.diagnostics.some((d) => d.severity === 'error'), 'an invalid name must be an error');
      assert.is(r.requests.length, 0);
      return;
    }
    if (src === tgt) {
      // The same database and table name: a restore onto the source, which the API refuses.
      assert.ok(r.diagnostics.some((d) => d.code === 'in-place-restore'), 'a restore onto itself must be refused');
      assert.is(r.requests.length, 0);
      return;
    }
    assert.is(r.requests.length, 1);
    const meta = JSON.parse(r.requests[0]!.TableMeta);
    assert.equal(meta, [{ type: 'db', name: 'd', newname: 'd', tables: [{ type: 'table', name: src, newname: tgt }] }]);
  }), { numRuns: 500 });
});

test.run();
