// restorec sandbox: a local RDS-compatible endpoint (2014-08-15 RPC) on 127.0.0.1 for rehearsing
// restores and testing `apply`. In-process use:
//   const sb = await startSandbox({ inventories: [inventory] });
//   try { ... new RPCClient({ endpoint: sb.endpoint, accessKeyId: sb.accessKeyId, ... }) } finally { await sb.close(); }
import type { Inventory } from '../compiler/index.ts';
import { applyBehaviour, type Behaviour } from './behaviour.ts';
import { isRestoreTableCode } from './errors.ts';
import { describeState } from './control.ts';
import type { FaultConfig } from './faults.ts';
import { SandboxServer, type SandboxOptions } from './server.ts';
import type { Credential } from './signature.ts';
import type { SandboxState } from './state.ts';
import { advance, inventories } from './state.ts';
import { type Scenario, scenarioJson } from './scenario.ts';
import type { CallLog } from './calls.ts';

export { DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour.ts';
export { ApiError, errorAnswer, isRestoreTableCode } from './errors.ts';
export { FAULT_KINDS, NO_FAULTS, parseFaultSpec, normalizeFaults, type FaultConfig, type FaultKind, type ScriptedFault } from './faults.ts';
export { parseSeed, scenarioJson, type Scenario, type SeedResult } from './scenario.ts';
export { rpcV1Signature, acs3Signature, type Credential } from './signature.ts';
export { DEFAULT_CREDENTIALS, API_VERSION, HOST, type SandboxOptions } from './server.ts';
export type { SandboxState, RestoreTask, RestoreTarget } from './state.ts';

/** In-process twin of the /_sandbox control endpoint. */
export interface SandboxControl {
  setFaults(faults: FaultConfig): void;
  getFaults(): FaultConfig;
  setBehaviour(settings: Partial<Behaviour>): void;
  advanceClock(ms: number): void;
  reset(): void;
  calls(): ReturnType<CallLog['toJSON']>;
  /** The instances as they are now (restores whose time came finished), as inventories. */
  inventories(): Inventory[];
  /** A scenario to save and resume from; restores still running are saved as finished. */
  saveScenario(): string;
  /** Same as GET /_sandbox/state. */
  describe(): Record<string, unknown>;
}

export interface Sandbox {
  endpoint: string;
  port: number;
  /** The first configured credential (fake, for this sandbox only). */
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string | undefined;
  credentials: Credential[];
  control: SandboxControl;
  readonly state: SandboxState;
  close(): Promise<void>;
}

export function optionsFromScenario(s: Scenario): SandboxOptions {
  const o: SandboxOptions = { inventories: s.inventories };
  if (s.credentials) o.credentials = s.credentials;
  if (s.behaviour) o.behaviour = s.behaviour;
  if (s.faults) o.faults = s.faults;
  if (s.randomSeed !== undefined) o.randomSeed = s.randomSeed;
  return o;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const server = new SandboxServer(options);
  await server.listen(options.port ?? 0);
  const first = server.credentials[0] as Credential;
  const control: SandboxControl = {
    setFaults: (f) => void (server.faults = structuredClone(f)),
    getFaults: () => server.faults,
    setBehaviour: (b) => void (server.behaviour = applyBehaviour(server.behaviour, b, isRestoreTableCode)),
    advanceClock: (ms) => void (server.clockOffsetMs += ms),
    reset: () => server.reset(),
    calls: () => server.calls.toJSON(),
    inventories: () => {
      advance(server.state, server.stateNow());
      return inventories(server.state);
    },
    saveScenario: () => {
      advance(server.state, server.stateNow(), true);
      const s: Scenario = { inventories: inventories(server.state), credentials: server.credentials, behaviour: options.behaviour ?? {} };
      if (options.randomSeed !== undefined) s.randomSeed = options.randomSeed;
      return scenarioJson(s);
    },
    describe: () => describeState(server),
  };
  return {
    endpoint: `http://${'127.0.0.1'}:${server.port}`,
    port: server.port,
    accessKeyId: first.accessKeyId,
    accessKeySecret: first.accessKeySecret,
    securityToken: first.securityToken,
    credentials: server.credentials,
    control,
    get state() {
      return server.state;
    },
    close: () => server.close(),
  };
}
