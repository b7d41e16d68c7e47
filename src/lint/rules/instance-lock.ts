// A locked instance (expired, disk full, locked by hand or by a running restore) refuses writes,
// and RestoreTable with them.
import { defineRule } from '../rule.ts';
import { instanceSpan } from './spans.ts';

/** What each lock mode means for the person who has to lift it. */
const HELP: Record<string, string> = {
  ManualLock: 'it was locked by hand: unlock it in the console first',
  LockByExpiration: 'the subscription expired: renew the instance, then apply',
  LockByRestoration: 'it is locked while a restore runs: wait until that restore ends',
  LockByDiskQuota: 'the disk is full: expand the storage or free space, then apply',
  LockReadInstanceByDiskQuota: 'a read-only instance ran out of disk: expand its storage',
};

export default defineRule({
  id: 'instance-lock',
  description: 'The instance must not be locked (LockMode Unlock).',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    locked: 'instance {{id}} is locked ({{mode}}); a table restore needs LockMode Unlock',
  },
  // RestoreTable documents no lock-mode code: a locked instance is refused as IncorrectDBInstanceState
  // there, and as IncorrectDBInstanceLockMode by DescribeLocalAvailableRecoveryTime.
  predicts: ['IncorrectDBInstanceLockMode', 'IncorrectDBInstanceState'],
  check(ctx) {
    const inst = ctx.inventory!.instance;
    if (inst.LockMode === undefined || inst.LockMode === 'Unlock') return; // unknown: facts-unknown
    ctx.report({ messageId: 'locked', data: { id: inst.DBInstanceId, mode: inst.LockMode }, span: instanceSpan(ctx), help: (Object.hasOwn(HELP, inst.LockMode) ? HELP[inst.LockMode] : undefined) ?? 'lift the lock, then apply' });
  },
});
