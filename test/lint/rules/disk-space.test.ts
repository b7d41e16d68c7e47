import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/disk-space.ts';

const GIB = 1024 ** 3;

ruleTester(rule, {
  valid: [
    { name: 'plenty of room', spec: HEADER + 'restore db shop as shop_r' },
    { name: 'sizes unknown', spec: HEADER + 'restore db crm as crm_r', inventory: (inv) => {
      delete inv.contents[0]!.Databases[1]!.Size;
      inv.instance.DBInstanceDiskUsed = 99.9 * GIB;
    } },
    { name: 'disk use unknown', spec: HEADER + 'restore db crm as crm_r', inventory: (inv) => void delete inv.instance.DBInstanceDiskUsed },
    // 90,000 read as bytes is nothing; read as MB (the API description's unit) it is 87.9 GiB.
    { name: 'DBInstanceDiskUsed as bytes (the default)', spec: HEADER + 'restore db crm as crm_r', inventory: (inv) => void (inv.instance.DBInstanceDiskUsed = 90_000) },
  ],
  invalid: [
    {
      name: 'a whole database that cannot fit',
      spec: HEADER + 'restore db crm as crm_r',
      inventory: (inv) => void (inv.instance.DBInstanceDiskUsed = 99.9 * GIB),
      errors: [{ messageId: 'wontFit', message: /needs at least 10\.0 MiB but instance rm-test has 102\.4 MiB free \(10\.0 GiB kept as headroom; DBInstanceDiskUsed read as bytes/, line: 1, column: 10, endColumn: 17 }],
    },
    {
      name: 'part of a database: an upper bound',
      spec: HEADER + 'restore db shop < table orders as o2 >',
      inventory: (inv) => void (inv.instance.DBInstanceDiskUsed = 99.9 * GIB),
      errors: [{ messageId: 'mayNotFit', message: /up to 200\.0 MiB/, line: 1, column: 10 }],
    },
    {
      name: 'a larger headroom',
      spec: HEADER + 'restore db shop as shop_r',
      options: { headroom: 0.2 },
      inventory: (inv) => void (inv.instance.DBInstanceDiskUsed = 79.9 * GIB),
      errors: [{ messageId: 'wontFit', message: /20\.0 GiB kept as headroom/, line: 1, column: 10 }],
    },
    {
      name: 'DBInstanceDiskUsed as MB when configured',
      spec: HEADER + 'restore db shop as shop_r',
      options: { diskUsedUnit: 'MB' },
      inventory: (inv) => void (inv.instance.DBInstanceDiskUsed = 95_000),
      errors: [{ messageId: 'wontFit', message: /DBInstanceDiskUsed read as MB \(diskUsedUnit\)/, line: 1, column: 10 }],
    },
    { name: 'a bad unit option', spec: HEADER + 'restore db shop as shop_r', options: { diskUsedUnit: 'GB' }, errors: [{ messageId: 'badOption', message: /diskUsedUnit must be "bytes" or "MB", got "GB"/, line: 1, column: 10 }] },
    { name: 'a bad headroom option', spec: HEADER + 'restore db shop as shop_r', options: { headroom: 2 }, errors: [{ messageId: 'badOption', line: 1, column: 10 }] },
  ],
});
