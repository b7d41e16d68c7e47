// Call accounting for tests and rehearsals: how often each Action was called, how each call ended,
// and (in contract-checking mode) every way a request or an answer broke the contract. Bounded
// whatever the clients send: actions the sandbox does not know are counted under one key, and
// the logs keep the most recent entries only.
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

export interface Violation {
  seq: number;
  action: string;
  /** `request`: restorec (or another client) sent what the contract refuses; `answer`: the sandbox answered what the contract does not allow. */
  side: 'request' | 'answer';
  message: string;
}

const MAX_LOG = 1000;
const MAX_VIOLATIONS = 1000;
const MAX_KEYS = 64;

/** A record with no prototype: a key such as `__proto__` is data, never a prototype. */
const table = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

function bump(counts: Record<string, number>, key: string): void {
  const k = key in counts || Object.keys(counts).length < MAX_KEYS ? key : '(other)';
  counts[k] = (counts[k] ?? 0) + 1;
}

export class CallLog {
  private seq = 0;
  readonly log: CallRecord[] = [];
  counts: Record<string, ActionCounts> = table();
  readonly violations: Violation[] = [];
  violationCount = 0;

  constructor(
    private readonly known: (action: string) => boolean = () => true,
    private readonly onViolation?: (v: Violation) => void,
  ) {}

  /** The name calls are counted under: the action, or `(unknown)` for one the sandbox does not answer. */
  key(action: string): string {
    if (action === '') return '(none)';
    return this.known(action) ? action : '(unknown)';
  }

  record(r: Omit<CallRecord, 'seq'>): number {
    const action = this.key(r.action);
    const c = (this.counts[action] ??= { calls: 0, ok: 0, errors: table(), faults: table() });
    c.calls++;
    if (r.status === 200) c.ok++;
    if (r.code) bump(c.errors, r.code.slice(0, 80));
    if (r.fault) bump(c.faults, r.fault);
    const rec: CallRecord = { seq: ++this.seq, ...r, action };
    if (rec.code !== undefined) rec.code = rec.code.slice(0, 80);
    this.log.push(rec);
    if (this.log.length > MAX_LOG) this.log.shift();
    return rec.seq;
  }

  violate(v: Omit<Violation, 'seq'>): void {
    this.violationCount++;
    const full = { seq: this.seq, ...v, action: this.key(v.action) };
    this.violations.push(full);
    this.onViolation?.(full);
    if (this.violations.length > MAX_VIOLATIONS) this.violations.shift();
  }

  clear(): void {
    this.seq = 0;
    this.log.length = 0;
    this.violations.length = 0;
    this.violationCount = 0;
    this.counts = table();
  }

  toJSON(): { counts: Record<string, ActionCounts>; log: CallRecord[]; violations: Violation[]; violationCount: number } {
    // Plain objects out (spread defines `__proto__` as an own key, never as a prototype).
    const counts = Object.fromEntries(Object.entries(this.counts).map(([k, c]) => [k, { ...c, errors: { ...c.errors }, faults: { ...c.faults } }]));
    return { counts, log: this.log, violations: this.violations, violationCount: this.violationCount };
  }
}
