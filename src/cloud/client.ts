// The RDS OpenAPI client (2014-08-15) on @alicloud/pop-core: POST only (so no parameter, token
// included, lands in a URL), undefined parameters dropped (pop-core would send "undefined"),
// a per-attempt timeout, retries with exponential backoff and jitter (p-retry) inside a total
// time bound, and a shared concurrency/rate limit that every attempt passes through.
// pop-core's RPC client alone: its index also loads the ROA client and, with it, xml2js (~13 ms
// of a live command's start; restorec makes RPC calls only).
import RPCClient from '@alicloud/pop-core/lib/rpc.js';
import { installAnswerParser } from './answer-json.ts';
import pRetry from 'p-retry';
import { CredentialsError, type CredentialsSource } from './credentials.ts';
import { CloudError, errorCode, isRetryable, toCloudError } from './errors.ts';
import { Limiter, type LimitOptions } from './limiter.ts';
import { redact } from './redact.ts';

export const API_VERSION = '2014-08-15';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubles each retry, randomised ×1-2 (jitter), capped at maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  totalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 8, minDelayMs: 200, maxDelayMs: 8_000, totalMs: 120_000 };
export const DEFAULT_LIMIT: LimitOptions = { concurrency: 32, ratePerSecond: 50 };
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface RdsClientOptions {
  endpoint: string;
  credentials: CredentialsSource;
  /** Per attempt (pop-core's default is 3 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  limit?: Partial<LimitOptions>;
  /** Verbose trace lines (already redacted). */
  trace?: (line: string) => void;
}

export type Params = Record<string, string | number | boolean | undefined | null>;
export type ApiBody = Record<string, unknown>;

interface PopClient {
  keepAliveAgent?: { destroy(): void };
  request(action: string, params: Record<string, unknown>, opts: Record<string, unknown>): Promise<ApiBody>;
}

/** Drops undefined/null (pop-core sends them as the string "undefined") and stringifies the rest. */
export function cleanParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

/** Actions whose repetition would act twice: retried only with a ClientToken. */
const MUTATING = new Set(['RestoreTable', 'RestoreDdrTable']);

export class RdsClient {
  private readonly pop: PopClient;
  private readonly limiter: Limiter;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly trace: ((line: string) => void) | undefined;
  /** Attempts sent, per action (retries included). */
  readonly attempts = new Map<string, number>();

  private readonly closed = new AbortController();

  constructor(readonly options: RdsClientOptions) {
    installAnswerParser();
    const Ctor = RPCClient as unknown as new (config: Record<string, unknown>) => PopClient;
    this.pop = new Ctor({ endpoint: options.endpoint.replace(/\/+$/, ''), apiVersion: API_VERSION, credentialsProvider: options.credentials });
    this.limiter = new Limiter({ ...DEFAULT_LIMIT, ...options.limit });
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.trace = options.trace;
  }

  /** Calls this client lets run at once (its limiter's bound). */
  get concurrency(): number {
    return this.options.limit?.concurrency ?? DEFAULT_LIMIT.concurrency;
  }

  /** Total attempts over all actions. */
  get callCount(): number {
    let n = 0;
    for (const v of this.attempts.values()) n += v;
    return n;
  }

  /** Closes idle keep-alive connections, so a finished command exits at once. */
  close(): void {
    // Calls still retrying (others of a Promise.all after one failed) stop at their next wait,
    // so the CLI exits instead of retrying for up to RetryPolicy.totalMs after the error.
    this.closed.abort();
    this.pop.keepAliveAgent?.destroy();
  }

  /** One API call, retried when that is safe and useful; throws CloudError. */
  async call(action: string, params: Params = {}): Promise<ApiBody> {
    const body = cleanParams(params);
    const retryable = !MUTATING.has(action) || body['ClientToken'] !== undefined;
    let attempts = 0;
    try {
      return await pRetry(
        async () => {
          attempts++;
          return this.limiter.run(() => this.attempt(action, body, attempts));
        },
        {
          retries: retryable ? this.retry.retries : 0,
          signal: this.closed.signal,
          factor: 2,
          minTimeout: this.retry.minDelayMs,
          maxTimeout: this.retry.maxDelayMs,
          randomize: true,
          maxRetryTime: this.retry.totalMs,
          shouldRetry: ({ error }) => isRetryable(errorCode(error)),
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            const code = errorCode(error);
            this.trace?.(`${action}: attempt ${attemptNumber} failed with ${code}${isRetryable(code) && retriesLeft > 0 && retryable ? ', retrying' : ''}`);
          },
        },
      );
    } catch (e) {
      // A credential problem is the user's to fix, not an API failure: exit 2 with its message.
      if (e instanceof CredentialsError) throw e;
      throw toCloudError(action, e, attempts);
    }
  }

  private async attempt(action: string, body: Record<string, string>, n: number): Promise<ApiBody> {
    this.attempts.set(action, (this.attempts.get(action) ?? 0) + 1);
    const started = performance.now();
    if (this.trace) this.trace(redact(`-> ${action} ${Object.entries(body).map(([k, v]) => `${k}=${v.length > 120 ? `${v.slice(0, 117)}...` : v}`).join(' ')}${n > 1 ? ` (attempt ${n})` : ''}`));
    try {
      const answer = await this.pop.request(action, body, { method: 'POST', timeout: this.timeoutMs, formatParams: false });
      // pop-core ignores the HTTP status and throws only when the body has `Code`: a gateway's
      // JSON error page (`{"message":"Bad Gateway"}`) would pass as success. Every RDS answer
      // carries a RequestId; one without it is treated as unreadable, and retried.
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer) || typeof answer['RequestId'] !== 'string') {
        this.trace?.(redact(`<- ${action} answer has no RequestId: ${JSON.stringify(answer)?.slice(0, 120)}`));
        throw Object.assign(new SyntaxError(`${action}: the answer has no RequestId`), { code: 'BAD_RESPONSE' });
      }
      this.trace?.(`<- ${action} ok in ${Math.round(performance.now() - started)} ms, RequestId ${String(answer['RequestId'])}`);
      return answer;
    } catch (e) {
      // The raw error quotes the request URL: scrub it before anything can print it.
      const err = e as { message?: string; stack?: string; url?: string; entry?: unknown; name?: string; text?: unknown; code?: unknown; data?: unknown };
      if (err?.code === 'BAD_RESPONSE') throw e;
      if (err?.name === 'SyntaxError' || (e instanceof TypeError && err.data === undefined)) {
        // Not a JSON object: json-bigint's parse error (its `text` is the whole answer), or
        // pop-core reading `.Code` of a `null` answer. Retried as an unreadable answer.
        const text = typeof err.text === 'string' ? err.text : '';
        this.trace?.(redact(`<- ${action} answer is not a JSON object${text ? `: ${JSON.stringify(text.slice(0, 120))}${text.length > 120 ? ` (${text.length} characters)` : ''}` : ''}`));
        throw Object.assign(new SyntaxError(`${action}: the answer is not a JSON object`), { code: 'BAD_RESPONSE' });
      }
      if (typeof err.message === 'string') err.message = redact(err.message);
      if (typeof err.stack === 'string') err.stack = redact(err.stack);
      delete err.url;
      delete err.entry;
      throw e;
    }
  }
}

export { CloudError };
