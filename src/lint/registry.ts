// The one ordered list of lint rules. A test fails when a rule file is missing here, or lacks
// its doc page or its test.
import type { LintRule } from './rule.ts';
import targetExists from './rules/target-exists.ts';
import targetCollision from './rules/target-collision.ts';
import inPlaceRestore from './rules/in-place-restore.ts';
import duplicateTargetAcrossFiles from './rules/duplicate-target-across-files.ts';
import sourceMissing from './rules/source-missing.ts';
import patternNoMatch from './rules/pattern-no-match.ts';
import emptyDatabase from './rules/empty-database.ts';
import unusedExcept from './rules/unused-except.ts';
import tableMatchedTwice from './rules/table-matched-twice.ts';
import ambiguousName from './rules/ambiguous-name.ts';
import unusualName from './rules/unusual-name.ts';
import invalidName from './rules/invalid-name.ts';
import invalidPattern from './rules/invalid-pattern.ts';
import templateError from './rules/template-error.ts';
import captureTrap from './rules/capture-trap.ts';
import systemSchema from './rules/system-schema.ts';
import rdsDatabaseName from './rules/rds-database-name.ts';
import instanceStatus from './rules/instance-status.ts';
import instanceEligibility from './rules/instance-eligibility.ts';
import instanceLock from './rules/instance-lock.ts';
import migrationRunning from './rules/migration-running.ts';
import childInstances from './rules/child-instances.ts';
import logBackupRequired from './rules/log-backup-required.ts';
import restoreTimeWindow from './rules/restore-time-window.ts';
import backupUsable from './rules/backup-usable.ts';
import tableRestoreEnabled from './rules/table-restore-enabled.ts';
import maxEntries from './rules/max-entries.ts';
import renamedDatabaseSplit from './rules/renamed-database-split.ts';
import instanceTableLimit from './rules/instance-table-limit.ts';
import diskSpace from './rules/disk-space.ts';
import currentUnknown from './rules/current-unknown.ts';
import factsUnknown from './rules/facts-unknown.ts';
import noWildcardDatabase from './rules/no-wildcard-database.ts';
import crossRegionSupported from './rules/cross-region-supported.ts';
import crossRegionBackupUsable from './rules/cross-region-backup-usable.ts';
import crossRegionBackupAvailable from './rules/cross-region-backup-available.ts';
import crossRegionTimeWindow from './rules/cross-region-time-window.ts';

export const rules: readonly LintRule[] = [
  // Targets
  targetExists,
  targetCollision,
  inPlaceRestore,
  duplicateTargetAcrossFiles,
  // Sources
  sourceMissing,
  patternNoMatch,
  emptyDatabase,
  unusedExcept,
  tableMatchedTwice,
  ambiguousName,
  unusualName,
  // Names
  invalidName,
  invalidPattern,
  templateError,
  captureTrap,
  systemSchema,
  rdsDatabaseName,
  // Instance
  instanceStatus,
  instanceEligibility,
  instanceLock,
  migrationRunning,
  childInstances,
  // Time and backup
  logBackupRequired,
  restoreTimeWindow,
  backupUsable,
  tableRestoreEnabled,
  // Cross-region source (RestoreDdrTable)
  crossRegionSupported,
  crossRegionBackupUsable,
  crossRegionBackupAvailable,
  crossRegionTimeWindow,
  // Limits
  maxEntries,
  renamedDatabaseSplit,
  instanceTableLimit,
  diskSpace,
  // Honesty
  currentUnknown,
  factsUnknown,
  // Team policy
  noWildcardDatabase,
];
