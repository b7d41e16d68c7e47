import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/rds-database-name.ts';

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db shop as shop_20261120' },
    { name: 'tables restored into their own database', spec: HEADER + 'restore db shop < table orders as Orders_Bak >' },
    { name: 'a template that gives valid names', spec: HEADER + 'restore db s* as x_*' },
  ],
  invalid: [
    { name: 'an uppercase letter', spec: HEADER + 'restore db shop as Shop_Copy', errors: [{ message: /`Shop_Copy` does not start with a lowercase letter/, line: 3, column: 20, endColumn: 29 }] },
    { name: 'a trailing underscore', spec: HEADER + 'restore db shop as shop_', errors: [{ message: /does not end with a letter or digit/, line: 3, column: 20 }] },
    { name: 'one character', spec: HEADER + 'restore db shop as s', errors: [{ message: /is 1 character long/, line: 3, column: 20 }] },
    { name: 'a dollar sign', spec: HEADER + 'restore db shop as shop$x', errors: [{ message: /contains `\$`/, line: 3, column: 20 }] },
    { name: 'a template that produces an uppercase letter', spec: HEADER + 'restore db s* as *_R', errors: [{ message: /`hop_R` contains `R`/, line: 3, column: 18, endColumn: 21 }] },
  ],
});
