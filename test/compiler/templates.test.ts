// Table tests for glob captures and rename templates, and for expansion of small specs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, type NameNode } from '../../src/grammar/index.ts';
import { applyTemplate, checkTemplate, compile, compileName, parseTemplate, type Inventory, type NameMatcher, type Template } from '../../src/compiler/index.ts';

const node = (value: string, quoted = false): NameNode => ({ kind: 'Name', span: { start: 0, end: value.length }, value, quoted, pattern: !quoted && /[*?[\]{}]/.test(value) });
const matcher = (glob: string, ci = false): NameMatcher => {
  const m = compileName(node(glob), ci, 'table');
  if ('severity' in m) throw new Error(m.message);
  return m;
};

const templateCases: [source: string, target: string, name: string, expected: string][] = [
  ['order_items_*', '*_restored', 'order_items_2026', '2026_restored'],
  ['order_items_*', 'items_*', 'order_items_', 'items_'],
  ['*_*', '*-*', 'a_b_c', 'a-b_c'],
  ['log_??_*', 'l??_*', 'log_01_abc', 'l01_abc'],
  ['a???b', 'x?', 'a123b', 'x123'],
  ['{eu,us}_*', 'r_*', 'eu_orders', 'r_orders'],
  ['[ab]*', '{name}_old', 'beta', 'beta_old'],
  ['*', '{name}_{name}', 'x', 'x_x'],
  ['shop_*', 'shop_*_r', 'shop_ünï', 'shop_ünï_r'],
  ['*', 'copy_*', 'slash/name', 'copy_slash/name'],
];

for (const [source, target, name, expected] of templateCases) {
  test(`template ${source} as ${target}: ${name} -> ${expected}`, () => {
    const m = matcher(source);
    assert.is(m.kind, 'pattern');
    if (m.kind !== 'pattern') return;
    assert.ok(m.test(name), `${source} should match ${name}`);
    const t = parseTemplate(node(target)) as Template;
    assert.not.ok('severity' in t);
    assert.is(checkTemplate(t, m), undefined);
    assert.is(applyTemplate(t, name, m.capture(name)!), expected);
  });
}

const matchCases: [glob: string, name: string, ci: boolean, expected: boolean][] = [
  ['order*', 'orders', false, true],
  ['order*', 'Orders', false, false],
  ['order*', 'Orders', true, true],
  ['*', '.hidden', false, true],
  ['*', '#sql-1', false, true],
  ['a?c', 'abc', false, true],
  ['a?c', 'ac', false, false],
  ['{x,y}_1', 'y_1', false, true],
  ['t_[0-3]', 't_4', false, false],
  ['*', 'a/b', false, true],
];
for (const [glob, name, ci, expected] of matchCases) {
  test(`match ${glob} ~ ${name}${ci ? ' (ci)' : ''} = ${expected}`, () => {
    const m = matcher(glob, ci);
    assert.is(m.kind === 'pattern' && m.test(name), expected);
  });
}

test('templates that cannot work are diagnostics', () => {
  const bad = parseTemplate(node('x_[ab]'));
  assert.ok('severity' in bad && bad.code === 'template/unsupported');
  const two = parseTemplate(node('*_*')) as Template;
  const d1 = checkTemplate(two, matcher('a_*'));
  assert.is(d1?.code, 'template/too-many-wildcards');
  const exactSource = compileName(node('orders'), false, 'table') as NameMatcher;
  assert.is(checkTemplate(parseTemplate(node('*_r')) as Template, exactSource)?.code, 'template/no-wildcards-in-source');
  assert.is(checkTemplate(parseTemplate(node('{name}_r')) as Template, exactSource), undefined);
});

test('patterns and exact names are capped', () => {
  const long = compileName(node('a'.repeat(129) + '*'), false, 'table');
  assert.ok('severity' in long && long.code === 'pattern/too-long');
  const exactTooLong = compileName(node('b'.repeat(65), true), false, 'table');
  assert.ok('severity' in exactTooLong && exactTooLong.code === 'names/invalid');
});

function inventory(tables: Record<string, string[]>, lctn: 0 | 1 | 2 = 0): Inventory {
  return {
    version: 1,
    instance: { DBInstanceId: 'rm-1', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: lctn },
    contents: [{ BackupId: '1', Databases: Object.entries(tables).map(([Database, Tables]) => ({ Database, Tables })) }],
  };
}
const expand = (body: string, inv: Inventory) => compile(parse(`instance rm-1\nfrom backup 1\n${body}\n`, 's.restore'), inv);
const pairs = (r: ReturnType<typeof expand>) => (r.plan?.databases ?? []).flatMap((d) => d.tables.map((t) => `${d.source}.${t.source}>${d.target}.${t.target}`));

const expansionCases: [title: string, body: string, tables: Record<string, string[]>, lctn: 0 | 1 | 2, expected: string[] | string][] = [
  ['sorted by code unit', 'restore db s < table * as {name}_r >', { s: ['b', 'B', 'a', '_'] }, 0, ['s.B>s.B_r', 's._>s.__r', 's.a>s.a_r', 's.b>s.b_r']],
  ['except table', 'restore db s < table t* as {name}_r, except table *_tmp >', { s: ['t1', 't1_tmp', 'u'] }, 0, ['s.t1>s.t1_r']],
  ['except db', 'restore db a* as {name}_r except db a2 < table t >', { a1: ['t'], a2: ['t'] }, 0, ['a1.t>a1_r.t']],
  ['case-insensitive exact', 'restore db S < table T1 as x >', { s: ['t1'] }, 1, ['s.t1>s.x']],
  ['case-sensitive exact misses', 'restore db S < table T1 as x >', { s: ['t1'] }, 0, 'source-missing'],
  ['backquoted is exact', 'restore db s < table `t*` as x >', { s: ['t*', 't1'] }, 0, ['s.t*>s.x']],
  ['db pattern with exact table missing in one', 'restore db d* as {name}_r < table t >', { d1: ['t'], d2: ['u'] }, 0, 'source-missing'],
  ['whole database lists tables', 'restore db s as s2', { s: ['b', 'a'] }, 0, ['s.a>s2.a', 's.b>s2.b']],
  ['two statements merge into one entry', 'restore db s < table a as a1 >\nrestore db s < table b as b1 >', { s: ['a', 'b'] }, 0, ['s.a>s.a1', 's.b>s.b1']],
  ['case-insensitive collision', 'restore db s < table a as X, table b as x >', { s: ['a', 'b'] }, 2, 'target-collision'],
  ['case-sensitive: no collision', 'restore db s < table a as X, table b as x >', { s: ['a', 'b'] }, 0, ['s.a>s.X', 's.b>s.x']],
];
for (const [title, body, tables, lctn, expected] of expansionCases) {
  test(`expand: ${title}`, () => {
    const r = expand(body, inventory(tables, lctn));
    if (typeof expected === 'string') assert.ok(r.diagnostics.some((d) => d.code === expected), JSON.stringify(r.diagnostics.map((d) => d.code)));
    else {
      assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(pairs(r), expected);
    }
  });
}

test.run();
