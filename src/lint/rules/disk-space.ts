// The restored tables are written to the same instance: estimate their size from the backup's
// per-database sizes (DescribeMetaList, KB) against the free disk, keeping some headroom. The unit
// of DBInstanceDiskUsed is UNCONFIRMED (the SDK says bytes, the API description MB): the
// `diskUsedUnit` option says which to assume, every message says which was assumed, and the rule
// stays a warning.
import { findContents } from '../../compiler/inventory.ts';
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function showBytes(bytes: number): string {
  return bytes >= GIB ? `${(bytes / GIB).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;
}

export default defineRule({
  id: 'disk-space',
  description: 'The restored databases and tables may not fit in the instance\'s free disk space.',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['plan', 'inventory'],
  messages: {
    wontFit: 'the restore needs at least {{need}} but instance {{id}} has {{free}} free ({{headroom}} kept as headroom; DBInstanceDiskUsed read as {{unit}})',
    badOption: 'disk-space option {{option}} must be {{expected}}, got {{value}}',
    mayNotFit: 'the restore may need up to {{need}} but instance {{id}} has {{free}} free ({{headroom}} kept as headroom; DBInstanceDiskUsed read as {{unit}})',
  },
  defaultOptions: { headroom: 0.1, diskUsedUnit: 'bytes' },
  predicts: ['DiskSize.NotEnough'],
  check(ctx) {
    const inv = ctx.inventory!;
    const plan = ctx.plan!;
    const { DBInstanceStorage: storageGb, DBInstanceDiskUsed: usedRaw } = inv.instance;
    const unit = ctx.options['diskUsedUnit'];
    if (unit !== 'bytes' && unit !== 'MB') {
      ctx.report({ messageId: 'badOption', data: { option: 'diskUsedUnit', expected: '"bytes" or "MB"', value: JSON.stringify(unit) }, span: instanceSpan(ctx), help: 'the SDK documents bytes, the API description MB; check the console\'s figure against DescribeDBInstanceAttribute' });
      return;
    }
    const used = usedRaw === undefined ? undefined : unit === 'MB' ? usedRaw * MIB : usedRaw;
    const contents = findContents(inv, plan);
    if (storageGb === undefined || used === undefined || !contents) return;
    const headroom = Number(ctx.options['headroom']);
    if (!(headroom >= 0 && headroom < 1)) {
      ctx.report({ messageId: 'badOption', data: { option: 'headroom', expected: 'a fraction in [0, 1)', value: String(ctx.options['headroom']) }, span: instanceSpan(ctx), help: 'e.g. 0.1 keeps 10% of the storage free' });
      return;
    }
    // Sizes are per database: a database restored in full counts exactly; a partly restored
    // one counts as an upper bound (its tables' sizes are not known).
    let lower = 0;
    let upper = 0;
    for (const db of plan.databases) {
      if (db.tables.length === 0) continue;
      const size = contents.Databases.find((d) => d.Database === db.source)?.Size;
      if (size === undefined) return; // unknown sizes: no estimate
      const bytes = size * 1024;
      upper += bytes;
      if (db.tables.length >= contents.Databases.find((d) => d.Database === db.source)!.Tables.length) lower += bytes;
    }
    const total = storageGb * GIB;
    const reserve = total * headroom;
    const usable = total - used - reserve;
    if (upper <= usable) return;
    const data = { id: inv.instance.DBInstanceId, free: showBytes(Math.max(0, total - used)), headroom: showBytes(reserve), unit: unit === 'MB' ? 'MB (diskUsedUnit)' : 'bytes (the SDK\'s unit; UNCONFIRMED: set diskUsedUnit to MB if the console disagrees)' };
    const help = 'expand the storage first, or restore fewer tables per spec';
    if (lower > 0 && lower > usable) ctx.report({ messageId: 'wontFit', data: { ...data, need: showBytes(lower) }, span: instanceSpan(ctx), help });
    else ctx.report({ messageId: 'mayNotFit', data: { ...data, need: showBytes(upper) }, span: instanceSpan(ctx), help });
  },
});
