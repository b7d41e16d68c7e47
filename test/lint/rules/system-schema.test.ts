import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import type { Inventory } from '../../../src/compiler/index.ts';
import rule from '../../../src/lint/rules/system-schema.ts';

const withMysql = (inv: Inventory) => void inv.contents[0]!.Databases.push({ Database: 'mysql', Size: 1024, Tables: ['user'] });

ruleTester(rule, {
  valid: [
    { spec: HEADER + 'restore db shop as shop_r' },
    { name: 'a pattern that leaves mysql out', spec: HEADER + 'restore db * as *_r except db mysql', inventory: withMysql },
  ],
  invalid: [
    { name: 'an exact source, without an inventory', spec: HEADER + 'restore db mysql < table user as user_bak >', inventory: null, errors: [{ messageId: 'source', line: 3, column: 12, endColumn: 17 }] },
    { name: 'case-insensitive', spec: HEADER + 'restore db INFORMATION_SCHEMA as i', inventory: null, errors: [{ messageId: 'source', message: /INFORMATION_SCHEMA/, line: 3, column: 12 }] },
    { name: 'a system schema as target', spec: HEADER + 'restore db shop as sys', errors: [{ messageId: 'target', line: 3, column: 20, endColumn: 23 }] },
    { name: 'a pattern that matches mysql', spec: HEADER + 'restore db * as *_r', inventory: withMysql, errors: [{ messageId: 'source', message: /mysql/, line: 3, column: 12, endColumn: 13 }] },
    { name: 'a template that makes a system name', spec: HEADER + 'restore db s* as sy*', inventory: (inv) => void inv.contents[0]!.Databases.push({ Database: 'ss', Size: 1, Tables: ['t'] }), errors: [{ messageId: 'target', message: /sys/, line: 3, column: 18, endColumn: 21 }] },
  ],
});
