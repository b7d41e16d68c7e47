// Running compiled RestoreTable requests, one after another, exactly once each: a request whose
// targets are already on the instance is skipped and said so; every call carries the compiled
// ClientToken (a retried or repeated call returns the first answer instead of restoring twice);
// a request counts as done only when its task reports success or its targets are seen.
import type { CurrentDatabase, RestoreRequest } from '../compiler/index.ts';
import { CloudError } from './errors.ts';
import { targetPresence, type RequestTargets } from './targets.ts';
import type { ApiBody, Params } from './client.ts';

export interface ApiCaller {
  call(action: string, params?: Params): Promise<ApiBody>;
}

export type ApplyEvent =
  | { kind: 'skip'; index: number; reason: string }
  | { kind: 'submit'; index: number }
  | { kind: 'started'; index: number; requestId: string | undefined; repeated: boolean }
  | { kind: 'progress'; index: number; percent: number | undefined; status: string }
  | { kind: 'waiting-other'; taskId: string };

export interface RequestOutcome {
  index: number;
  status: 'already-applied' | 'started' | 'done' | 'failed';
  message: string;
  requestId?: string | undefined;
}

export interface ApplyOptions {
  api: ApiCaller;
  caseInsensitive: boolean;
  /** The instance's databases now, tables where readable (DescribeDatabases + SQL). */
  readCurrent: () => Promise<CurrentDatabase[]>;
  /** Follow the last request to its end too (earlier ones are always followed: one restore at a time). */
  wait: boolean;
  pollMs?: number;
  waitTimeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onEvent?: (e: ApplyEvent) => void;
}

interface Task {
  TaskId: string;
  Status: string;
  Progress?: string | undefined;
}

const RUNNING = /^(running|waiting|1|pending|in ?progress|ongoing)$/i;
const SUCCEEDED = /^(succeed|success|succeeded|finished|completed|done|2)$/i;
const FAILED = /^(failed|fail|error|3|canceled|cancelled|stopped|closed)$/i;

/** DescribeTasks wants a time range (`yyyy-MM-ddTHH:mmZ`): a day either side of now. */
function minuteUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

/** How many more times to look for a new restore task before calling the answer a repeat. */
const REPEAT_CHECKS = 3;

export class Applier {
  private readonly pollMs: number;
  private readonly waitTimeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: ApplyOptions) {
    this.pollMs = o.pollMs ?? 5_000;
    this.waitTimeoutMs = o.waitTimeoutMs ?? 6 * 3_600_000;
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async restoreTasks(instanceId: string): Promise<Task[]> {
    const t = this.now();
    const b = await this.o.api.call('DescribeTasks', { DBInstanceId: instanceId, TaskAction: 'RestoreTable', StartTime: minuteUtc(t - 86_400_000), EndTime: minuteUtc(t + 86_400_000) });
    const items = ((b['Items'] as Record<string, unknown> | undefined)?.['TaskProgressInfo'] ?? []) as Record<string, unknown>[];
    return items
      .filter((x) => x['TaskAction'] === undefined || x['TaskAction'] === 'RestoreTable')
      .map((x) => ({ TaskId: String(x['TaskId'] ?? ''), Status: String(x['Status'] ?? ''), Progress: x['Progress'] === undefined ? undefined : String(x['Progress']) }));
  }

  /** Applies requests in order; stops at the first that fails. */
  async apply(requests: RestoreRequest[], targets: RequestTargets[]): Promise<RequestOutcome[]> {
    const out: RequestOutcome[] = [];
    for (let i = 0; i < requests.length; i++) {
      const outcome = await this.applyOne(requests[i]!, targets[i]!, i, this.o.wait || i < requests.length - 1);
      out.push(outcome);
      if (outcome.status === 'failed') break;
    }
    return out;
  }

  private async applyOne(req: RestoreRequest, targets: RequestTargets, index: number, follow: boolean): Promise<RequestOutcome> {
    const id = req.DBInstanceId;
    let before = await this.restoreTasks(id);
    // One restore at a time per instance: wait for one already running (perhaps ours, from an
    // interrupted apply) before deciding anything.
    for (let other = before.find((t) => RUNNING.test(t.Status)); other; other = before.find((t) => RUNNING.test(t.Status))) {
      if (!follow) return { index, status: 'failed', message: `restore task ${other.TaskId} is still running on ${id}; apply again when it ends, or pass --wait` };
      this.o.onEvent?.({ kind: 'waiting-other', taskId: other.TaskId });
      const end = await this.follow(id, other.TaskId, index, this.now() + this.waitTimeoutMs);
      if (end === 'timeout') return { index, status: 'failed', message: `restore task ${other.TaskId} did not end within the wait timeout` };
      before = await this.restoreTasks(id);
    }
    const presence = targetPresence(targets, await this.o.readCurrent(), this.o.caseInsensitive);
    if (presence.state === 'present') {
      const message = 'already applied: its target tables are on the instance; not restored again';
      this.o.onEvent?.({ kind: 'skip', index, reason: message });
      return { index, status: 'already-applied', message };
    }
    if (presence.state === 'partial') {
      return { index, status: 'failed', message: `some targets exist and some do not (present: ${presence.present.slice(0, 5).join(', ')}; missing: ${presence.missing.slice(0, 5).join(', ')}); resolve that by hand, then apply again` };
    }

    this.o.onEvent?.({ kind: 'submit', index });
    const known = new Set(before.map((t) => t.TaskId));
    let requestId: string | undefined;
    try {
      const answer = await this.o.api.call('RestoreTable', { DBInstanceId: id, TableMeta: req.TableMeta, BackupId: req.BackupId, RestoreTime: req.RestoreTime, ClientToken: req.ClientToken });
      requestId = typeof answer['RequestId'] === 'string' ? answer['RequestId'] : undefined;
    } catch (e) {
      if (!(e instanceof CloudError)) throw e;
      // An answer lost after the restore began, then a retry refused because it runs (or ran):
      // the instance tells the truth, not the error.
      const after = await this.restoreTasks(id).catch(() => [] as Task[]);
      const started = after.find((t) => !known.has(t.TaskId));
      if (!started) return { index, status: 'failed', message: e.message, requestId: e.requestId };
      requestId = e.requestId;
    }
    let mine = (await this.restoreTasks(id)).find((t) => !known.has(t.TaskId));
    // A new task can take a moment to be listed: look again before concluding that the API gave
    // the first answer for this ClientToken (a repeat).
    for (let i = 0; !mine && i < REPEAT_CHECKS; i++) {
      await this.sleep(this.pollMs);
      mine = (await this.restoreTasks(id)).find((t) => !known.has(t.TaskId));
    }
    const repeated = mine === undefined;
    this.o.onEvent?.({ kind: 'started', index, requestId, repeated });
    if (repeated) {
      const p = targetPresence(targets, await this.o.readCurrent(), this.o.caseInsensitive);
      if (p.state === 'unknown') {
        return { index, status: 'already-applied', requestId, message: `the API gave its first answer for ClientToken ${req.ClientToken}: this request was sent before and was not restored again (tables not readable to confirm the earlier restore finished)` };
      }
      if (p.state !== 'present') {
        return { index, status: 'failed', requestId, message: `the API gave its first answer for ClientToken ${req.ClientToken} (sent before), but its targets are ${p.state === 'absent' ? 'not' : 'only partly'} on the instance: check the earlier restore task before applying again` };
      }
    }
    if (!follow) {
      return { index, status: 'started', requestId, message: `restore started${mine ? ` (task ${mine.TaskId})` : ''}; not waiting for it to end (pass --wait to follow it)` };
    }
    const deadline = this.now() + this.waitTimeoutMs;
    const end = mine ? await this.follow(id, mine.TaskId, index, deadline) : 'unknown';
    if (end === 'failed') return { index, status: 'failed', requestId, message: `restore task ${mine!.TaskId} failed` };
    // Done only when the targets are seen (or the task says so and the tables cannot be read).
    for (;;) {
      const p = targetPresence(targets, await this.o.readCurrent(), this.o.caseInsensitive);
      if (p.state === 'present') {
        const note = repeated ? ' (the API returned the first answer for this ClientToken: no second restore)' : '';
        return { index, status: 'done', requestId, message: `restored${note}` };
      }
      if (end === 'succeeded' && p.state === 'unknown') return { index, status: 'done', requestId, message: 'restored (the task reports success; tables not readable to confirm)' };
      if (this.now() >= deadline) return { index, status: 'failed', requestId, message: `the targets did not appear within the wait timeout; check the instance before applying again` };
      await this.sleep(this.pollMs);
    }
  }

  /** Polls a task until it ends; 'timeout' when the deadline passes first. */
  private async follow(id: string, taskId: string, index: number, deadline: number): Promise<'succeeded' | 'failed' | 'gone' | 'timeout'> {
    for (;;) {
      const task = (await this.restoreTasks(id)).find((t) => t.TaskId === taskId);
      if (!task) return 'gone';
      const percent = task.Progress !== undefined && Number.isFinite(Number(task.Progress)) ? Number(task.Progress) : undefined;
      this.o.onEvent?.({ kind: 'progress', index, percent, status: task.Status });
      if (SUCCEEDED.test(task.Status)) return 'succeeded';
      if (FAILED.test(task.Status)) return 'failed';
      if (this.now() >= deadline) return 'timeout';
      await this.sleep(this.pollMs);
    }
  }
}
