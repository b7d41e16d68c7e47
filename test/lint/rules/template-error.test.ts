import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/template-error.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table order* as *_bak, table customers as {name}_old >' }],
  invalid: [
    { name: 'a wildcard in the target of an exact source', spec: HEADER + 'restore db shop < table orders as *_bak >', errors: [{ message: /exact name with nothing for them/, line: 3, column: 35, endColumn: 40 }] },
    { name: 'more wildcards than the source has', spec: HEADER + 'restore db shop < table order* as *_*_x >', errors: [{ message: /has 2 wildcards but the source `order\*` has only 1/, line: 3, column: 35 }] },
    { name: 'a bracket in a target', spec: HEADER + 'restore db shop < table order* as [x]* >', errors: [{ message: /contains `\[`/, line: 3, column: 35 }] },
  ],
});
