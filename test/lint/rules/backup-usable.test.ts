import { ruleTester, HEADER } from '../../helpers/rule-tester.ts';
import rule from '../../../src/lint/rules/backup-usable.ts';

const SPEC = HEADER + 'restore db shop < table orders as orders_bak >';

ruleTester(rule, {
  valid: [
    { spec: SPEC },
    { name: 'backup list unknown (facts-unknown says so)', spec: SPEC, inventory: (inv) => void delete inv.backups },
    { name: 'MetaStatus LARGE is instance-table-limit\'s', spec: SPEC, inventory: (inv) => void (inv.backups![0]!.MetaStatus = 'LARGE') },
    { name: 'a point in time', spec: 'instance rm-test\nat 2026-11-20T03:15:00Z\nrestore db shop < table orders as orders_bak >', inventory: (inv) => void (inv.backups = []) },
  ],
  invalid: [
    {
      name: 'an unknown backup id',
      spec: 'instance rm-test\nfrom backup 9999\nrestore db shop < table orders as orders_bak >',
      errors: [{ messageId: 'notFound', message: /backup 9999 is not among the backups of instance rm-test/, line: 2, column: 13, endColumn: 17 }],
    },
    { name: 'a failed backup', spec: SPEC, inventory: (inv) => void (inv.backups![0]!.BackupStatus = 'Failed'), errors: [{ messageId: 'failed', line: 2, column: 13 }] },
    { name: 'taken before table restore was enabled', spec: SPEC, inventory: (inv) => void (inv.backups![0]!.MetaStatus = ''), errors: [{ messageId: 'meta', message: /taken before "Restore individual databases and tables" was enabled/, line: 2, column: 13 }] },
    { name: 'table list failed', spec: SPEC, inventory: (inv) => void (inv.backups![0]!.MetaStatus = 'EMPTY'), errors: [{ messageId: 'meta', message: /MetaStatus EMPTY/, line: 2, column: 13 }] },
  ],
});
