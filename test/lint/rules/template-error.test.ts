import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/template-error.ts';

ruleTester(rule, {
  valid: [{ spec: HEADER + 'restore db shop < table order* as *_bak, table customers as {name}_old >' }, { name: 'offline: {name} on an exact source', spec: HEADER + 'restore db shop < table customers as {name}_bak >', inventory: null }],
  invalid: [
    { name: 'a wildcard in the target of an exact source', spec: HEADER + 'restore db shop < table orders as *_bak >', errors: [{ message: /exact name with nothing for them/, line: 3, column: 35, endColumn: 40 }] },
    { name: 'more wildcards than the source has', spec: HEADER + 'restore db shop < table order* as *_*_x >', errors: [{ message: /has 2 wildcards but the source `order\*` has only 1/, line: 3, column: 35 }] },
    { name: 'a bracket in a target', spec: HEADER + 'restore db shop < table order* as [x]* >', errors: [{ message: /contains `\[`/, line: 3, column: 35 }] },

    { name: 'offline: a wildcard in the target of an exact source', spec: HEADER + 'restore db shop <\n  table customers as *_bak\n>', inventory: null, errors: [{ message: /the source `customers` is an exact name/, line: 4, column: 22, endColumn: 27 }] },
    { name: 'offline: more wildcards than the source pattern has', spec: HEADER + 'restore db shop* as *_*_x', inventory: null, errors: [{ message: /has 2 wildcards but the source `shop\*` has only 1/, line: 3, column: 21 }] },
  ],
});
