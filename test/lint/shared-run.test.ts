// A lint run over many specs shares what depends only on the snapshot and the patterns: the
// table lists its blocks scan (ScannerCache, per run) and the instance's current tables as
// target-exists compares them (per inventory and comparison). Sharing must not change what is
// found: each spec of a run gets what a run over it alone gets, with specs over two snapshots of
// one instance that compare names differently (lower_case_table_names 0 and 1), and the same
// blocks repeated across them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../src/grammar/index.ts';
import { lint, type LintInput } from '../../src/lint/lint.ts';
import { rules } from '../../src/lint/registry.ts';
import type { Config } from '../../src/lint/config.ts';
import type { Inventory } from '../../src/compiler/inventory.ts';
import { baseInventory } from '../helpers/rule-tester.ts';

const H = 'instance rm-test\nfrom backup 1001\n';
// Every rule but the one that compares the files of a run with each other.
const config: Config = { extends: 'recommended', rules: { 'duplicate-target-across-files': 'off' } };
const now = new Date('2026-11-20T04:00:00Z');

function withCase(lowerCase: 0 | 1): Inventory {
  const inv = baseInventory();
  inv.instance.lower_case_table_names = lowerCase;
  // Tables that differ from the spec's targets by case only, and one that patterns match by case.
  inv.current!.Databases[0]!.Tables = ['customers', 'Orders_Bak', 'order_items', 'orders'];
  inv.contents[0]!.Databases[0]!.Tables = ['customers', 'order_items', 'order_items_tmp', 'orders', 'Order_Archive'];
  return inv;
}

const SPECS = [
  'restore db shop < table order* as {name}_bak >\n',
  'restore db shop < table order* as {name}_bak >\n',
  'restore db shop < table orders as orders_bak, table order_* as {name}_x >\n',
  'restore db shop < table ORDER* as {name}_r, table cust* as {name}_r >\n',
  'restore db shop < table order* as {name}_bak >\n',
  'restore db shop < table orders as Customers >\n',
];

function input(text: string, name: string, inventory: Inventory): LintInput {
  const p = parse(H + text, name);
  return { source: p.source, document: p.document, diagnostics: p.diagnostics, inventory };
}

const found = (r: ReturnType<typeof lint>[number]) => r.messages.map((m) => `${r.source.position(m.span.start).line}:${m.ruleId ?? m.code}:${m.message}`);

test('each spec of a run finds what it finds alone, over snapshots that compare names differently', () => {
  const inventories = [withCase(0), withCase(1)];
  const inputs = SPECS.flatMap((text, i) => inventories.map((inv, k) => input(text, `s${i}-${k}.restore`, inv)));
  const together = lint(inputs, { config, rules, now });
  const alone = inputs.map((one) => lint([input(SPECS[Math.floor(inputs.indexOf(one) / 2)]!, one.source.name, one.inventory === inventories[0] ? withCase(0) : withCase(1))], { config, rules, now })[0]!);
  together.forEach((r, i) => assert.equal(found(r), found(alone[i]!), r.file));
  // The two comparisons disagree somewhere, so the test can tell them apart.
  assert.not.equal(found(together[0]!), found(together[1]!));
  assert.ok(together.some((r) => r.messages.some((m) => m.ruleId === 'target-exists')), 'target-exists finds something');
});

test.run();
