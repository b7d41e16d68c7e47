// The source region must support cross-region backup: DescribeCrossRegionBackups and
// DescribeAvailableRecoveryTime answer CrossBackupNotSupport (403) when it does not, and the
// live inventory records that instead of failing.
import { defineRule } from '../rule.ts';
import { crossSource } from './cross-source.ts';

export default defineRule({
  id: 'cross-region-supported',
  description: 'The region of `from region` must support cross-region backup (CrossBackupNotSupport).',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    notSupported: 'region {{region}} does not support cross-region backup: the API answered CrossBackupNotSupport for instance {{id}}',
  },
  predicts: ['CrossBackupNotSupport'],
  check(ctx) {
    const c = crossSource(ctx);
    if (!c || c.x.supported !== false) return;
    ctx.report({
      messageId: 'notSupported',
      data: { region: c.x.RegionId, id: c.x.DBInstanceId },
      span: c.from.region.span,
      help: 'check the region id of the source instance (DescribeRegions lists them); a region without cross-region backup has no copies to restore from: restore from the instance\'s own backups (`from backup`, `at` without `from region`)',
    });
  },
});
