// `restorec apply FILES`: live inventory → lint (refuses on errors) → plan → confirmation →
// RestoreTable (RestoreDdrTable for a cross-region spec) with the compiled ClientToken, one request after another → with --wait, followed
// to the end. Applying again restores nothing twice: requests whose targets exist are skipped and
// said so. `--sandbox` runs it all against the in-process sandbox, with no cloud account.
import { visibleText } from '../../grammar/visible.ts';
import { createInterface } from 'node:readline/promises';
import { parseBytes, MAX_SOURCE_BYTES, type ParseResult } from '../../grammar/index.ts';
import { compile, renderPlan, requestAction, type Inventory } from '../../compiler/index.ts';
import { Applier, DEFAULT_RESTORE_TASK_TYPE, ENDED_STATUSES, redact, requestTargets, staticCredentials, targetPresence, withoutTargets, type ApplyEvent, type RdsClient } from '../../cloud/index.ts';
import { readCurrent } from '../../inventory/index.ts';
import { lint } from '../../lint/lint.ts';
import { rules } from '../../lint/registry.ts';
import { ConfigError, findConfig, loadConfig } from '../../lint/config.ts';
import { formatStylish } from '../../lint/formatters/stylish.ts';
import { hintsNear } from '../zone-hints.ts';
import { ownedSeverity } from '../owned.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { expandPaths, readInput, SPEC_EXTENSION } from '../files.ts';
import { reportDiagnostics } from '../report.ts';
import { styleFor } from '../terminal.ts';
import { guard, liveInventory, makeClient, mysqlUrl, specRegion, specSource, type CloudArgs } from '../cloud.ts';
import { compileOptions } from './compile.ts';
import { neighbourSnapshot, readNamedSnapshot, readSnapshotText } from '../snapshots.ts';
import { changedFacts, changedRequests, looksLikePlan, planFacts, readPlanFile, sha256, type SavedPlan } from '../saved-plan.ts';

export interface ApplyCommandOptions extends CloudArgs {
  files: string[];
  yes: boolean;
  wait: boolean;
  pollMs?: number | undefined;
  waitTimeoutMs?: number | undefined;
  maxEntries: number;
  wholeDb: string;
  sandbox: boolean;
  sandboxSeed?: string | undefined;
  /** TaskType pattern of a table restore in DescribeHistoryTasks (a regular expression). */
  restoreTaskType?: string | undefined;
}

// Names and the API's own messages are quoted here: control and bidi characters show as `\uXXXX`.
const say = (s: string) => process.stderr.write(`restorec: ${visibleText(redact(s))}\n`);

/** The answer to a yes/no question on the terminal; 'interrupted' for Ctrl-C (readline aborts the question). */
async function confirm(question: string): Promise<boolean | 'interrupted'> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ABORT_ERR') throw e;
    process.stderr.write('\n');
    return 'interrupted';
  } finally {
    rl.close();
  }
}

function progressPrinter(total: number, numberOf: (index: number) => number = (i) => i + 1): (e: ApplyEvent) => void {
  const tty = process.stderr.isTTY === true;
  let last = '';
  // Off a terminal (CI logs) progress is a line per status change and per 10%, not per percent.
  let lastStep = '';
  return (e) => {
    if (!tty && e.kind === 'progress') {
      const step = `${e.index}:${e.status}:${e.percent === undefined ? '' : Math.floor(e.percent / 10)}`;
      if (step === lastStep) return;
      lastStep = step;
    }
    const n = `request ${numberOf('index' in e ? e.index : 0)}/${total}`;
    let line: string;
    if (e.kind === 'skip') line = `${n}: ${e.reason}`;
    else if (e.kind === 'submit') line = `${n}: sending ${e.action}`;
    else if (e.kind === 'started') line = `${n}: ${e.action} accepted${e.requestId ? ` (RequestId ${e.requestId})` : ''}${e.taskId ? `; restore task ${e.taskId}` : '; no new restore task seen'}`;
    else if (e.kind === 'waiting-other') line = `a restore (task ${e.taskId}) is running on the instance: waiting for it to end first`;
    else line = `${n}: ${e.status}${e.percent !== undefined ? ` ${e.percent}%` : ''}`;
    if (line === last) return;
    if (tty && e.kind === 'progress') process.stderr.write(`\r\x1b[2Krestorec: ${visibleText(line)}`);
    else process.stderr.write(`${tty && last.includes('%') ? '\n' : ''}restorec: ${visibleText(line)}\n`);
    last = line;
  };
}

/**
 * What an interrupt leaves behind, said before exiting: Ctrl-C (or a CI job's cancel) stops
 * restorec, not the restores RDS has accepted, and a request being sent may have been accepted.
 * `number` maps an event's index (among the requests being sent) to the request's number.
 */
function interruptNotice(file: string, total: number, number: (index: number) => number, token: (index: number) => string) {
  const accepted = new Map<number, string | undefined>();
  let sending: number | undefined;
  const track = (e: ApplyEvent) => {
    if (e.kind === 'submit') sending = e.index;
    else if (e.kind === 'started') {
      sending = undefined;
      accepted.set(e.index, e.taskId);
    } else if (e.kind === 'skip') sending = undefined;
    // A task that ended (DescribeHistoryTasks: Succeed, Failed, Canceled) no longer runs.
    else if (e.kind === 'progress' && ENDED_STATUSES.has(e.status)) accepted.delete(e.index);
  };
  const on = (signal: NodeJS.Signals) => {
    if (process.stderr.isTTY) process.stderr.write('\n');
    say(`interrupted (${signal}): restorec stopped; RDS does not stop a restore it has accepted`);
    for (const [i, task] of accepted) say(`  request ${number(i)}/${total}: ${task ? `restore task ${task}` : 'accepted (its task was not seen yet)'} keeps running on the instance`);
    if (sending !== undefined) say(`  request ${number(sending)}/${total} was being sent: RDS may have accepted it (ClientToken ${token(sending)})`);
    if (accepted.size > 0 || sending !== undefined) {
      say(`  before applying again, let it end (the console's Task Center lists it); then \`restorec apply ${file}\` with a SQL connection (--mysql-url) reports each request whose targets are on the instance as applied and sends only the rest`);
    } else say('  nothing was sent');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const install = () => {
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  };
  const uninstall = () => {
    process.removeListener('SIGINT', on);
    process.removeListener('SIGTERM', on);
  };
  return { track, install, uninstall };
}

async function startSandboxFor(file: string, seedFile: string | undefined) {
  const { parseSeed, startSandbox, optionsFromScenario } = await import('../../sandbox/index.ts');
  const path = seedFile ?? neighbourSnapshot(file);
  if (!path) throw new UserError('--sandbox needs a seed: pass --sandbox-seed FILE, or keep NAME.inventory.json beside the spec');
  const text = readSnapshotText(path, 'the sandbox seed'); // bounded: a seed may be `/dev/zero`
  const seed = parseSeed(text, path, readNamedSnapshot);
  if (!seed.ok) throw new UserError(`${path} is not a usable sandbox seed:\n  ${seed.problems.join('\n  ')}`);
  // RESTOREC_SANDBOX_CHECK_CONTRACT=1: the sandbox checks every request and answer against the
  // API contract, and apply fails when any broke it (the contract tests run apply this way).
  const sb = await startSandbox({ ...optionsFromScenario(seed.scenario), checkContract: process.env['RESTOREC_SANDBOX_CHECK_CONTRACT'] === '1' });
  say(`sandbox: a local RDS-compatible endpoint at ${sb.endpoint}, seeded from ${path} (no cloud account used)`);
  return sb;
}

function parseSpec(file: string): ParseResult {
  const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
  return parseBytes(file === '-' ? '<stdin>' : file, bytes, size, { timestamps: hintsNear(process.cwd()) });
}

/** The --restore-task-type pattern (case-insensitive), or the default. */
function taskTypePattern(raw: string | undefined): RegExp {
  const text = raw ?? process.env['RESTOREC_RESTORE_TASK_TYPE'];
  if (text === undefined || text === '') return DEFAULT_RESTORE_TASK_TYPE;
  if (text.length > 200) throw new UserError('--restore-task-type: at most 200 characters');
  try {
    return new RegExp(text, 'i');
  } catch (e) {
    throw new UserError(`--restore-task-type: not a regular expression: ${(e as Error).message}`, 'e.g. --restore-task-type "^RestoreTable$"');
  }
}

export async function applyCommand(opts: ApplyCommandOptions): Promise<number> {
  let options = compileOptions(opts);
  const restoreTaskType = taskTypePattern(opts.restoreTaskType);
  if (opts.files.length === 0) throw new UserError('name at least one spec file');
  // A saved plan (`plan --out FILE`): apply exactly its requests, or refuse.
  let saved: SavedPlan | undefined;
  let files: string[];
  if (opts.files.some(looksLikePlan)) {
    if (opts.files.length !== 1) throw new UserError('apply takes one saved plan, or spec files, not both');
    const read = readPlanFile(opts.files[0]!);
    saved = read.plan;
    let specBytes: Uint8Array;
    try {
      specBytes = readInput(read.specFile, MAX_SOURCE_BYTES).bytes;
    } catch {
      throw new UserError(`${opts.files[0]}: the spec it was made from, ${read.specFile}, cannot be read`, 'keep the plan beside the spec it was made from (the path is relative to the plan)');
    }
    if (sha256(specBytes) !== saved.spec.sha256) {
      say(`${opts.files[0]}: the spec ${read.specFile} changed since this plan was made; nothing applied`);
      say('  make a new plan (restorec plan SPEC --out FILE), review it, and apply that');
      return EXIT_FINDINGS;
    }
    options = { ...options, ...(saved.options.maxEntries !== undefined ? { maxEntries: saved.options.maxEntries } : {}), ...(saved.options.wholeDatabase === 'tables' || saved.options.wholeDatabase === 'db-entry' ? { wholeDatabase: saved.options.wholeDatabase } : {}) };
    files = [read.specFile];
  } else files = expandPaths(opts.files);
  if (files.length === 0) throw new UserError(`no ${SPEC_EXTENSION} files found in ${opts.files.join(', ')}`);
  if (files.includes('-')) throw new UserError('apply reads specs from files, not stdin (stdin answers the confirmation)');
  const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
  if (!opts.yes && !interactive) throw new UserError('not on a terminal, so apply cannot ask for confirmation: pass --yes to apply without asking', 'restorec apply --yes SPEC (CI runs it this way)', EXIT_USAGE);
  let config;
  try {
    config = loadConfig(findConfig(process.cwd()), rules).config;
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(e.message);
    throw e;
  }
  let worst = EXIT_OK;
  for (const file of files) {
    const code = await applyFile(file, opts, options, config, interactive, restoreTaskType, saved);
    worst = Math.max(worst, code);
    if (code !== EXIT_OK) break;
  }
  return worst;
}

async function applyFile(file: string, opts: ApplyCommandOptions, options: ReturnType<typeof compileOptions>, config: Parameters<typeof lint>[1]['config'], interactive: boolean, restoreTaskType: RegExp, saved?: SavedPlan): Promise<number> {
  const parsed = parseSpec(file);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    reportDiagnostics(parsed, undefined, true);
    return EXIT_USAGE;
  }
  const src = specSource(parsed.document);
  if (!src) throw new UserError(`${file}: the spec names no instance or source`);
  const sandbox = opts.sandbox ? await startSandboxFor(file, opts.sandboxSeed) : undefined;
  let code: number;
  try {
    code = await applyTo(file, parsed, src, sandbox, opts, options, config, interactive, restoreTaskType, saved);
  } finally {
    await sandbox?.close();
  }
  const broken = sandbox?.control.calls();
  if (broken && broken.violationCount > 0) {
    for (const v of broken.violations.slice(0, 20)) say(`sandbox: contract violation (${v.side}): ${v.message}`);
    code = Math.max(code, EXIT_FINDINGS);
  }
  return code;
}

type StartedSandbox = Awaited<ReturnType<typeof startSandboxFor>>;

async function applyTo(file: string, parsed: ParseResult, src: NonNullable<ReturnType<typeof specSource>>, sandbox: StartedSandbox | undefined, opts: ApplyCommandOptions, options: ReturnType<typeof compileOptions>, config: Parameters<typeof lint>[1]['config'], interactive: boolean, restoreTaskType: RegExp, saved: SavedPlan | undefined): Promise<number> {
  let clientToClose: RdsClient | undefined;
  try {
    const client: RdsClient = (clientToClose = sandbox
      ? makeClient({ ...opts, endpoint: sandbox.endpoint }, undefined, staticCredentials({ accessKeyId: sandbox.accessKeyId, accessKeySecret: sandbox.accessKeySecret, securityToken: sandbox.securityToken }))
      : makeClient(opts, specRegion(parsed.document)));
    return await guard(async () => {
      const inventory: Inventory = await liveInventory(parsed.document, opts, client);
      const result = compile(parsed, inventory, options, ownedSeverity(config, parsed));
      if (result.diagnostics.some((d) => d.severity === 'error') || !result.plan) {
        // Lint says it best: its rules own most compile errors, and report on the spec's line
        // why a source could not be listed (a time outside the window, an unusable backup).
        const [report] = lint([{ source: parsed.source, document: parsed.document, diagnostics: parsed.diagnostics, inventory }], { config, rules, now: new Date() });
        if (report && report.errorCount > 0) process.stderr.write(formatStylish([report], styleFor(process.stderr)));
        else reportDiagnostics({ ...parsed, diagnostics: result.diagnostics }, undefined, true);
        say(`${file}: does not compile against the live inventory; nothing applied`);
        return EXIT_FINDINGS;
      }
      if (saved && JSON.stringify(result.requests) !== JSON.stringify(saved.requests)) {
        say(`${file}: the instance changed since the plan was made: the requests would differ from the saved ones; nothing applied`);
        for (const line of changedRequests(saved.requests, result.requests)) say(`  ${line}`);
        for (const line of changedFacts(saved.facts, planFacts(inventory, result.plan))) say(`  changed: ${line}`);
        say('  make a new plan (restorec plan SPEC --out FILE), review it, and apply that');
        return EXIT_FINDINGS;
      }
      const caseInsensitive = result.plan.caseInsensitive;
      const targets = result.requests.map((r) => requestTargets(r, inventory));
      const current = inventory.current?.Databases ?? [];
      const applied = targets.map((t) => targetPresence(t, current, caseInsensitive).state === 'present');
      // Lint the spec against the instance as it was before the requests already applied.
      const before = withoutTargets(inventory, targets.filter((_, i) => applied[i]));
      const [report] = lint([{ source: parsed.source, document: parsed.document, diagnostics: parsed.diagnostics, inventory: before }], { config, rules, now: new Date() });
      if (report && report.messages.length > 0) process.stderr.write(formatStylish([report], styleFor(process.stderr)));
      if (report && report.errorCount > 0) {
        say(`${file}: lint found ${report.errorCount} error(s); nothing applied`);
        const unreadable = current.some((d) => d.Tables === 'unknown');
        if (unreadable && report.messages.some((m) => m.ruleId === 'target-exists' && m.severity === 2)) {
          say('note: if this spec was applied before, its targets are what lint found: without a SQL connection restorec cannot tell its own earlier restore from a collision, so it stops. Pass --mysql-url (or RESTOREC_MYSQL_URL) and apply again: a spec already applied is then reported as such.');
        }
        return EXIT_FINDINGS;
      }
      process.stdout.write(renderPlan({ plan: result.plan, source: parsed.source, requests: result.requests, entries: result.entries, options }, 'text'));
      const pending = result.requests.filter((_, i) => !applied[i]);
      applied.forEach((a, i) => a && say(`request ${i + 1}/${result.requests.length} (ClientToken ${result.requests[i]!.ClientToken}) is already applied: its targets are on the instance; not restoring it again`));
      if (pending.length === 0) {
        say(`${file}: already applied, nothing to do`);
        return EXIT_OK;
      }
      const answer = opts.yes || !interactive ? true : await confirm(`Apply ${pending.length} ${requestAction(pending[0]!)} request(s) to ${src.instanceId}${sandbox ? ' (sandbox)' : ''}?`);
      if (answer !== true) {
        say(answer === 'interrupted' ? 'interrupted: nothing applied' : 'not applied');
        return answer === 'interrupted' ? 130 : EXIT_FINDINGS;
      }
      // Events number the requests being sent; people read the spec's request numbers.
      const numberOf = (index: number) => result.requests.indexOf(pending[index]!) + 1;
      const progress = progressPrinter(result.requests.length, numberOf);
      const notice = interruptNotice(file, result.requests.length, numberOf, (index) => pending[index]!.ClientToken);
      const applier = new Applier({
        api: client,
        caseInsensitive,
        readCurrent: () => readCurrent(client, src.instanceId, sandbox ? undefined : mysqlUrl(opts)),
        canSeeTables: !sandbox && mysqlUrl(opts) !== undefined,
        wait: opts.wait,
        restoreTaskType,
        pollMs: opts.pollMs ?? (sandbox ? 250 : 5_000),
        ...(opts.waitTimeoutMs !== undefined ? { waitTimeoutMs: opts.waitTimeoutMs } : {}),
        onEvent: (e) => {
          notice.track(e);
          progress(e);
        },
      });
      const pendingTargets = targets.filter((_, i) => !applied[i]);
      notice.install();
      let outcomes;
      try {
        outcomes = await applier.apply(pending, pendingTargets);
      } finally {
        notice.uninstall();
      }
      let failed = false;
      for (const o of outcomes) {
        const i = result.requests.indexOf(pending[o.index]!);
        say(`request ${i + 1}/${result.requests.length}: ${o.status}: ${o.message}${o.requestId ? ` (RequestId ${o.requestId})` : ''}`);
        if (o.evidence) say(`  evidence: ${o.evidence}`);
        failed ||= o.status === 'failed' || o.status === 'unconfirmed';
      }
      if (outcomes.length < pending.length) say(`${pending.length - outcomes.length} request(s) not sent after the outcome above`);
      const verdict = outcomes.some((o) => o.status === 'failed') ? 'apply failed' : outcomes.some((o) => o.status === 'unconfirmed') ? 'apply not confirmed' : outcomes.some((o) => o.status === 'started') ? 'restore started (not waited for)' : 'applied';
      say(`${file}: ${verdict}; ${client.callCount} API calls`);
      return failed ? EXIT_FINDINGS : EXIT_OK;
    });
  } finally {
    clientToClose?.close();
  }
}
