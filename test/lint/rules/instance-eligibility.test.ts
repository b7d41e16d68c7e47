import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/instance-eligibility.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { name: 'MySQL 5.7 HA on local SSD', spec: SPEC },
    { name: 'MySQL 8.0 HA on local SSD', spec: SPEC, inventory: (inv) => void (inv.instance.EngineVersion = '8.0') },
    { name: 'storage type unknown: undecided (facts-unknown says so)', spec: SPEC, inventory: (inv) => void delete inv.instance.DBInstanceStorageType },
    {
      name: 'a row the config allows',
      spec: SPEC,
      inventory: (inv) => Object.assign(inv.instance, { EngineVersion: '8.0', DBInstanceStorageType: 'cloud_essd' }),
      options: { allow: [{ engine: 'MySQL', versions: ['8.0'], categories: ['HighAvailability'], storageTypes: ['cloud_essd'] }] },
    },
  ],
  invalid: [
    { name: 'MySQL 5.6 HA on a cloud disk (current docs: local disks only)', spec: SPEC, inventory: (inv) => Object.assign(inv.instance, { EngineVersion: '5.6', DBInstanceStorageType: 'cloud_essd' }), errors: [{ messageId: 'ineligible', message: /MySQL 5\.6 HighAvailability on cloud_essd/, line: 1, column: 10 }] },
    { name: 'MySQL 8.0 on a general-purpose ESSD', spec: SPEC, inventory: (inv) => Object.assign(inv.instance, { EngineVersion: '8.0', DBInstanceStorageType: 'general_essd' }), errors: [{ messageId: 'ineligible', line: 1, column: 10 }] },
    {
      name: 'Basic edition',
      spec: SPEC,
      inventory: (inv) => void (inv.instance.Category = 'Basic'),
      errors: [{ messageId: 'ineligible', message: /is MySQL 5\.7 Basic on local_ssd,/, line: 1, column: 10, endColumn: 17 }],
    },
    { name: 'MySQL 5.7 on cloud disks', spec: SPEC, inventory: (inv) => void (inv.instance.DBInstanceStorageType = 'cloud_essd'), errors: [{ messageId: 'ineligible', line: 1, column: 10 }] },
    { name: 'Basic edition with storage unknown is still ineligible', spec: SPEC, inventory: (inv) => {
      inv.instance.Category = 'Basic';
      delete inv.instance.DBInstanceStorageType;
    }, errors: [{ messageId: 'ineligible', message: /storage unknown/, line: 1, column: 10 }] },
    {
      name: 'PostgreSQL: documented by RDS, not supported by restorec',
      spec: SPEC,
      inventory: (inv) => Object.assign(inv.instance, { Engine: 'PostgreSQL', EngineVersion: '14', DBInstanceStorageType: 'cloud_essd' }),
      errors: [{ messageId: 'unsupported', message: /PostgreSQL 14/, line: 1, column: 10 }],
    },
    { name: 'a malformed allow option', spec: SPEC, options: { allow: [{ engine: 'MySQL' }] }, errors: [{ messageId: 'badOption', message: /row 1/, line: 1, column: 10 }] },
  ],
});
