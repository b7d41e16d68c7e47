import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/no-wildcard-database.ts';

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db s* as *_r' },
    { name: 'spec-only: no inventory needed', spec: HEADER + 'restore db shop as shop_r', inventory: null },
  ],
  invalid: [
    { name: 'restore db *', spec: HEADER + 'restore db * as *_r', errors: [{ messageId: 'everything', message: /^`restore db \*` restores every database of the backup$/, line: 3, column: 12, endColumn: 13 }] },
    { name: 'with exclusions, without an inventory', spec: HEADER + 'restore db ** as *_r except db crm', inventory: null, errors: [{ message: /but the 1 excluded$/, line: 3, column: 12, endColumn: 14 }] },
  ],
});
