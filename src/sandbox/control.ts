// The control endpoint for tests and rehearsals, beside the API on the same port:
//   GET  /_sandbox/state      instances as they are now (restores finished as their time came) and tasks
//   POST /_sandbox/reset      back to the seeded state (tokens, nonces, calls, faults, PRNG too)
//   GET  /_sandbox/faults     the fault settings;  POST: replace them (FaultConfig JSON)
//   GET  /_sandbox/calls      call counts per Action and a log of recent calls
//   POST /_sandbox/clock      {"advanceMs": N}: move the restore clock forward
//   POST /_sandbox/behaviour  merge Behaviour settings, e.g. {"restoreDurationMs": 50}
// Unauthenticated, so it only answers Host 127.0.0.1/localhost (no DNS rebinding from a browser).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyBehaviour } from './behaviour.ts';
import { isRestoreTableCode } from './errors.ts';
import { normalizeFaults } from './faults.ts';
import { MAX_BODY_BYTES, sendJson } from './protocol.ts';
import type { SandboxServer } from './server.ts';
import { advance, inventories } from './state.ts';

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_BODY_BYTES) throw new TypeError('body too large');
  }
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** What GET /_sandbox/state and the in-process `snapshot()` return. */
export function describeState(s: SandboxServer): Record<string, unknown> {
  advance(s.state, s.stateNow());
  return {
    instances: inventories(s.state),
    tasks: [...s.state.instances.values()].flatMap((i) => i.tasks),
    clockOffsetMs: s.clockOffsetMs,
  };
}

export async function handleControl(s: SandboxServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') return sendJson(res, 403, { error: 'control endpoint answers 127.0.0.1 and localhost only' });
  const path = (req.url ?? '').split('?')[0];
  const key = `${req.method} ${path}`;
  try {
    switch (key) {
      case 'GET /_sandbox/state':
        return sendJson(res, 200, describeState(s));
      case 'POST /_sandbox/reset':
        await readJson(req);
        s.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET /_sandbox/faults':
        return sendJson(res, 200, s.faults);
      case 'POST /_sandbox/faults':
        s.faults = normalizeFaults(await readJson(req));
        return sendJson(res, 200, s.faults);
      case 'GET /_sandbox/calls':
        return sendJson(res, 200, s.calls.toJSON());
      case 'POST /_sandbox/clock': {
        const body = (await readJson(req)) as { advanceMs?: unknown };
        if (typeof body.advanceMs !== 'number' || !(body.advanceMs >= 0)) throw new TypeError('advanceMs must be a number >= 0');
        s.clockOffsetMs += body.advanceMs;
        return sendJson(res, 200, { clockOffsetMs: s.clockOffsetMs });
      }
      case 'POST /_sandbox/behaviour':
        s.behaviour = applyBehaviour(s.behaviour, await readJson(req), isRestoreTableCode);
        return sendJson(res, 200, s.behaviour);
      default:
        return sendJson(res, 404, { error: `no control route ${key}` });
    }
  } catch (e) {
    return sendJson(res, 400, { error: (e as Error).message });
  }
}

