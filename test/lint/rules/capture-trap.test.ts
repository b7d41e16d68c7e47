import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../../src/grammar/index.ts';
import { lint } from '../../../src/lint/lint.ts';
import { rules } from '../../../src/lint/registry.ts';
import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/capture-trap.ts';

test('capture-trap offers {name} as a fix (editors apply it)', () => {
  const p = parse(HEADER + 'restore db shop < table order_items_* as *_bak >', 'spec.restore');
  const [result] = lint([{ source: p.source, document: p.document, diagnostics: p.diagnostics }], { config: { extends: 'none', rules: { 'capture-trap': 'warn' } }, rules, now: new Date('2026-11-20T04:00:00Z') });
  const m = result!.messages.find((x) => x.ruleId === 'capture-trap')!;
  assert.equal(m.fix, { span: m.span, text: '{name}_bak' });
  assert.is(p.source.text.slice(m.span.start, m.span.end), '*_bak');
});

const items = (inv: import('../../../src/compiler/index.ts').Inventory) => void inv.contents[0]!.Databases[0]!.Tables.push('order_items_2026');

ruleTester(rule, {
  valid: [
    { name: '{name} keeps the whole name', spec: HEADER + 'restore db shop < table order_items_* as {name}_bak >' },
    { name: 'the literal text is written into the target', spec: HEADER + 'restore db shop < table order_* as order_*_old >' },
    { name: 'a pattern with no literal text', spec: HEADER + 'restore db shop < table * as *_bak >' },
    { name: 'only separators are dropped', spec: HEADER + 'restore db shop < table _* as *_bak >', inventory: null },
    { name: 'an exact source (template-error, not this rule)', spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: null },
    { name: 'a backquoted target is a name, not a template', spec: HEADER + 'restore db shop < table order_* as `*_bak` >', inventory: null },
    { name: 'offline: the text kept, case aside', spec: HEADER + 'restore db shop < table order_* as ORDER_*_x >', inventory: null },
  ],
  invalid: [
    {
      name: "offline: the issue's trap, with a made-up example and the {name} suggestion",
      spec: HEADER + 'restore db shop <\n  table order_items_* as *_bak\n>',
      inventory: null,
      errors: [
        {
          messageId: 'dropped',
          message: 'the target `*_bak` keeps only what the wildcards of `order_items_*` matched, dropping `order_items_`: e.g. `order_items_2026` is restored as `2026_bak`',
          help: 'write `{name}_bak` to keep the whole name (`order_items_2026_bak`), or `order_items_*_bak`',
          line: 4,
          column: 26,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'with a plan: a name the pattern really matches',
      spec: HEADER + 'restore db shop < table order_items_* as *_bak >',
      inventory: items,
      errors: [{ message: /dropping `order_items_`: `order_items_2026` is restored as `2026_bak`$/, help: /\(`order_items_2026_bak`\)/, line: 3, column: 42 }],
    },
    {
      name: 'a database template',
      spec: HEADER + 'restore db shop_* as *_r',
      inventory: null,
      errors: [{ message: /dropping `shop_`: e\.g\. `shop_2026` is restored as `2026_r`/, help: /`\{name\}_r`.*or `shop_\*_r`/, line: 3, column: 22 }],
    },
    {
      name: 'two wildcards: text between them dropped too',
      spec: HEADER + 'restore db shop < table log_*_part_* as *_* >',
      inventory: null,
      errors: [{ message: /dropping `log_` and `_part_`: e\.g\. `log_2026_part_x` is restored as `2026_x`/, help: /write `\{name\}` where the whole source name belongs/, line: 3, column: 41 }],
    },
  ],
});
