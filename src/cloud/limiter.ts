// A bound on the calls in flight and on the rate they start at. Every attempt (retries included)
// passes through it, so a pull never exceeds the configured request rate however it pages.
// The rate is a sliding one-second window: at most `ratePerSecond` starts in any 1,000 ms, so a
// burst up to the limit goes at once (API flow control counts calls per second) instead of
// being spread out one interval apart.
// Hand-written because it is 40 lines: p-limit bounds concurrency but not rate, and the rate
// libraries (bottleneck) are unmaintained or bring a scheduler we do not need.

export interface LimitOptions {
  /** Calls in flight at once (>= 1). */
  concurrency: number;
  /** Calls started per second; 0 or Infinity: no limit. */
  ratePerSecond: number;
}

const WINDOW_MS = 1000;

export class Limiter {
  private active = 0;
  /** Start times within the last second, oldest first. */
  private readonly starts: number[] = [];
  private readonly queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly perWindow: number;
  private readonly windowMs: number;

  constructor(private readonly options: LimitOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new RangeError(`concurrency must be a whole number >= 1, got ${options.concurrency}`);
    if (!(options.ratePerSecond >= 0)) throw new RangeError(`rate must be >= 0, got ${options.ratePerSecond}`);
    const rate = options.ratePerSecond;
    const limited = rate > 0 && Number.isFinite(rate);
    // Below one call a second, one call per 1/rate seconds.
    this.perWindow = !limited ? Infinity : rate >= 1 ? Math.floor(rate) : 1;
    this.windowMs = !limited || rate >= 1 ? WINDOW_MS : 1000 / rate;
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
      while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift();
      if (this.starts.length >= this.perWindow) {
        if (!this.timer) this.timer = setTimeout(() => ((this.timer = undefined), this.pump()), this.starts[0]! + this.windowMs - now);
        return;
      }
      if (this.perWindow !== Infinity) this.starts.push(now);
      this.active++;
      this.queue.shift()!();
    }
  }
}
