// The cross-region reader (src/inventory/cross-region.ts) against the sandbox through the real
// client: what each answer becomes in the snapshot. Answers that say something about the spec
// are recorded for the rules (never thrown); an unknown source stops the read with a message.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Inventory } from '../../src/compiler/index.ts';
import { RdsClient, staticCredentials } from '../../src/cloud/index.ts';
import { InventoryError, pullCrossRegion, type CrossRegionPullOptions } from '../../src/inventory/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { assertNoViolations } from '../helpers/contract.ts';
import { crossFixtureInventory, SOURCE } from '../sandbox/helpers.ts';

const NOW = new Date('2026-11-20T04:00:00Z');
const base: CrossRegionPullOptions = { instanceId: SOURCE, region: 'cn-beijing', backupIds: [], restoreTimes: [], metaPageSize: 100, now: NOW };

async function pull(o: Partial<CrossRegionPullOptions>, change?: (inv: Inventory) => void) {
  const inv = crossFixtureInventory();
  change?.(inv);
  const sb = await startSandbox({ inventories: [inv], checkContract: true, behaviour: { maxSkewMs: Number.MAX_SAFE_INTEGER } });
  const api = new RdsClient({ endpoint: sb.endpoint, credentials: staticCredentials({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret }), retry: { retries: 0 } });
  const warnings: string[] = [];
  try {
    const x = await pullCrossRegion(api, { ...base, ...o }, warnings);
    assertNoViolations(sb);
    return { x, warnings, calls: sb.control.calls().counts };
  } finally {
    api.close();
    await sb.close();
  }
}

test('a point in time: the set it starts from, its window and its contents', async () => {
  const { x, warnings } = await pull({ restoreTimes: ['2026-11-20T02:30:00Z'] });
  assert.is(x.backups?.length, 4);
  assert.equal(x.backups?.find((b) => b.CrossBackupId === '12490001'), { CrossBackupId: '12490001', BackupSetStatus: 0, CrossBackupRegion: 'cn-hangzhou', BackupStartTime: '2026-11-19T17:40:00Z', BackupEndTime: '2026-11-19T18:00:00Z', ConsistentTime: '2026-11-19T18:00:00Z', BackupMethod: 'P', BackupType: 'F', BackupSetScale: 0, Engine: 'mysql', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', CrossBackupSetSize: 0, RestoreRegions: ['cn-hangzhou'] });
  assert.equal(x.recoveryWindow, { CrossBackupId: '12490001', RecoveryBeginTime: '2026-11-19T18:00:00Z', RecoveryEndTime: '2026-11-20T03:00:00Z' });
  assert.equal(x.contents.map((c) => [c.BackupId, c.Databases.map((d) => d.Database)]), [['12490001', ['shop', 'crm', 'audit']]]);
  assert.is(x.supported, undefined);
  assert.equal(warnings, []);
});

test('no set named and no time: the newest set that succeeded is listed, and said so', async () => {
  const { x, warnings } = await pull({});
  assert.equal(x.contents.map((c) => c.BackupId), ['12490001']);
  assert.match(warnings.join('\n'), /listing the contents of the newest cross-region backup of rm-src0000000000001, 12490001/);
});

test('refusals are recorded for the rules: InvalidMeta.Empty, NoAvailableLogBackup; unusable sets are not listed', async () => {
  const { x, warnings, calls } = await pull({ backupIds: ['12490004', '12490002', '4242'], restoreTimes: ['2026-11-20T02:30:00Z'] }, (inv) => {
    inv.crossRegion!.recoveryWindow = null;
  });
  assert.equal(x.refusals, [{ CrossBackupId: '12490004', Code: 'InvalidMeta.Empty', Operation: 'DescribeCrossBackupMetaList' }]);
  assert.is(x.recoveryWindow, null);
  assert.equal(x.contents.map((c) => c.BackupId), ['12490001']);
  assert.match(warnings.join('\n'), /cross-region backup 12490002 failed: its contents are not read/);
  assert.match(warnings.join('\n'), /cross-region backup 4242 is not among the cross-region backups/);
  assert.is(calls['DescribeCrossBackupMetaList']?.calls, 2, 'asked only for the listed sets that succeeded');
});

test('a time before every set: a note, no window asked for', async () => {
  const { x, warnings, calls } = await pull({ restoreTimes: ['2026-11-01T00:00:00Z'] });
  assert.is(x.recoveryWindow, undefined);
  assert.match(warnings.join('\n'), /no cross-region backup of rm-src0000000000001 that succeeded stands at or before 2026-11-01T00:00:00Z \(lint rule cross-region-backup-available\)/);
  assert.is(calls['DescribeAvailableRecoveryTime'], undefined);
});

test('CrossBackupNotSupport: recorded as not supported, nothing more asked', async () => {
  const { x, warnings, calls } = await pull({ backupIds: ['12490001'] }, (inv) => void (inv.crossRegion!.supported = false));
  assert.equal(x, { DBInstanceId: SOURCE, RegionId: 'cn-beijing', contents: [], supported: false });
  assert.match(warnings.join('\n'), /answered CrossBackupNotSupport/);
  assert.is(calls['DescribeCrossBackupMetaList'], undefined);
});

test('a source the region does not know stops the read, naming the spec\'s line to check', async () => {
  const e = await pull({ region: 'cn-shanghai' }).catch((x: unknown) => x);
  assert.instance(e, InventoryError);
  assert.match((e as Error).message, /does not know instance rm-src0000000000001 in region cn-shanghai \(InvalidDBInstance\.NotFound\): check the `from region` line/);
});

test.run();
