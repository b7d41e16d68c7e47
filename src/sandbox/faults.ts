// Fault injection. Each request draws its fault from a seeded PRNG in a fixed order, so one seed
// always gives one fault sequence; scripted faults (`next`) come first and need no luck at all.
// "before" faults stop a request before it is handled: nothing happens on the server.
// "after" faults (`reset-after`, `timeout-after`) handle the request (a RestoreTable starts, its
// ClientToken is recorded) and then lose the answer: the case exactly-once retries must survive.
import type { Random } from './random.ts';

export const FAULT_KINDS = ['throttle', 'internal', 'unavailable', 'reset', 'timeout', 'reset-after', 'timeout-after'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface ScriptedFault {
  kind: FaultKind;
  /** Only a call of this Action takes the fault; absent: the next call of any Action. */
  action?: string;
}

export interface FaultConfig {
  /** Probability (0-1) of each kind per call. */
  rates: Partial<Record<FaultKind, number>>;
  /** Added latency before handling, ms, plus a uniform jitter in [0, jitterMs). */
  latencyMs: number;
  jitterMs: number;
  /** How long a `timeout` holds the request before closing it without an answer. */
  timeoutHoldMs: number;
  /** Random faults hit only these Actions; empty: every Action. */
  actions: string[];
  /** One-shot faults, used in order. */
  next: ScriptedFault[];
}

export const NO_FAULTS: FaultConfig = { rates: {}, latencyMs: 0, jitterMs: 0, timeoutHoldMs: 30_000, actions: [], next: [] };

export interface FaultDecision {
  kind: FaultKind | undefined;
  delayMs: number;
}

/** Always two draws per call (fault, jitter), so sequences stay aligned whatever the rates. */
export function decideFault(config: FaultConfig, action: string, random: Random): FaultDecision {
  const draw = random.next();
  const jitter = random.next();
  const delayMs = config.latencyMs + Math.floor(jitter * config.jitterMs);
  const scripted = config.next.findIndex((f) => f.action === undefined || f.action === action);
  if (scripted >= 0) {
    const [f] = config.next.splice(scripted, 1);
    return { kind: f?.kind, delayMs };
  }
  if (config.actions.length > 0 && !config.actions.includes(action)) return { kind: undefined, delayMs };
  let edge = 0;
  for (const kind of FAULT_KINDS) {
    edge += config.rates[kind] ?? 0;
    if (draw < edge) return { kind, delayMs };
  }
  return { kind: undefined, delayMs };
}

/** `throttle=0.1,internal=0.05,latency=50,jitter=20,timeout-hold=5000,actions=RestoreTable` (the CLI's --faults). */
export function parseFaultSpec(spec: string): FaultConfig {
  const config: FaultConfig = { ...NO_FAULTS, rates: {}, actions: [], next: [] };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 'actions') {
      config.actions = value.split('+').filter(Boolean);
      continue;
    }
    const n = Number(value);
    if (value === '' || !Number.isFinite(n) || n < 0) throw new RangeError(`--faults: ${key} needs a number >= 0, got ${JSON.stringify(value)}`);
    if (key === 'latency') config.latencyMs = n;
    else if (key === 'jitter') config.jitterMs = n;
    else if (key === 'timeout-hold') config.timeoutHoldMs = n;
    else if ((FAULT_KINDS as readonly string[]).includes(key)) {
      if (n > 1) throw new RangeError(`--faults: ${key} is a probability (0-1), got ${n}`);
      config.rates[key as FaultKind] = n;
    } else throw new RangeError(`--faults: unknown setting ${JSON.stringify(key)} (known: ${[...FAULT_KINDS, 'latency', 'jitter', 'timeout-hold', 'actions'].join(', ')})`);
  }
  return config;
}

/** Checks a fault config from JSON (control endpoint, scenario file); returns a complete one. */
export function normalizeFaults(input: unknown): FaultConfig {
  if (typeof input !== 'object' || input === null) throw new TypeError('faults must be an object');
  const o = input as Record<string, unknown>;
  const num = (k: string, d: number): number => {
    const v = o[k];
    if (v === undefined) return d;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new TypeError(`faults.${k} must be a number >= 0`);
    return v;
  };
  const rates: Partial<Record<FaultKind, number>> = {};
  for (const [k, v] of Object.entries((o['rates'] as Record<string, unknown> | undefined) ?? {})) {
    if (!(FAULT_KINDS as readonly string[]).includes(k)) throw new TypeError(`faults.rates: unknown kind ${JSON.stringify(k)}`);
    if (typeof v !== 'number' || v < 0 || v > 1) throw new TypeError(`faults.rates.${k} must be a probability 0-1`);
    rates[k as FaultKind] = v;
  }
  const next = ((o['next'] as unknown[] | undefined) ?? []).map((f) => {
    const r = f as Record<string, unknown>;
    if (!(FAULT_KINDS as readonly unknown[]).includes(r?.['kind'])) throw new TypeError(`faults.next: unknown kind ${JSON.stringify(r?.['kind'])}`);
    return typeof r['action'] === 'string' ? { kind: r['kind'] as FaultKind, action: r['action'] } : { kind: r['kind'] as FaultKind };
  });
  const actions = o['actions'] ?? [];
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) throw new TypeError('faults.actions must be an array of Action names');
  return { rates, latencyMs: num('latencyMs', 0), jitterMs: num('jitterMs', 0), timeoutHoldMs: num('timeoutHoldMs', 30_000), actions, next };
}
