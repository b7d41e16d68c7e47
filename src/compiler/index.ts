// The compiler's public surface: inventory model and snapshots, expansion to a RestorePlan,
// RestoreTable and RestoreDdrTable emission, and the plan's rendering for people.
export type * from './inventory.ts';
export { isCaseInsensitive, findContents, findCrossContents, baseCrossBackup, crossBackupTime } from './inventory.ts';
export { loadSnapshot, MAX_SNAPSHOT_BYTES, SNAPSHOT_REFUSED, type SnapshotResult } from './snapshot.ts';
export { checkInventory, checkRestoreRequest, checkTableMeta, describeErrors, readablePath, formatProblem, type SchemaProblem, type AjvError } from './validate.ts';
export { compileName, type NameMatcher, type ExactName, type PatternName } from './glob.ts';
export { parseTemplate, applyTemplate, checkTemplate, type Template, type TemplatePart } from './template.ts';
export { MAX_NAME_LENGTH, MAX_PATTERN_LENGTH, nameProblem, foldName } from './names.ts';
export { DEFAULT_MAX_ENTRIES, type RestorePlan, type PlanDatabase, type PlanTable, type CompileOptions, type WholeDatabaseMode } from './plan.ts';
export { clientToken, requestAction, requestJsonPieces, type RestoreRequest, type RestoreAction } from './request.ts';
export { emitRequests, splitEntries, packRequests, toTableMeta, MAX_TABLES_PER_REQUEST, type TableMetaDatabase, type TableMetaTable } from './emit.ts';
export { compile, type CompileInput, type CompileResult } from './compile.ts';
export { sourceOf, sourceLabel, isCrossRegion, type SpecSource } from './source.ts';
export { printJsonBytes } from './print.ts';
export { renderPlan, renderPlanText, renderPlanMarkdown, type PlanFormat, type PlanView } from './render-plan.ts';
export { ELIGIBILITY, LOCAL_DISKS, CLOUD_DISKS, candidateRows, describeRow, parseRows, type EligibilityRow } from './eligibility.ts';
