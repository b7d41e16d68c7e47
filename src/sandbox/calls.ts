// Call accounting for tests: how often each Action was called and how each call ended.
export interface CallRecord {
  seq: number;
  action: string;
  status: number | 'reset' | 'timeout';
  code?: string;
  fault?: string;
}

export interface ActionCounts {
  calls: number;
  ok: number;
  errors: Record<string, number>;
  faults: Record<string, number>;
}

const MAX_LOG = 1000;

export class CallLog {
  private seq = 0;
  readonly log: CallRecord[] = [];
  readonly counts: Record<string, ActionCounts> = {};

  record(r: Omit<CallRecord, 'seq'>): void {
    const c = (this.counts[r.action || '(none)'] ??= { calls: 0, ok: 0, errors: {}, faults: {} });
    c.calls++;
    if (r.status === 200) c.ok++;
    if (r.code) c.errors[r.code] = (c.errors[r.code] ?? 0) + 1;
    if (r.fault) c.faults[r.fault] = (c.faults[r.fault] ?? 0) + 1;
    this.log.push({ seq: ++this.seq, ...r });
    if (this.log.length > MAX_LOG) this.log.shift();
  }

  clear(): void {
    this.seq = 0;
    this.log.length = 0;
    for (const k of Object.keys(this.counts)) delete this.counts[k];
  }

  toJSON(): { counts: Record<string, ActionCounts>; log: CallRecord[] } {
    return { counts: this.counts, log: this.log };
  }
}
