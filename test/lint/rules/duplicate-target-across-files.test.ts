import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/duplicate-target-across-files.ts';

ruleTester(rule, {
  valid: [
    { name: 'one file', spec: HEADER + 'restore db shop < table orders as orders_bak >' },
    { name: 'two files, different targets', others: [HEADER + 'restore db shop < table orders as orders_a >'], spec: HEADER + 'restore db shop < table orders as orders_b >' },
    { name: 'same table name in different databases', others: [HEADER + 'restore db crm as crm_a'], spec: HEADER + 'restore db crm as crm_b' },

    { name: 'offline: two files, different targets', others: [HEADER + 'restore db shop < table orders as orders_a >'], spec: HEADER + 'restore db shop < table orders as orders_b >', inventory: null },
    { name: 'offline: two files, other instances', others: ['instance rm-other\nfrom backup 1001\nrestore db shop < table orders as orders_bak >'], spec: HEADER + 'restore db shop < table orders as orders_bak >', inventory: null },
  ],
  invalid: [
    {
      name: 'the same target table in two files: reported in the later one',
      others: [HEADER + '\nrestore db shop < table orders as orders_bak >'],
      spec: HEADER + 'restore db shop <\n  table orders as orders_a\n  table customers as orders_bak\n>',
      errors: [{ messageId: 'table', message: /shop\.orders_bak is also restored into rm-test by other-0\.restore:4$/, line: 5, column: 3, endLine: 5, endColumn: 32 }],
    },
    {
      name: 'names differing only in case on a case-insensitive instance',
      others: [HEADER + 'restore db shop < table orders as orders_bak >'],
      spec: HEADER + 'restore db shop < table orders as ORDERS_BAK >',
      errors: [{ messageId: 'table', line: 3, column: 19 }],
    },
    {
      name: 'the same whole target database: one message, not one per table',
      others: [HEADER + 'restore db crm as crm_copy'],
      spec: HEADER + 'restore db crm as crm_copy',
      errors: [{ messageId: 'database', message: /crm_copy .* by other-0\.restore:3$/, line: 3, column: 12, endColumn: 15 }],
    },

    {
      name: 'offline: the same exact target table in two files',
      others: [HEADER + '\nrestore db shop < table orders as orders_bak >'],
      spec: HEADER + 'restore db shop <\n  table orders as orders_a\n  table customers as ORDERS_BAK\n>',
      inventory: null,
      errors: [{ messageId: 'table', message: /shop\.ORDERS_BAK is also restored into rm-test by other-0\.restore:4$/, line: 5, column: 3 }],
    },
    { name: 'offline: the same whole target database', others: [HEADER + 'restore db crm as crm_copy'], spec: HEADER + 'restore db crm as crm_copy', inventory: null, errors: [{ messageId: 'database', line: 3, column: 12 }] },
  ],
});
