// `restorec sandbox --seed FILE`: a local RDS-compatible endpoint until SIGINT/SIGTERM. It prints
// the endpoint and the sandbox's own credentials (fake, valid only here, so printing them is
// fine) as shell: `export` lines and `#` comments, for a person to read and for `eval`.
// `--detach` runs it in the background, so `eval "$(restorec sandbox --seed F --detach)"` works.
import { visibleText } from '../../grammar/visible.ts';
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
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
  detach?: boolean;
  /** Check every request and answer against the API contract; print each violation on stderr. */
  checkContract?: boolean;
}

/** The detached child's mark (set by the parent): it says how to stop it by pid. */
const DETACHED = 'RESTOREC_SANDBOX_DETACHED';

/** A value `eval` reads back unchanged: bare when plainly safe, else single-quoted. */
export function shellQuote(v: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

function readSeed(file: string) {
  // Bounded: a seed that is `/dev/zero` (or a symlink to it) must not fill memory.
  const text = readSnapshotText(file, 'the seed');
  const seed = parseSeed(text, file, readNamedSnapshot);
  if (!seed.ok) throw new UserError(`${file} is not a usable seed:\n  ${seed.problems.join('\n  ')}`, 'give an inventory snapshot (*.inventory.json) or a scenario (schemas/sandbox-scenario.schema.json)');
  return seed.scenario;
}

function checkSaveFolder(file: string): void {
  const dir = dirname(file);
  let ok = false;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    /* reported below */
  }
  if (!ok) throw new UserError(`--save ${file}: the folder ${dir} does not exist`, 'create it first, or save somewhere else');
}

/** The cross-region sources the seeds bring (RestoreDdrTable restores from them), if any. */
function crossSourcesLine(inventories: readonly { crossRegion?: { DBInstanceId: string; RegionId: string } }[]): string[] {
  const sources = [...new Set(inventories.flatMap((i) => (i.crossRegion ? [`${i.crossRegion.DBInstanceId} (${i.crossRegion.RegionId})`] : [])))];
  return sources.length > 0 ? [`# cross-region sources: ${sources.join(', ')}`] : [];
}

export async function sandboxCommand(opts: SandboxCommandOptions): Promise<number> {
  if (opts.detach) return detach();
  if (!opts.seed) throw new UserError('sandbox needs --seed FILE', 'restorec sandbox --seed examples/seed-backup-set.inventory.json');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new UserError(`--port must be 0-65535, got ${opts.port}`);
  // Before listening: a state that cannot be saved would be lost at SIGINT.
  if (opts.save !== undefined) checkSaveFolder(opts.save);
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
  if (opts.checkContract) {
    options.checkContract = true;
    options.onViolation = (v) => process.stderr.write(`restorec sandbox: contract violation (${v.side}): ${visibleText(v.message)}\n`);
  }
  let sb;
  try {
    sb = await startSandbox(options);
  } catch (e) {
    throw new UserError(`cannot listen on 127.0.0.1:${opts.port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const detached = process.env[DETACHED] === '1';
  if (detached) {
    // The parent reads up to the stop line and leaves: later writes must not kill the sandbox.
    process.stdout.on('error', () => {});
    process.stderr.on('error', () => {});
  }
  const vars: [string, string][] = [
    ['RESTOREC_ENDPOINT', sb.endpoint],
    ['ALIBABA_CLOUD_ACCESS_KEY_ID', sb.accessKeyId],
    ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', sb.accessKeySecret],
    ...(sb.securityToken ? ([['ALIBABA_CLOUD_SECURITY_TOKEN', sb.securityToken]] as [string, string][]) : []),
    ...(detached ? ([['RESTOREC_SANDBOX_PID', String(process.pid)]] as [string, string][]) : []),
  ];
  process.stdout.write(
    [
      `# restorec sandbox: RDS API 2014-08-15 on ${sb.endpoint}`,
      `# instances: ${options.inventories.map((i) => i.instance.DBInstanceId).join(', ')}`,
      ...crossSourcesLine(options.inventories),
      '# To point restorec at it, export these (eval "$(restorec sandbox ... --detach)" does it for you).',
      '# The credentials are FAKE: they open this local sandbox and nothing else.',
      ...vars.map(([k, v]) => `export ${k}=${shellQuote(v)}`),
      `# control: ${sb.endpoint}/_sandbox/state (also /_sandbox/faults, /_sandbox/calls, /_sandbox/reset)`,
      detached ? '# stop with: kill $RESTOREC_SANDBOX_PID' : '# stop with Ctrl-C',
      '',
    ].join('\n'),
  );
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

/**
 * Starts this same command without --detach as a background process, passes its lines through
 * once it listens (they say how to stop it), and returns; a sandbox that fails to start fails
 * this command with its message.
 */
async function detach(): Promise<number> {
  const [entry, ...argv] = process.argv.slice(1);
  const child = spawn(process.execPath, [...process.execArgv, entry!, ...argv.filter((a) => a !== '--detach')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [DETACHED]: '1' },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (/^# stop with.*\n/m.test(out)) resolve(true);
    });
    child.on('exit', () => resolve(false));
  });
  if (!ready) {
    process.stderr.write(err);
    return (child.exitCode ?? 2) || 2;
  }
  process.stdout.write(out);
  child.stdout.destroy();
  child.stderr.destroy();
  child.unref();
  return EXIT_OK;
}
