// The HTTP side: one request's way through faults, authentication and the operation, on
// 127.0.0.1 only. Everything the server holds (sockets, held-open requests) is released by close().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Inventory } from '../compiler/index.ts';
import { DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour.ts';
import { CallLog, type Violation } from './calls.ts';
import { handleControl } from './control.ts';
import { checkErrorAnswer, checkRequest, contractOperation, missingParameter } from '../contract/index.ts';
import { responseChecker } from '../contract/response.ts';
import { ApiError, errorAnswer } from './errors.ts';
import { decideFault, NO_FAULTS, type FaultConfig, type FaultKind } from './faults.ts';
import { OPERATIONS } from './operations/index.ts';
import { errorBody, readRequest, sendJson } from './protocol.ts';
import { requestIdSource, seededRandom, type Random } from './random.ts';
import { authenticate, type Credential } from './signature.ts';
import { advance, createState, type SandboxState } from './state.ts';

export const API_VERSION = '2014-08-15';
export const HOST = '127.0.0.1';

/** Fake and printed on purpose: they only open this local sandbox. */
export const DEFAULT_CREDENTIALS: Credential[] = [{ accessKeyId: 'SandboxFakeAccessKeyId', accessKeySecret: 'sandbox-fake-secret-not-a-real-key' }];

export interface SandboxOptions {
  inventories: Inventory[];
  credentials?: Credential[];
  behaviour?: Partial<Behaviour>;
  faults?: FaultConfig;
  /** Seeds fault draws and RequestIds; absent: random RequestIds, faults seeded with 0. */
  randomSeed?: number;
  port?: number;
  /** Wall clock (ms); tests inject one. Restores run on this plus the control clock offset. */
  now?: () => number;
  /**
   * Check every request and every answer against the contract and record what breaks it
   * (`calls().violations`). The tests run with it on; it costs a schema check per answer.
   */
  checkContract?: boolean;
  /** Called with each violation as it is recorded (`restorec sandbox --check-contract` prints them). */
  onViolation?: (v: Violation) => void;
}

export class SandboxServer {
  readonly server: Server;
  state: SandboxState;
  behaviour: Behaviour;
  faults: FaultConfig;
  readonly calls: CallLog;
  clockOffsetMs = 0;
  readonly credentials: Credential[];
  private readonly nonces = new Map<string, number>();
  private random: Random;
  private nextRequestId: () => string;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  port = 0;

  constructor(readonly options: SandboxOptions) {
    this.credentials = options.credentials ?? DEFAULT_CREDENTIALS;
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.faults = structuredClone(options.faults ?? NO_FAULTS);
    this.calls = new CallLog((action) => Object.hasOwn(OPERATIONS, action), options.onViolation);
    this.state = createState(options.inventories);
    this.random = seededRandom(options.randomSeed ?? 0);
    this.nextRequestId = requestIdSource(options.randomSeed);
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  wallNow(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The clock restores run on: wall clock plus what the control endpoint advanced. */
  stateNow(): number {
    return this.wallNow() + this.clockOffsetMs;
  }

  /** Back to the seeded state: instances, tokens, nonces, calls, faults, PRNG and RequestIds. */
  reset(): void {
    this.state = createState(this.options.inventories);
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...this.options.behaviour };
    this.faults = structuredClone(this.options.faults ?? NO_FAULTS);
    this.nonces.clear();
    this.calls.clear();
    this.clockOffsetMs = 0;
    this.random = seededRandom(this.options.randomSeed ?? 0);
    this.nextRequestId = requestIdSource(this.options.randomSeed);
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, HOST, () => {
        const addr = this.server.address();
        this.port = typeof addr === 'object' && addr ? addr.port : port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private sleep(ms: number): Promise<void> {
    return ms > 0 ? new Promise((r) => this.later(ms, r)) : Promise.resolve();
  }

  /** Leaves the client waiting, then drops the connection without an answer. */
  private hold(res: ServerResponse): void {
    this.later(this.faults.timeoutHoldMs, () => res.socket?.destroy());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.url ?? '').startsWith('/_sandbox/')) return handleControl(this, req, res);
    const requestId = this.nextRequestId();
    const hostId = `${HOST}:${this.port}`;
    let action = '';
    let params: Map<string, string> | undefined;
    const answer = (status: number, body: Record<string, unknown>, rec: { code?: string; fault?: FaultKind }) => {
      this.calls.record({ action, status, ...rec });
      if (this.options.checkContract) {
        try {
          this.checkAnswer(action, status, body);
        } catch (e) {
          this.calls.violate({ action, side: 'answer', message: `the contract check itself failed: ${(e as Error).message}` });
        }
      }
      sendJson(res, status, body);
    };
    const fail = (e: ApiError, fault?: FaultKind) => {
      const a = errorAnswer(action, e);
      answer(a.status, errorBody(requestId, hostId, a.code, a.message), { code: a.code, ...(fault ? { fault } : {}) });
    };
    try {
      const rpc = await readRequest(req);
      action = rpc.params.get('Action') ?? rpc.headers['x-acs-action'] ?? '';
      const fault = decideFault(this.faults, action, this.random);
      await this.sleep(fault.delayMs);
      switch (fault.kind) {
        case 'throttle':
          return fail(new ApiError('Throttling.User'), fault.kind);
        case 'internal':
          return fail(new ApiError('InternalError'), fault.kind);
        case 'unavailable':
          return fail(new ApiError('ServiceUnavailable'), fault.kind);
        case 'reset':
          this.calls.record({ action, status: 'reset', fault: fault.kind });
          res.socket?.destroy();
          return;
        case 'timeout':
          this.calls.record({ action, status: 'timeout', fault: fault.kind });
          return this.hold(res);
        default:
      }
      const nowMs = this.wallNow();
      const auth = authenticate(rpc, { credentials: this.credentials, nowMs, maxSkewMs: this.behaviour.maxSkewMs, nonces: this.nonces });
      action = auth.action;
      if (auth.version !== API_VERSION) throw new ApiError('InvalidParameter', `This sandbox speaks ${API_VERSION}.`);
      const op = Object.hasOwn(OPERATIONS, auth.action) ? OPERATIONS[auth.action] : undefined;
      const contract = contractOperation(auth.action);
      if (!op || !contract) throw new ApiError('InvalidAction.NotFound');
      params = rpc.params;
      if (this.options.checkContract) for (const p of checkRequest(action, params, { nowMs })) this.calls.violate({ action, side: 'request', message: p.message });
      // The gateway refuses a request without a parameter the contract marks required, before
      // the operation sees it.
      const missing = contract.parameters.find((p) => p.required && !params!.get(p.name));
      if (missing) {
        const m = missingParameter(missing.name);
        return answer(m.status, errorBody(requestId, hostId, m.code, m.message), { code: m.code });
      }
      const stateNow = this.stateNow();
      advance(this.state, stateNow);
      const body = op({ action, state: this.state, behaviour: this.behaviour, nowMs: stateNow, params, accessKeyId: auth.accessKeyId }, requestId);
      if (fault.kind === 'reset-after') {
        this.calls.record({ action, status: 'reset', fault: fault.kind });
        res.socket?.destroy();
        return;
      }
      if (fault.kind === 'timeout-after') {
        this.calls.record({ action, status: 'timeout', fault: fault.kind });
        return this.hold(res);
      }
      answer(200, { RequestId: requestId, ...body }, {});
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      if (e instanceof SyntaxError || e instanceof RangeError) return fail(new ApiError('InvalidParameter', e.message));
      // A sandbox bug: answer like the service would, and keep the cause on stderr for the developer.
      process.stderr.write(`restorec sandbox: internal error in ${action.slice(0, 64) || 'request'}: ${(e as Error)?.stack ?? e}\n`);
      return fail(new ApiError('InternalError'));
    }
  }

  /** Records how an answer breaks the contract: an undocumented code or status, or a field of the wrong type or not documented. */
  private checkAnswer(action: string, status: number, body: Record<string, unknown>): void {
    if (!contractOperation(action)) return; // unknown actions: the gateway's own answer
    if (status !== 200) {
      const why = checkErrorAnswer(action, status, String(body['Code']));
      if (why) this.calls.violate({ action, side: 'answer', message: why });
      return;
    }
    for (const p of responseChecker(action, 'documented')(body)) this.calls.violate({ action, side: 'answer', message: `${action} answer ${p.path}: ${p.message}` });
  }
}
