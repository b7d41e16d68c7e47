// `restorec sandbox --seed FILE`: a local RDS-compatible endpoint until SIGINT/SIGTERM. It prints
// the endpoint and the sandbox's own credentials: fake, valid only here, so printing them is fine.
import { renameSync, writeFileSync } from 'node:fs';
import { parseFaultSpec, parseSeed, startSandbox, optionsFromScenario } from '../../sandbox/index.ts';
import { EXIT_OK, UserError } from '../errors.ts';
import { readNamedSnapshot, readSnapshotText } from '../snapshots.ts';

export interface SandboxCommandOptions {
  seed?: string;
  port: number;
  faults?: string;
  save?: string;
  randomSeed?: number;
  restoreMs?: number;
}

function readSeed(file: string) {
  // Bounded: a seed that is `/dev/zero` (or a symlink to it) must not fill memory.
  const text = readSnapshotText(file, 'the seed');
  const seed = parseSeed(text, file, readNamedSnapshot);
  if (!seed.ok) throw new UserError(`${file} is not a usable seed:\n  ${seed.problems.join('\n  ')}`, 'give an inventory snapshot (*.inventory.json) or a scenario (schemas/sandbox-scenario.schema.json)');
  return seed.scenario;
}

export async function sandboxCommand(opts: SandboxCommandOptions): Promise<number> {
  if (!opts.seed) throw new UserError('sandbox needs --seed FILE', 'restorec sandbox --seed examples/seed-backup-set.inventory.json');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new UserError(`--port must be 0-65535, got ${opts.port}`);
  const options = optionsFromScenario(readSeed(opts.seed));
  if (opts.faults !== undefined) {
    try {
      options.faults = parseFaultSpec(opts.faults);
    } catch (e) {
      throw new UserError((e as Error).message, 'e.g. --faults throttle=0.1,internal=0.05,latency=50,jitter=20');
    }
  }
  // yargs turns `abc` into NaN: a seed or a duration that is not a number is a usage error.
  if (opts.randomSeed !== undefined) {
    if (!Number.isSafeInteger(opts.randomSeed)) throw new UserError(`--random-seed must be a whole number, got ${Number.isNaN(opts.randomSeed) ? 'a value that is not a number' : opts.randomSeed}`, 'e.g. --random-seed 42');
    options.randomSeed = opts.randomSeed;
  }
  if (opts.restoreMs !== undefined) {
    if (!Number.isFinite(opts.restoreMs) || opts.restoreMs < 0) throw new UserError(`--restore-ms must be a duration of 0 or more milliseconds, got ${Number.isNaN(opts.restoreMs) ? 'a value that is not a number' : opts.restoreMs}`, 'e.g. --restore-ms 2000');
    options.behaviour = { ...options.behaviour, restoreDurationMs: opts.restoreMs };
  }
  options.port = opts.port;
  let sb;
  try {
    sb = await startSandbox(options);
  } catch (e) {
    throw new UserError(`cannot listen on 127.0.0.1:${opts.port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const out = process.stdout;
  out.write(`restorec sandbox: RDS API 2014-08-15 on ${sb.endpoint}\n`);
  out.write(`instances: ${options.inventories.map((i) => i.instance.DBInstanceId).join(', ')}\n`);
  out.write('to point restorec at it, export (the credentials are FAKE: they open this local sandbox and nothing else):\n');
  out.write(`  RESTOREC_ENDPOINT=${sb.endpoint}\n`);
  out.write(`  ALIBABA_CLOUD_ACCESS_KEY_ID=${sb.accessKeyId}\n  ALIBABA_CLOUD_ACCESS_KEY_SECRET=${sb.accessKeySecret}\n`);
  if (sb.securityToken) out.write(`  ALIBABA_CLOUD_SECURITY_TOKEN=${sb.securityToken}\n`);
  out.write(`control: ${sb.endpoint}/_sandbox/state (also /_sandbox/faults, /_sandbox/calls, /_sandbox/reset)\n`);
  out.write('stop with Ctrl-C\n');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const saved = opts.save ? sb.control.saveScenario() : undefined;
  await sb.close();
  if (opts.save && saved) {
    // Beside the file, then renamed over it: an interrupted save never leaves half a scenario.
    const tmp = `${opts.save}.restorec-sandbox-${process.pid}.tmp`;
    writeFileSync(tmp, saved);
    renameSync(tmp, opts.save);
    process.stderr.write(`restorec sandbox: saved the state to ${opts.save}\n`);
  }
  process.stderr.write(`restorec sandbox: stopped (${signal})\n`);
  return EXIT_OK;
}
