// Running compiled RestoreTable (or RestoreDdrTable) requests, one after another, exactly once each. Every call carries
// the compiled ClientToken (a retried or repeated call returns the first answer instead of
// restoring twice). Restores are found and followed through DescribeHistoryTasks (DescribeTasks
// is phased out for MySQL): a task of a restore TaskType (UNCONFIRMED for both operations, so a configurable pattern)
// that started after the submission. A request is reported done or already applied only with
// evidence that the outcome names: the task's Succeed status, or the target tables seen over SQL.
import { requestAction } from '../compiler/request.ts';
import type { CurrentDatabase, HistoryTask, RestoreRequest } from '../compiler/index.ts';
import { historyTasks, UNFINISHED_TASK } from '../inventory/rds.ts';
import { CloudError } from './errors.ts';
import { targetPresence, type RequestTargets } from './targets.ts';
import type { ApiBody, Params } from './client.ts';

export interface ApiCaller {
  call(action: string, params?: Params): Promise<ApiBody>;
}

export type ApplyEvent =
  | { kind: 'skip'; index: number; reason: string }
  | { kind: 'submit'; index: number; action: string }
  | { kind: 'started'; index: number; action: string; requestId: string | undefined; taskId: string | undefined }
  | { kind: 'progress'; index: number; percent: number | undefined; status: string }
  | { kind: 'waiting-other'; taskId: string };

export type OutcomeStatus = 'already-applied' | 'started' | 'done' | 'failed' | 'unconfirmed';

export interface RequestOutcome {
  index: number;
  status: OutcomeStatus;
  message: string;
  /** What the status rests on, in words a user can check (a task and its status, tables seen over SQL). */
  evidence?: string | undefined;
  requestId?: string | undefined;
  taskId?: string | undefined;
}

/** The default pattern for the TaskType of a table restore (UNCONFIRMED: see docs/apply.md). */
export const DEFAULT_RESTORE_TASK_TYPE = /restore|recover/i;

export interface ApplyOptions {
  api: ApiCaller;
  caseInsensitive: boolean;
  /** The instance's databases now, tables where readable (DescribeDatabases + SQL). */
  readCurrent: () => Promise<CurrentDatabase[]>;
  /**
   * Whether readCurrent can see tables (a SQL connection). Without it nothing it reads can be
   * evidence, so it is not called at all (no DescribeDatabases pages that prove nothing).
   */
  canSeeTables?: boolean;
  /** Follow the last request to its end too (earlier ones are always followed: one restore at a time). */
  wait: boolean;
  /** TaskType of a table restore in DescribeHistoryTasks. */
  restoreTaskType?: RegExp;
  pollMs?: number;
  /** How long to look for the restore's task after the restore call answered (default 4 polls). */
  findTaskMs?: number;
  waitTimeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onEvent?: (e: ApplyEvent) => void;
}

/** Clock difference tolerated between this machine and the service when matching task start times. */
const SKEW_MS = 10 * 60_000;
/** How far back a restore still running is looked for (a longer one is reported by lint's migration-running from the inventory). */
const RUNNING_LOOKBACK_MS = 3 * 86_400_000;
const HOUR = 3_600_000;

const SUCCEEDED = new Set(['Succeed']);
const ENDED_BADLY = new Set(['Failed', 'Canceled']);
/** The DescribeHistoryTasks statuses a task ends in (test/contract/checker.test.ts holds them to the contract's Status enum). */
export const ENDED_STATUSES: ReadonlySet<string> = new Set([...SUCCEEDED, ...ENDED_BADLY]);

export class Applier {
  private readonly pollMs: number;
  private readonly findTaskMs: number;
  private readonly waitTimeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly taskType: RegExp;

  constructor(private readonly o: ApplyOptions) {
    this.pollMs = o.pollMs ?? 5_000;
    this.findTaskMs = o.findTaskMs ?? 4 * this.pollMs;
    this.waitTimeoutMs = o.waitTimeoutMs ?? 6 * HOUR;
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.taskType = o.restoreTaskType ?? DEFAULT_RESTORE_TASK_TYPE;
  }

  /** Restore tasks of the instance that started in [fromMs, toMs] (or the one task `taskId`). */
  async restoreTasks(instanceId: string, fromMs: number, toMs: number, taskId?: string): Promise<HistoryTask[]> {
    const all = await historyTasks(this.o.api, instanceId, fromMs, toMs, taskId);
    return all.filter((t) => this.taskType.test(t.TaskType ?? ''));
  }

  /** Applies requests in order; stops at the first that does not end well. */
  async apply(requests: RestoreRequest[], targets: RequestTargets[]): Promise<RequestOutcome[]> {
    const out: RequestOutcome[] = [];
    for (let i = 0; i < requests.length; i++) {
      const outcome = await this.applyOne(requests[i]!, targets[i]!, i, this.o.wait || i < requests.length - 1);
      out.push(outcome);
      if (outcome.status === 'failed' || outcome.status === 'unconfirmed') break;
    }
    return out;
  }

  /** Whether the targets are on the instance, or 'unknown' without a way to see tables. */
  private async presenceNow(targets: RequestTargets): Promise<ReturnType<typeof targetPresence>> {
    if (this.o.canSeeTables === false) return { state: 'unknown' };
    return targetPresence(targets, await this.o.readCurrent(), this.o.caseInsensitive);
  }

  private async applyOne(req: RestoreRequest, targets: RequestTargets, index: number, follow: boolean): Promise<RequestOutcome> {
    const id = req.DBInstanceId;
    // One restore at a time per instance: wait for one already running (perhaps the previous
    // request of this series) before deciding anything. The same answer lists the restore tasks
    // that exist before this submission (one call for both).
    let known: Set<string>;
    for (;;) {
      const t = this.now();
      const tasks = await this.restoreTasks(id, t - RUNNING_LOOKBACK_MS, t + HOUR);
      known = new Set(tasks.map((x) => x.TaskId));
      const other = tasks.find((x) => UNFINISHED_TASK.has(x.Status));
      if (!other) break;
      if (!follow) return { index, status: 'failed', message: `restore task ${other.TaskId} is still ${other.Status} on ${id}; apply again when it ends, or pass --wait` };
      this.o.onEvent?.({ kind: 'waiting-other', taskId: other.TaskId });
      const end = await this.follow(id, other, index, this.now() + this.waitTimeoutMs);
      if (end.state === 'timeout') return { index, status: 'failed', message: `restore task ${other.TaskId} did not end within the wait timeout` };
    }
    const before = await this.presenceNow(targets);
    if (before.state === 'present') {
      const message = 'already applied: its target tables are on the instance; not restored again';
      this.o.onEvent?.({ kind: 'skip', index, reason: message });
      return { index, status: 'already-applied', message, evidence: `information_schema lists every target table of this request` };
    }
    if (before.state === 'partial') {
      return { index, status: 'failed', message: `some targets exist and some do not (present: ${before.present.slice(0, 5).join(', ')}; missing: ${before.missing.slice(0, 5).join(', ')}); resolve that by hand, then apply again` };
    }

    const submittedAt = this.now();
    const action = requestAction(req);
    this.o.onEvent?.({ kind: 'submit', index, action });
    let requestId: string | undefined;
    let refused: CloudError | undefined;
    try {
      // Exactly the compiled parameters (undefined ones are dropped by the client).
      const answer = await this.o.api.call(action, {
        DBInstanceId: id,
        TableMeta: req.TableMeta,
        RestoreType: req.RestoreType,
        BackupId: req.BackupId,
        RestoreTime: req.RestoreTime,
        SourceRegion: req.SourceRegion,
        SourceDBInstanceName: req.SourceDBInstanceName,
        InstantRecovery: req.InstantRecovery,
        ClientToken: req.ClientToken,
      });
      requestId = typeof answer['RequestId'] === 'string' ? answer['RequestId'] : undefined;
    } catch (e) {
      if (!(e instanceof CloudError)) throw e;
      // An answer lost after the restore began, then a retry refused because it runs (or ran):
      // the task list tells the truth, not the error.
      refused = e;
      requestId = e.requestId;
    }
    const task = await this.findNewTask(id, submittedAt, known, refused === undefined);
    if (refused && !task) return { index, status: 'failed', message: refused.message, requestId };
    this.o.onEvent?.({ kind: 'started', index, action, requestId, taskId: task?.TaskId });
    if (!task) return this.withoutTask(req, targets, index, follow, requestId);
    if (!follow) {
      return { index, status: 'started', requestId, taskId: task.TaskId, message: `restore started; not waiting for it to end (pass --wait to follow it)`, evidence: `DescribeHistoryTasks: task ${task.TaskId} (${task.TaskType ?? 'no TaskType'}) is ${task.Status}` };
    }
    const deadline = this.now() + this.waitTimeoutMs;
    // The task was just read: the first look at it waits one poll (no call that tells nothing new).
    if (UNFINISHED_TASK.has(task.Status)) await this.sleep(this.pollMs);
    const end = await this.follow(id, task, index, deadline);
    const seen = `task ${task.TaskId} (${task.TaskType ?? 'no TaskType'})`;
    if (end.state === 'timeout') return { index, status: 'failed', requestId, taskId: task.TaskId, message: `restore ${seen} did not end within the wait timeout; check it before applying again` };
    if (end.state === 'failed') return { index, status: 'failed', requestId, taskId: task.TaskId, message: `restore ${seen} ended ${end.status}` };
    if (end.state === 'gone') return this.confirmByTables(targets, index, deadline, requestId, task.TaskId, `DescribeHistoryTasks no longer lists ${seen}`);
    // Succeeded: confirm through the tables where they can be read.
    const after = await this.presenceNow(targets);
    if (after.state === 'unknown') return { index, status: 'done', requestId, taskId: task.TaskId, message: 'restored', evidence: `DescribeHistoryTasks: ${seen} Succeed (no SQL connection: the tables were not looked at)` };
    return this.confirmByTables(targets, index, deadline, requestId, task.TaskId, `DescribeHistoryTasks: ${seen} Succeed`);
  }

  /** The first restore task that started at or after the submission and was not there before. */
  private async findNewTask(id: string, submittedAt: number, known: Set<string>, accepted: boolean): Promise<HistoryTask | undefined> {
    const until = this.now() + (accepted ? this.findTaskMs : 0);
    for (;;) {
      const t = this.now();
      const fresh = (await this.restoreTasks(id, submittedAt - SKEW_MS, t + HOUR))
        .filter((x) => !known.has(x.TaskId))
        .sort((a, b) => (a.StartTime ?? '').localeCompare(b.StartTime ?? ''));
      if (fresh[0]) return fresh[0];
      if (this.now() >= until) return undefined;
      await this.sleep(this.pollMs);
    }
  }

  /**
   * The restore call answered but no new restore task appeared: the API gave the first answer for
   * this ClientToken (sent before), or the restore runs under a TaskType the pattern misses. Only
   * the tables can tell; without SQL the outcome is unconfirmed.
   */
  private async withoutTask(req: RestoreRequest, targets: RequestTargets, index: number, follow: boolean, requestId: string | undefined): Promise<RequestOutcome> {
    const why = `${requestAction(req)} answered, but DescribeHistoryTasks showed no new task whose TaskType matches ${String(this.taskType)}`;
    const now = await this.presenceNow(targets);
    if (now.state === 'present') return { index, status: 'already-applied', requestId, message: 'already applied (the API gave the first answer for this ClientToken)', evidence: `${why}; information_schema lists every target table` };
    const hint = `check the restore in the console (Backup and Restoration); if restores run under another TaskType, pass --restore-task-type PATTERN`;
    if (now.state === 'unknown') {
      return { index, status: 'unconfirmed', requestId, message: `${why}, and without a SQL connection the target tables cannot be seen: restorec cannot tell whether this restore runs now, ran before (same ClientToken ${req.ClientToken}), or not at all. Pass --mysql-url (or RESTOREC_MYSQL_URL) to confirm through the tables; ${hint}` };
    }
    if (!follow) return { index, status: 'unconfirmed', requestId, message: `${why}, and the target tables are not there yet: pass --wait to wait for them, or ${hint}` };
    return this.confirmByTables(targets, index, this.now() + this.waitTimeoutMs, requestId, undefined, why);
  }

  /** Waits for every target table to be seen over SQL (the evidence of a finished restore). */
  private async confirmByTables(targets: RequestTargets, index: number, deadline: number, requestId: string | undefined, taskId: string | undefined, basis: string): Promise<RequestOutcome> {
    for (;;) {
      const p = await this.presenceNow(targets);
      if (p.state === 'present') return { index, status: 'done', requestId, taskId, message: 'restored', evidence: `${basis}; information_schema lists every target table` };
      if (p.state === 'unknown') return { index, status: 'unconfirmed', requestId, taskId, message: `${basis}, and the target tables cannot be read to confirm the restore` };
      if (this.now() >= deadline) return { index, status: 'failed', requestId, taskId, message: `${basis}, but the target tables did not all appear within the wait timeout; check the instance before applying again` };
      await this.sleep(this.pollMs);
    }
  }

  /** Polls a task until it ends. */
  private async follow(id: string, task: HistoryTask, index: number, deadline: number): Promise<{ state: 'succeeded' | 'failed' | 'gone' | 'timeout'; status?: string }> {
    const since = (task.StartTime ? Date.parse(task.StartTime) : this.now()) - SKEW_MS;
    for (;;) {
      const now = this.now();
      const t = (await this.restoreTasks(id, Math.max(since, now - 29 * 86_400_000), now + HOUR, task.TaskId)).find((x) => x.TaskId === task.TaskId);
      if (!t) return { state: 'gone' };
      this.o.onEvent?.({ kind: 'progress', index, percent: t.Progress, status: t.Status });
      if (SUCCEEDED.has(t.Status)) return { state: 'succeeded' };
      if (ENDED_BADLY.has(t.Status)) return { state: 'failed', status: t.Status };
      if (this.now() >= deadline) return { state: 'timeout' };
      await this.sleep(this.pollMs);
    }
  }
}
