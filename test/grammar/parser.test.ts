// Table tests for the parser: what each input means, and that the grammar is valid.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../src/grammar/index.ts';
import { validateGrammar } from '../../src/grammar/parser.ts';
import { summarize } from '../helpers/summary.ts';

const H = 'instance rm-x\nfrom backup 1\n';
const cases: [string, string, string[]][] = [
  ['the card example', H + 'restore db testdb1 as testdb1_new < table t1 as t1_new >', ['instance rm-x', 'backup 1', 'restore testdb1->testdb1_new {t1->t1_new}']],
  [
    'the seed sample, with `order` as a name',
    'instance rm-x at 2019-08-20T16:00:00Z restore db dtstestdata < table customer_old as customer_old123, table order as order123 >',
    ['instance rm-x', 'at 2019-08-20T16:00:00Z', 'restore dtstestdata {customer_old->customer_old123, order->order123}'],
  ],
  ['a whole database', H + 'restore db crm as crm_20261120', ['instance rm-x', 'backup 1', 'restore crm->crm_20261120']],
  ['patterns and templates', H + 'restore db analytics_* as *_r < table events_2026* >', ['instance rm-x', 'backup 1', 'restore p:analytics_*->p:*_r {p:events_2026*}']],
  [
    'items on separate lines and except',
    H + 'restore db shop <\n  table orders as orders_restored\n  table order_items_* as *_restored\n  except table order_items_tmp*\n>',
    ['instance rm-x', 'backup 1', 'restore shop {orders->orders_restored, p:order_items_*->p:*_restored, -p:order_items_tmp*}'],
  ],
  ['except db', H + 'restore db app_* as *_old except db app_tmp, app_test*', ['instance rm-x', 'backup 1', 'restore p:app_*->p:*_old except[app_tmp,p:app_test*]']],
  ['backquoted names are exact', H + 'restore db `my db` < table `we``ird*` as `x y` >', ['instance rm-x', 'backup 1', 'restore q:my db {q:we`ird*->q:x y}']],
  ['keywords as names', H + 'restore db restore as db < table table as as, table except >', ['instance rm-x', 'backup 1', 'restore restore->db {table->as, except}']],
  ['upper-case keywords and `database`', 'INSTANCE rm-x FROM BACKUP 1 RESTORE DATABASE shop AS shop2', ['instance rm-x', 'backup 1', 'restore shop->shop2']],
  ['a region', H + 'region cn-hangzhou\nrestore db a', ['instance rm-x', 'backup 1', 'region cn-hangzhou', 'restore a']],
  ['instant recovery', H + 'INSTANT Recovery\nrestore db a as b', ['instance rm-x', 'backup 1', 'instant-recovery', 'restore a->b']],
  ['`instant` and `recovery` are still names', H + 'restore db instant as recovery < table recovery as instant >', ['instance rm-x', 'backup 1', 'restore instant->recovery {recovery->instant}']],
  ['an offset time is normalised', 'instance rm-x at 2026-11-20T11:15:00+08:00 restore db a', ['instance rm-x', 'at 2026-11-20T03:15:00Z', 'restore a']],
  ['{name} template', H + 'restore db shop < table order_* as {name}_bak >', ['instance rm-x', 'backup 1', 'restore shop {p:order_*->p:{name}_bak}']],
  ['trailing comma', H + 'restore db shop < table a, table b, >', ['instance rm-x', 'backup 1', 'restore shop {a, b}']],
  [
    'a cross-region backup set and its source',
    'instance rm-dr\nfrom cross-region backup 12490001\nfrom region cn-hangzhou instance rm-src\nrestore db shop',
    ['instance rm-dr', 'cross-region backup 12490001', 'from region cn-hangzhou instance rm-src', 'restore shop'],
  ],
  [
    'a cross-region point in time on one line, as the issue wrote it',
    'instance rm-dr at 2026-11-20T03:15:00Z from region cn-shanghai instance rm-src restore db shop < table orders as orders_r >',
    ['instance rm-dr', 'at 2026-11-20T03:15:00Z', 'from region cn-shanghai instance rm-src', 'restore shop {orders->orders_r}'],
  ],
  ['`FROM CROSS-REGION BACKUP` in any case', 'INSTANCE rm-dr FROM Cross-Region BACKUP 7 FROM REGION cn-hangzhou INSTANCE rm-src RESTORE DB a', ['instance rm-dr', 'cross-region backup 7', 'from region cn-hangzhou instance rm-src', 'restore a']],
  ['`cross-region` is still a name', H + 'restore db cross-region as cross-regional < table cross-region >', ['instance rm-x', 'backup 1', 'restore cross-region->cross-regional {cross-region}']],
];

for (const [what, input, expected] of cases) {
  test(`parses ${what}`, () => {
    const r = parse(input);
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(summarize(r.document), expected);
  });
}

const errors: [string, string, string[]][] = [
  ['a misspelt statement keyword', H + 'restor db x\nrestore db y', ['syntax/unexpected-token@28']],
  ['a misspelt `db`', H + 'restore dv x', ['syntax/unexpected-token@36']],
  // At the place the `>` goes (after `a`), not at the next statement.
  ['a missing `>` before the next statement', H + 'restore db q < table a\nrestore db r', ['syntax/missing-close@50']],
  ['a missing `>` at the end', H + 'restore db q < table a', ['syntax/missing-close@50']],
  ['junk inside a block', H + 'restore db y < table a as b c d >', ['syntax/unexpected-token@56']],
  ['several errors in one file', H + 'restor db x\nrestore db y < tabel a >\nrestore db z < table a', ['syntax/unexpected-token@28', 'syntax/unexpected-token@55', 'syntax/missing-close@87']],
  ['an unterminated backquote', H + 'restore db `abc\n', ['syntax/unterminated-backquote@39']],
  ['a bad timestamp', 'instance rm-x at 2026-11-20T03:15Z restore db a', ['syntax/invalid-timestamp@17']],
  ['no instance', 'from backup 1 restore db a', ['spec/missing-instance@0']],
  ['no source', 'instance rm-x restore db a', ['spec/missing-source@0']],
  ['two sources', H + 'at 2026-11-20T03:15:00Z restore db a', ['spec/conflicting-source@28']],
  ['two instances', H + 'instance rm-y restore db a', ['spec/duplicate-instance@28']],
  ['nothing restored', H, ['spec/no-restore@0']],
  ['an empty block', H + 'restore db a < >', ['spec/empty-block@41']],
  ['a block of exceptions only', H + 'restore db a < except table t* >', ['spec/only-exceptions@41']],
  ['a pattern as instance id', 'instance rm-* from backup 1 restore db a', ['spec/pattern-not-allowed@9']],
  ['`from region` without its instance', 'instance rm-x at 2026-11-20T03:15:00Z from region cn-hangzhou restore db a', ['syntax/unexpected-token@62']],
  ['a cross-region backup without its source', 'instance rm-x from cross-region backup 7 restore db a', ['spec/missing-from-region@14']],
  ['a cross-region backup id that is no int32', 'instance rm-x from cross-region backup 2147483648 from region cn-hangzhou instance rm-s restore db a', ['spec/invalid-backup-id@39']],
  ['a local backup with a cross-region source', 'instance rm-x from backup 1 from region cn-hangzhou instance rm-s restore db a', ['spec/local-backup-from-region@14']],
  ['instant recovery across regions', 'instance rm-x at 2026-11-20T03:15:00Z from region cn-hangzhou instance rm-s instant recovery restore db a', ['spec/instant-recovery-cross-region@76']],
  ['two cross-region sources', 'instance rm-x at 2026-11-20T03:15:00Z from region cn-hangzhou instance rm-s from region cn-beijing instance rm-t restore db a', ['spec/duplicate-from-region@76']],
  ['a region that is no region id', 'instance rm-x at 2026-11-20T03:15:00Z from region Hangzhou instance rm-s restore db a', ['spec/invalid-region@50']],
  ['a cross-region backup and a time', 'instance rm-x from cross-region backup 7 from region cn-hangzhou instance rm-s at 2026-11-20T03:15:00Z restore db a', ['spec/conflicting-source@79']],
];

for (const [what, input, expected] of errors) {
  test(`reports ${what}`, () => {
    const r = parse(input);
    assert.equal(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.span.start}`),
      expected,
    );
  });
}

test('suggests the keyword a typo was meant to be', () => {
  const r = parse(H + 'restor db x\nrestore db q < tabel a >\nrestore dv y');
  assert.equal(r.diagnostics.map((d) => d.help), ['did you mean `restore`?', 'did you mean `table`?', 'did you mean `db`?']);
});

test('a missing `>` points back at the `<` it would close', () => {
  const r = parse(H + 'restore db q < table a\nrestore db r');
  const d = r.diagnostics[0]!;
  assert.equal(d.related?.map((x) => x.span.start), [41]);
  assert.equal(d.fix, { span: { start: 50, end: 50 }, text: ' >' });
});

test('`from region R` swallowing the next line\'s `instance`: the missing instance says so', () => {
  const r = parse('from region cn-hangzhou\ninstance rm-target\nat 2026-11-20T03:15:00Z\nrestore db a');
  const d = r.diagnostics.find((x) => x.code === 'spec/missing-instance');
  assert.match(d?.help ?? '', /names the instance the backups are of; add a line `instance rm-\.\.\.`/);
});

test('an offset time gets an info note with the UTC form', () => {
  const r = parse('instance rm-x at 2026-11-20T11:15:00+08:00 restore db a');
  assert.equal(r.diagnostics.map((d) => [d.severity, d.code, d.fix?.text]), [['info', 'spec/time-offset', '2026-11-20T03:15:00Z']]);
});

test('every span of the tree lies inside its statement', () => {
  const text = H + 'restore db shop <\n table orders as o2\n except table x*\n>';
  const r = parse(text);
  const restore = r.document.statements[2]!;
  assert.is(text.slice(restore.span.start, restore.span.end), 'restore db shop <\n table orders as o2\n except table x*\n>');
  if (restore.kind !== 'Restore') throw new Error('expected a restore');
  assert.is(text.slice(restore.source.span.start, restore.source.span.end), 'shop');
  assert.is(text.slice(restore.block!.items[0]!.span.start, restore.block!.items[0]!.span.end), 'table orders as o2');
});

test('the grammar passes Chevrotain validation (no ambiguity, no left recursion)', () => {
  validateGrammar();
});

test.run();
