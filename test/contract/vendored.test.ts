// The contract restorec ships (src/contract/rds-2014-08-15.json, read by the sandbox and the
// inventory reader at run time) is the one in ../shared/api, byte for byte in meaning: when the
// shared contract changes, this fails until the copy is refreshed and the code re-checked.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { CONTRACT } from '../../src/contract/index.ts';
import { sharedContract } from '../helpers/contract.ts';

test('the shipped contract equals ../shared/api/rds-2014-08-15.json', () => {
  assert.equal(JSON.parse(readFileSync('src/contract/rds-2014-08-15.json', 'utf8')), sharedContract());
  assert.equal(CONTRACT as unknown, sharedContract());
});

test('every operation restorec calls or answers is in the contract', () => {
  const ops = Object.keys(sharedContract().operations);
  for (const op of ['RestoreTable', 'DescribeDBInstanceAttribute', 'DescribeParameters', 'DescribeBackupPolicy', 'DescribeLocalAvailableRecoveryTime', 'DescribeBackups', 'DescribeMetaList', 'DescribeDatabases', 'DescribeHistoryTasks']) {
    assert.ok(ops.includes(op), op);
  }
});

test.run();
