// A spec against an inventory → compile: never throws, whatever the names (hostile, long, many)
// and patterns (invalid or pathological); what it plans comes from the inventory, each target
// once; requests exist only when there is no error, and their TableMeta passes the schema.
import fc from 'fast-check';
import { parse } from '../../../src/grammar/index.ts';
import { checkTableMeta, compile, foldName, type Inventory } from '../../../src/compiler/index.ts';
import { databasesArb, nameArb, patternArb, type Databases } from '../arbitraries.ts';
import { checkSpans } from './parser.ts';
import { defineTarget, fail } from '../target.ts';

const q = (n: string) => '`' + n.replace(/`/g, '``') + '`';

const itemArb = fc.record({
  source: fc.oneof(patternArb, nameArb.map(q)),
  target: fc.constantFrom('', ' as {name}_r', ' as *_c', ' as fixed', ' as ?_x', ' as `a\u202eb`', ' as {name}'),
});
const statementArb = fc.record({
  db: fc.oneof(patternArb, nameArb.map(q)),
  dbTarget: fc.constantFrom('', ' as {name}_x', ' as copy_*', ' as r_?'),
  except: fc.option(fc.oneof(patternArb, nameArb.map(q)), { nil: undefined }),
  items: fc.option(fc.array(fc.oneof(itemArb.map((i) => `table ${i.source}${i.target}`), fc.oneof(patternArb, nameArb.map(q)).map((p) => `except table ${p}`)), { maxLength: 4 }), { nil: undefined }),
});

function inventory(dbs: Databases, lctn: 0 | 1 | 2): Inventory {
  return { version: 1, instance: { DBInstanceId: 'rm-fuzz', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: lctn }, contents: [{ BackupId: '7', Databases: dbs }] };
}

export default defineTarget({
  name: 'expansion',
  kind: 'spec and inventory',
  arbitrary: fc.record({
    dbs: databasesArb,
    lctn: fc.constantFrom(0 as const, 1 as const, 2 as const),
    maxEntries: fc.constantFrom(2, 3, 50, 1000),
    statements: fc.array(statementArb, { minLength: 1, maxLength: 3 }),
  }),
  boundMs: 20_000,
  testRuns: 60,
  check({ dbs, lctn, maxEntries, statements }) {
    const spec =
      'instance rm-fuzz\nfrom backup 7\n' +
      statements.map((s) => `restore db ${s.db}${s.dbTarget}${s.except ? ` except db ${s.except}` : ''}${s.items ? ` <\n  ${s.items.join('\n  ')}\n>` : ''}`).join('\n') +
      '\n';
    const parsed = parse(spec, 'fuzz.restore');
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
    const r = compile(parsed, inventory(dbs, lctn), { maxEntries });
    checkSpans(r.diagnostics, spec.length);
    const ci = lctn !== 0;
    const contents = new Map(dbs.map((d) => [d.Database, new Set(d.Tables)]));
    const seen = new Set<string>();
    for (const db of r.plan?.databases ?? []) {
      if (!contents.has(db.source)) fail(`planned database ${JSON.stringify(db.source)} is not in the inventory`);
      for (const t of db.tables) {
        if (!contents.get(db.source)!.has(t.source)) fail(`planned table ${JSON.stringify(t.source)} is not in ${JSON.stringify(db.source)}`);
        const key = `${foldName(db.target, ci)}\u0000${foldName(t.target, ci)}`;
        if (r.requests.length > 0 && seen.has(key)) fail(`target ${db.target}.${t.target} planned twice`);
        seen.add(key);
      }
    }
    if (r.diagnostics.some((d) => d.severity === 'error')) {
      if (r.requests.length > 0) fail('requests emitted despite errors');
      return;
    }
    for (const req of r.requests) {
      const problems = checkTableMeta(JSON.parse(req.TableMeta));
      if (problems.length > 0) fail(`TableMeta fails the schema: ${problems[0]!.message}`);
    }
  },
});
