// Hostile patterns through `restorec compile`, as users run it: a database pattern's targets agree
// with what it matched (or the pattern is an error, never a silently wrong target), and patterns
// that made a backtracking regex run for minutes finish at once. (Issue 10, findings 4 and 5.)
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, restorec, tempDir } from '../helpers/cli.ts';

function snapshot(dbs: Record<string, string[]>): string {
  return JSON.stringify({
    version: 1,
    instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 },
    contents: [{ BackupId: '1', Databases: Object.entries(dbs).map(([Database, Tables]) => ({ Database, Tables })) }],
  });
}

/** Compiles one restore statement against the given databases. */
function compileOne(statement: string, dbs: Record<string, string[]>, timeout?: number) {
  const dir = tempDir();
  writeFileSync(join(dir, 's.restore'), `instance rm-x\nfrom backup 1\n${statement}\n`);
  writeFileSync(join(dir, 's.inventory.json'), snapshot(dbs));
  return restorec(['compile', join(dir, 's.restore')], { ...(timeout ? { timeout } : {}) });
}

const targets = (stdout: string): string[] =>
  (JSON.parse(stdout) as { TableMeta: string }[]).flatMap((r) => (JSON.parse(r.TableMeta) as { name: string; newname: string }[]).map((d) => `${d.name} -> ${d.newname}`));

const dbs = { b_2026: ['t1'], shop: ['t2'] };

test('a brace set holding a class gives the target its wildcard captured', () => {
  const r = compileOne('restore db {a,[b,c]}_* as r_*_copy', dbs);
  assert.is(r.status, 0, r.stderr);
  assert.equal(targets(r.stdout), ['b_2026 -> r_2026_copy']);
});

test('a brace range is an error that says what to write instead, not a wrong target', () => {
  const r = compileOne('restore db {a..c}_* as r_*_copy', dbs);
  assert.is(r.status, 1);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /brace ranges such as `\{a\.\.c\}` are not supported/);
  assert.match(r.stderr, /\[a-c\]/);
  assert.match(r.stderr, /s\.restore:3:12/);
  assert.not.ok(hasStackTrace(r.stderr));
});

test('an empty negated class is an error that quotes it as written', () => {
  const r = compileOne('restore db [!]_* as r_*_copy', dbs);
  assert.is(r.status, 1);
  assert.match(r.stderr, /the class `\[!\]` is empty/);
  assert.not.match(r.stderr, /\[\^\]/);
});

test('every database a pattern matches gets the target its own captures make', () => {
  const r = compileOne('restore db {shop,b}_* as *_{name}_?', { shop_eu: ['t'], shop_us: ['t'], b_1: ['t'], c_1: ['t'] });
  // `?` in a target needs a `?` run in the source: an error, not a guess.
  assert.is(r.status, 1);
  const ok = compileOne('restore db {shop,b}_? as r_*', { shop_e: ['t'], b_1: ['t'], c_1: ['t'] });
  assert.is(ok.status, 0, ok.stderr);
  assert.equal(targets(ok.stdout).sort(), ['b_1 -> r_1', 'shop_e -> r_e']);
});

// Without a bound, the old backtracking regex ran for minutes here; the bound only catches a hang.
const HANG_MS = 60_000;

test('a 64-character name against *a*a*...*b compiles at once', () => {
  const r = compileOne('restore db shop < table *a*a*a*a*a*a*a*a*a*a*a*b as {name}_r, table orders >', { shop: ['a'.repeat(64), 'orders'] }, HANG_MS);
  assert.is(r.signal, null, 'killed: the pattern did not finish');
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stderr, /matches no table/);
});

test('nine *? pairs against 10,000 names compile at once', () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `t${String(i).padStart(5, '0')}_${'x'.repeat(20)}`);
  const none = compileOne(`restore db shop < table ${'*?'.repeat(9)}z as {name}_r >`, { shop: names }, HANG_MS);
  assert.is(none.signal, null, 'killed: the pattern did not finish');
  assert.is(none.status, 1, none.stderr);
  assert.match(none.stderr, /matches no table/);
  const all = compileOne(`restore db shop < table ${'*?'.repeat(9)}x as {name}_r >`, { shop: names }, HANG_MS);
  assert.is(all.status, 0, all.stderr);
  const tables = (JSON.parse(all.stdout) as { TableMeta: string }[]).flatMap((q) => (JSON.parse(q.TableMeta) as { tables: unknown[] }[]).flatMap((d) => d.tables));
  assert.is(tables.length, 10_000);
});

test.run();
