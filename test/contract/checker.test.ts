// The contract checks themselves, on fixtures that drift from the contract: each must be caught,
// so a request or a sandbox answer that drifts can never pass the contract tests unnoticed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkErrorAnswer, checkRequest } from '../../src/contract/index.ts';
import { responseChecker } from '../../src/contract/response.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { readFileSync } from 'node:fs';
import { ENDED_STATUSES } from '../../src/cloud/apply.ts';
import { fixtureInventory, ID, rawCall } from '../sandbox/helpers.ts';

const now = Date.parse('2026-11-20T04:00:00Z');
const messages = (action: string, params: Record<string, string>) => checkRequest(action, params, { nowMs: now }).map((p) => p.message);

test('requests: what the old client sent to DescribeMigrateTasks and DescribeTasks is caught', () => {
  assert.equal(messages('DescribeMigrateTasks', { DBInstanceId: ID }), ['DescribeMigrateTasks StartTime: required, but missing', 'DescribeMigrateTasks EndTime: required, but missing']);
  // DescribeTasks' page size starts at 30.
  assert.equal(messages('DescribeTasks', { DBInstanceId: ID, PageSize: '10' }), ['DescribeTasks PageSize: must be in 30..100, got 10']);
});

test('the statuses apply takes for a finished task are DescribeHistoryTasks Status values of the contract', () => {
  const contract = JSON.parse(readFileSync(new URL('../../../shared/api/rds-2014-08-15.json', import.meta.url), 'utf8'));
  const statuses: string[] = contract.operations.DescribeHistoryTasks.facts.enums.Status;
  assert.equal([...ENDED_STATUSES].sort(), ['Canceled', 'Failed', 'Succeed']);
  for (const s of ENDED_STATUSES) assert.ok(statuses.includes(s), s);
});

test('requests: types, ranges, enums, time formats, unknown parameters', () => {
  const good = { InstanceId: ID, FromStartTime: '2026-11-19T04:00:00Z', ToStartTime: '2026-11-20T05:00:00Z', PageSize: '100', PageNumber: '1' };
  assert.equal(messages('DescribeHistoryTasks', good), []);
  assert.equal(messages('DescribeHistoryTasks', { ...good, PageSize: '5' }), ['DescribeHistoryTasks PageSize: must be in 10..100, got 5']);
  assert.equal(messages('DescribeHistoryTasks', { ...good, FromStartTime: '2026-11-19T04:00Z' }), ['DescribeHistoryTasks FromStartTime: must be UTC yyyy-MM-ddTHH:mm:ssZ, got "2026-11-19T04:00Z"']);
  assert.equal(messages('DescribeHistoryTasks', { ...good, FromStartTime: '2026-10-01T00:00:00Z' }), ['DescribeHistoryTasks FromStartTime: more than 30 days back']);
  assert.equal(messages('DescribeBackups', { DBInstanceId: ID, PageSize: '1000' }), ['DescribeBackups PageSize: must be in 30..100, got 1000']);
  assert.equal(messages('DescribeMetaList', { DBInstanceId: ID, BackupSetID: 'abc', RestoreType: 'Backup' }), [
    'DescribeMetaList RestoreType: must be one of BackupSetID, RestoreTime, got "Backup"',
    'DescribeMetaList BackupSetID: must be an integer, got "abc"',
  ]);
  assert.equal(messages('RestoreTable', { DBInstanceId: ID, TableMeta: '[]', InstantRecovery: 'yes', Foo: '1' }), [
    'RestoreTable InstantRecovery: must be true or false, got "yes"',
    'RestoreTable Foo: is not a parameter of this operation',
    'RestoreTable: one of BackupId and RestoreTime is required',
  ]);
  assert.equal(messages('DescribeNoSuchThing', {}), ['DescribeNoSuchThing is not an operation of the contract']);
});

test('answers: a wrong type, an undocumented field, an undocumented code or status', () => {
  const backups = responseChecker('DescribeBackups', 'documented');
  assert.equal(backups({ RequestId: 'r', TotalRecordCount: '1', Items: { Backup: [{ BackupId: '1' }] } }), []);
  assert.equal(backups({ RequestId: 'r', TotalRecordCount: 1 }).map((p) => `${p.path}: ${p.message}`), ['TotalRecordCount: must be string']);
  assert.equal(backups({ RequestId: 'r', Items: { Backup: [{ BackupId: '1', Tables: 'x' }] } }).map((p) => p.message), ['must NOT have additional properties (Tables is not documented)']);
  assert.equal(responseChecker('DescribeHistoryTasks', 'documented')({ RequestId: 'r', Items: [{ Progress: '50' }] }).map((p) => `${p.path}: ${p.message}`), ['Items[0].Progress: must be number']);
  assert.is(checkErrorAnswer('RestoreTable', 400, 'InvalidParamTableMetaForRestore.Content'), undefined);
  assert.match(checkErrorAnswer('RestoreTable', 400, 'LogBackupNotEnabled') ?? '', /a code it does not document/);
  assert.match(checkErrorAnswer('RestoreTable', 400, 'InvalidMeta.TooLarge') ?? '', /a code it does not document/);
  assert.match(checkErrorAnswer('RestoreTable', 400, 'InvalidBackupSetID.NotFound') ?? '', /the contract says 404/);
  assert.is(checkErrorAnswer('DescribeHistoryTasks', 400, 'MissingFromStartTime'), undefined);
});

test('a sandbox answer that drifts is recorded as a violation (fixture: a wrong type in the seed)', async () => {
  const inv = fixtureInventory();
  // A BackupSize the contract types as an integer, seeded as a fraction: the answer drifts.
  inv.backups![0]!.BackupSize = 1.5;
  const sb = await startSandbox({ inventories: [inv], checkContract: true });
  try {
    await rawCall(sb, 'DescribeBackups', { DBInstanceId: ID });
    await rawCall(sb, 'DescribeHistoryTasks', { InstanceId: ID });
    const all = sb.control.calls().violations.map((x) => `${x.side}: ${x.message}`);
    const answers = all.filter((m) => m.startsWith('answer: '));
    assert.ok(answers.length > 0 && answers.every((m) => /^answer: DescribeBackups answer Items\.Backup\[0\]\.BackupSize: must (be integer|match format "int64")$/.test(m)), answers.join('\n'));
    assert.equal(all.filter((m) => m.startsWith('request: ')), [
      'request: DescribeHistoryTasks FromStartTime: required, but missing',
      'request: DescribeHistoryTasks ToStartTime: required, but missing',
    ]);
  } finally {
    await sb.close();
  }
});

test.run();
