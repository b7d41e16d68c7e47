// A bound on the calls in flight and on the rate they start at. Every attempt (retries included)
// passes through it, so a pull never exceeds the configured request rate however it pages.
// Hand-written because it is 40 lines: p-limit bounds concurrency but not rate, and the rate
// libraries (bottleneck) are unmaintained or bring a scheduler we do not need.

export interface LimitOptions {
  /** Calls in flight at once (>= 1). */
  concurrency: number;
  /** Calls started per second; 0 or Infinity: no limit. */
  ratePerSecond: number;
}

export class Limiter {
  private active = 0;
  private nextStartMs = 0;
  private readonly queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;

  constructor(private readonly options: LimitOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new RangeError(`concurrency must be a whole number >= 1, got ${options.concurrency}`);
    if (!(options.ratePerSecond >= 0)) throw new RangeError(`rate must be >= 0, got ${options.ratePerSecond}`);
    this.intervalMs = options.ratePerSecond > 0 && Number.isFinite(options.ratePerSecond) ? 1000 / options.ratePerSecond : 0;
  }

  /** Runs `fn` when a slot is free and the rate allows. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.queue.push(resolve);
      this.pump();
    });
    try {
      return await fn();
    } finally {
      this.active--;
      this.pump();
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && this.active < this.options.concurrency) {
      const now = performance.now();
      if (this.intervalMs > 0 && now < this.nextStartMs) {
        if (!this.timer) this.timer = setTimeout(() => ((this.timer = undefined), this.pump()), this.nextStartMs - now);
        return;
      }
      this.nextStartMs = Math.max(now, this.nextStartMs) + this.intervalMs;
      this.active++;
      this.queue.shift()!();
    }
  }
}
