import { ruleTester, HEADER, crossInventory, CROSS_BACKUP, CROSS_TIME } from '../../helpers/rule-tester.ts';
import type { Inventory } from '../../../src/compiler/index.ts';
import rule from '../../../src/lint/rules/in-place-restore.ts';

const big = (inv: Inventory) => void inv.contents[0]!.Databases.push({ Database: 'big', Size: 1, Tables: Array.from({ length: 5 }, (_, i) => `t${i}`) });

ruleTester(rule, {
  valid: [
    { name: 'cross-region into another instance: the names may stay (offline)', spec: CROSS_BACKUP + 'restore db shop < table orders >', inventory: null },
    { name: 'cross-region into another instance: the names may stay (expanded)', spec: CROSS_BACKUP + 'restore db crm', inventory: (inv) => void ((crossInventory(inv).current = { Databases: [] })) },
    { name: 'renamed tables into the same database', spec: HEADER + 'restore db shop < table orders as orders_restored >' },
    { name: 'a whole database under a new name', spec: HEADER + 'restore db crm as crm_restored' },
    { name: 'offline: a new database name keeps table names', spec: HEADER + 'restore db shop as shop_r < table orders >', inventory: null },
    { name: 'offline: a template that renames', spec: HEADER + 'restore db shop < table order_* as {name}_r >', inventory: null },
    { name: 'case-sensitive instance: a new case is a new name', spec: HEADER + 'restore db shop < table orders as ORDERS >', inventory: (inv) => void (inv.instance.lower_case_table_names = 0) },

    { name: 'offline: case-sensitive by config, a new case is a new name', spec: HEADER + 'restore db shop < table orders as ORDERS >', inventory: null, lowerCaseTableNames: 0 },
  ],
  invalid: [
    { name: 'cross-region onto the source instance (offline)', spec: CROSS_TIME.replace('rm-src', 'rm-test') + 'restore db shop < table orders >', inventory: null, errors: [{ messageId: 'table', line: 4, column: 19 }] },
    { name: 'offline: a table without a new name', spec: HEADER + 'restore db shop < table orders >', inventory: null, errors: [{ messageId: 'table', message: /shop\.orders would be restored under its own/, line: 3, column: 19, endColumn: 31 }] },
    { name: 'offline: the same name written out, and {name}', spec: HEADER + 'restore db shop as shop < table orders as orders, table order_* as {name} >', inventory: null, errors: [{ messageId: 'table', line: 3, column: 27 }, { messageId: 'table', line: 3, column: 51 }] },
    { name: 'offline: a whole database onto itself', spec: HEADER + 'restore db crm', inventory: null, errors: [{ messageId: 'database', message: /every table of crm/, line: 3, column: 12, endColumn: 15 }] },
    // With an inventory the compiler checks the expanded names (emit/in-place) and the rule reports it.
    { name: 'expanded: names compared as the instance compares them', spec: HEADER + 'restore db shop < table orders as ORDERS >', errors: [{ message: /shop\.orders would be restored under its own database and table name/, line: 3, column: 19, endColumn: 41 }] },
    { name: 'expanded: a pattern keeping names', spec: HEADER + 'restore db big < table t* >', inventory: big, errors: [{ message: /big\.t0, big\.t1, big\.t2 and 2 more/, line: 3, column: 18 }] },
    { name: 'expanded: a whole database onto itself', spec: HEADER + 'restore db crm', errors: [{ message: /every table of crm would be restored/, line: 3, column: 12 }] },

    // The help's code is code the language reads: names quoted as they must be, a pattern kept as written.
    { name: 'offline: the help quotes a name that needs it', spec: HEADER + 'restore db `shop eu` < table `x,y` >', inventory: null, errors: [{ messageId: 'table', message: /`shop eu`\.`x,y` would be restored/, help: 'give it a new name: `table `x,y` as `x,y_restored``', line: 3, column: 24 }] },
    { name: 'offline: the help for a pattern database', spec: HEADER + 'restore db shop_*', inventory: null, errors: [{ messageId: 'database', message: /every table of shop_\*/, help: '`restore db shop_* as {name}_restored`', line: 3, column: 12 }] },
    { name: 'expanded: the help quotes a table name that needs it', spec: HEADER + 'restore db shop < table `order items` >', inventory: (inv) => void inv.contents[0]!.Databases[0]!.Tables.push('order items'), errors: [{ message: /shop\.`order items` would be restored/, help: '`table `order items` as `order items_restored``', line: 3, column: 19 }] },
    { name: 'offline: names differing only by case are one name unless the config says otherwise', spec: HEADER + 'restore db shop < table orders as ORDERS >', inventory: null, errors: [{ messageId: 'table', line: 3, column: 19 }] },
  ],
});
