// Table tests for lint rules, ESLint RuleTester-style: each case is a spec (and an inventory
// built from a realistic base with overrides); valid cases must report nothing from the rule,
// invalid cases exactly the listed messages at exact positions.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../src/grammar/index.ts';
import type { Inventory } from '../../src/compiler/index.ts';
import { lint } from '../../src/lint/lint.ts';
import type { Config } from '../../src/lint/config.ts';
import type { LintRule } from '../../src/lint/rule.ts';
import { rules as registry } from '../../src/lint/registry.ts';

/** A healthy MySQL 5.7 HA local-SSD instance with one usable backup (1001) and a log window. */
export function baseInventory(): Inventory {
  return {
    version: 1,
    capturedAt: '2026-11-20T04:00:00Z',
    instance: {
      DBInstanceId: 'rm-test',
      RegionId: 'cn-hangzhou',
      Engine: 'MySQL',
      EngineVersion: '5.7',
      Category: 'HighAvailability',
      DBInstanceStorageType: 'local_ssd',
      DBInstanceStatus: 'Running',
      LockMode: 'Unlock',
      DBInstanceType: 'Primary',
      ReadOnlyDBInstanceIds: [],
      DBInstanceStorage: 100,
      DBInstanceDiskUsed: 10 * 1024 ** 3,
      lower_case_table_names: 1,
    },
    backupPolicy: { EnableBackupLog: '1', LogBackupRetentionPeriod: 7, BackupRetentionPeriod: 7, CompressType: '4' },
    recoveryWindow: { RecoveryBeginTime: '2026-11-13T00:00:00Z', RecoveryEndTime: '2026-11-20T03:59:00Z' },
    backups: [
      { BackupId: '1001', BackupStatus: 'Success', MetaStatus: 'OK', BackupStartTime: '2026-11-19T18:00Z', BackupEndTime: '2026-11-19T18:20Z', BackupSize: 2 * 1024 ** 3 },
    ],
    tasks: [],
    contents: [
      {
        BackupId: '1001',
        Databases: [
          { Database: 'shop', Size: 204800, Tables: ['customers', 'order_items', 'order_items_tmp', 'orders'] },
          { Database: 'crm', Size: 10240, Tables: ['contacts', 'deals'] },
        ],
      },
      {
        RestoreTime: '2026-11-20T03:15:00Z',
        Databases: [
          { Database: 'shop', Size: 204800, Tables: ['customers', 'order_items', 'orders'] },
          { Database: 'crm', Size: 10240, Tables: ['contacts', 'deals'] },
        ],
      },
    ],
    current: {
      Databases: [
        { DBName: 'shop', DBStatus: 'Running', Tables: ['customers', 'order_items', 'orders_old'] },
        { DBName: 'crm', DBStatus: 'Running', Tables: ['contacts', 'deals'] },
      ],
    },
  };
}

/**
 * The base inventory with a cross-region source: instance rm-src in cn-beijing, whose cross-region
 * backups (copied to cn-hangzhou, where rm-test is) are 12490001 (succeeded, the base of the
 * window) and 12490002 (failed), with the window of 12490001 and its contents.
 */
export function crossInventory(inv: Inventory = baseInventory()): Inventory {
  inv.crossRegion = {
    DBInstanceId: 'rm-src',
    RegionId: 'cn-beijing',
    backups: [
      { CrossBackupId: '12490001', BackupSetStatus: 0, CrossBackupRegion: 'cn-hangzhou', ConsistentTime: '2026-11-19T18:20:00Z', RestoreRegions: ['cn-hangzhou'] },
      { CrossBackupId: '12490002', BackupSetStatus: 1, CrossBackupRegion: 'cn-hangzhou', ConsistentTime: '2026-11-20T01:00:00Z', RestoreRegions: ['cn-hangzhou'] },
    ],
    recoveryWindow: { CrossBackupId: '12490001', RecoveryBeginTime: '2026-11-19T18:20:00Z', RecoveryEndTime: '2026-11-20T03:50:00Z' },
    contents: [{ BackupId: '12490001', Databases: baseInventory().contents[0]!.Databases }],
  };
  return inv;
}

/** Cross-region headers: a backup set (RestoreType 0) and a point in time (RestoreType 1), 3 lines each. */
export const CROSS_BACKUP = 'instance rm-test\nfrom cross-region backup 12490001\nfrom region cn-beijing instance rm-src\n';
export const CROSS_TIME = 'instance rm-test\nat 2026-11-20T03:15:00Z\nfrom region cn-beijing instance rm-src\n';

/** The spec header most cases use: instance rm-test, from backup 1001 (two lines, 29 chars). */
export const HEADER = 'instance rm-test\nfrom backup 1001\n';

export interface ExpectedMessage {
  messageId?: string;
  /** A substring or pattern of the message text. */
  message?: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A substring or pattern of the help text. */
  help?: string | RegExp;
}

export interface RuleCase {
  name?: string;
  spec: string;
  /** Changes to the base inventory; `null` lints without an inventory. */
  inventory?: ((inv: Inventory) => void) | null;
  options?: Record<string, unknown>;
  /** The config's compile options (maxEntries, wholeDatabase). */
  compile?: Config['compile'];
  /** The config's lowerCaseTableNames (how names compare without an inventory). */
  lowerCaseTableNames?: Config['lowerCaseTableNames'];
  now?: string;
  /** Other specs linted in the same run (for cross-file rules). */
  others?: string[];
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedMessage[];
}

function run(rule: LintRule, c: RuleCase) {
  let inventory: Inventory | undefined;
  if (c.inventory !== null) {
    inventory = baseInventory();
    c.inventory?.(inventory);
  }
  const config: Config = { extends: 'none', rules: { [rule.id]: [rule.defaultSeverity === 'off' ? 'warn' : rule.defaultSeverity, c.options ?? {}] }, ...(c.compile ? { compile: c.compile } : {}), ...(c.lowerCaseTableNames !== undefined ? { lowerCaseTableNames: c.lowerCaseTableNames } : {}) };
  const files = [...(c.others ?? []), c.spec].map((spec, i, all) => {
    const parsed = parse(spec, i === all.length - 1 ? 'spec.restore' : `other-${i}.restore`);
    return { source: parsed.source, document: parsed.document, diagnostics: parsed.diagnostics, ...(inventory ? { inventory } : {}) };
  });
  const results = lint(files, { config, rules: registry, now: new Date(c.now ?? '2026-11-20T04:00:00Z') });
  const result = results[results.length - 1]!;
  const mine = result.messages.filter((m) => m.ruleId === rule.id);
  const others = result.messages.filter((m) => m.ruleId === null && m.severity === 2);
  return { result, mine, others };
}

export function ruleTester(rule: LintRule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  test(`${rule.id} is registered`, () => {
    assert.ok(registry.includes(rule), `${rule.id} is missing from src/lint/registry.ts`);
  });
  cases.valid.forEach((c, i) => {
    test(`${rule.id} valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const { mine, others } = run(rule, c);
      assert.equal(others.map((m) => m.message), [], 'the case must parse and compile');
      assert.equal(mine.map((m) => m.message), []);
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${rule.id} invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const { result, mine } = run(rule, c);
      const got = mine.map((m) => {
        const s = result.source.position(m.span.start);
        const e = result.source.position(m.span.end);
        return { message: m.message, help: m.help ?? '', line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
      });
      assert.is(got.length, c.errors.length, `expected ${c.errors.length} messages, got ${JSON.stringify(got, null, 1)}`);
      c.errors.forEach((want, k) => {
        const g = got[k]!;
        assert.is(g.line, want.line, `message ${k + 1} line: ${g.message}`);
        assert.is(g.column, want.column, `message ${k + 1} column: ${g.message}`);
        if (want.endLine !== undefined) assert.is(g.endLine, want.endLine, `message ${k + 1} end line`);
        if (want.endColumn !== undefined) assert.is(g.endColumn, want.endColumn, `message ${k + 1} end column`);
        if (want.messageId !== undefined) {
          const template = rule.messages[want.messageId];
          assert.ok(template, `unknown messageId ${want.messageId}`);
          const pattern = new RegExp('^' + template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\s*\w+\s*\\\}\\\}/g, '.*') + '$');
          assert.match(g.message, pattern);
        }
        if (want.message !== undefined) assert.match(g.message, want.message);
        if (want.help !== undefined) assert.match(g.help, want.help);
      });
    });
  });
  test.run();
}
