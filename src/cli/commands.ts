// Every command and option, as data: the one definition both argument parsers read (yargs for
// the full CLI, yargs-parser alone for the fast path of the commands pre-commit hooks run).
import { EXIT_OK, EXIT_USAGE } from './errors.ts';
import { cachedOutput } from './cached-output.ts';
import { cloudArgs, cloudFlags, type CloudArgs } from './cloud-flags.ts';

export interface OptionSpec {
  type: 'boolean' | 'string' | 'number';
  describe: string;
  default?: boolean | string | number;
  alias?: string;
  array?: boolean;
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  /** yargs command string, e.g. `fmt [files..]`. */
  usage: string;
  describe: string;
  positional?: { name: string; describe: string; required: boolean };
  options: Record<string, OptionSpec>;
  /** Runs the command; imported lazily so each command pays only for what it uses. */
  run(args: Record<string, unknown>): Promise<number>;
  /** Run without loading yargs when the arguments are simple (hot in pre-commit hooks). */
  fast?: boolean;
}

const files = (args: Record<string, unknown>): string[] => ((args['files'] as unknown[] | undefined) ?? []).map(String);

export const commands: CommandSpec[] = [
  {
    name: 'fmt',
    usage: 'fmt [files..]',
    describe: 'Format spec files canonically (in place; --check and --diff only report)',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: false },
    options: {
      check: { type: 'boolean', default: false, describe: 'write nothing; exit 1 if any file is not formatted' },
      diff: { type: 'boolean', default: false, describe: 'write nothing; print a unified diff of the changes; exit 1 if any' },
      stdout: { type: 'boolean', default: false, describe: 'print the formatted text instead of writing files' },
    },
    fast: true,
    run: async (a) => (await import('./commands/fmt.ts')).fmtCommand({ files: files(a), check: a['check'] === true, diff: a['diff'] === true, stdout: a['stdout'] === true }),
  },
  {
    name: 'parse',
    usage: 'parse <files..>',
    describe: 'Parse spec files and print their syntax trees as JSON (diagnostics on stderr)',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: { spans: { type: 'boolean', default: false, describe: 'include source spans (UTF-16 offsets)' } },
    fast: true,
    run: async (a) => (await import('./commands/parse.ts')).parseCommand({ files: files(a), spans: a['spans'] === true }),
  },
  {
    name: 'grammar',
    usage: 'grammar',
    describe: 'Write an HTML page of syntax diagrams generated from the parser',
    options: { out: { type: 'string', alias: 'o', default: '-', describe: 'output file; - for stdout' } },
    run: async (a) => (await import('./commands/grammar.ts')).grammarCommand({ out: String(a['out'] ?? '-') }),
  },
  {
    name: 'compile',
    usage: 'compile <files..>',
    describe: 'Compile spec files into RestoreTable request parameters (a JSON array on stdout)',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: compileFlags(),
    fast: true,
    run: async (a) => (await import('./commands/compile.ts')).compileCommand(compileArgs(a)),
  },
  {
    name: 'plan',
    usage: 'plan <files..>',
    describe: 'Show every source -> target a spec restores, with its origin and the requests',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: {
      ...compileFlags(),
      format: { type: 'string', choices: ['text', 'markdown', 'json'], default: 'text', describe: 'text, markdown for a pull-request comment, or json for policy tools' },
      out: { type: 'string', describe: 'save the plan to this file; `restorec apply FILE` applies exactly it' },
      'detailed-exitcode': { type: 'boolean', default: false, describe: 'exit 0 when there is nothing to do (already applied), 2 when the plan would restore, 1 on errors' },
    },
    fast: true,
    run: async (a) =>
      (await import('./commands/plan.ts')).planCommand({
        ...compileArgs(a),
        format: String(a['format'] ?? 'text'),
        ...(typeof a['out'] === 'string' ? { out: a['out'] } : {}),
        detailedExitcode: a['detailed-exitcode'] === true,
      }),
  },
  {
    name: 'lint',
    usage: 'lint <files..>',
    describe: 'Check spec files against the policy rules that predict RestoreTable failures',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: {
      inventory: { type: 'string', alias: 'i', describe: 'inventory snapshot (JSON) for every file; default: NAME.inventory.json beside each spec' },
      offline: { type: 'boolean', default: false, describe: 'use no inventory: run only the rules that need none (they are listed)' },
      live: { type: 'boolean', default: true, describe: 'without a snapshot, read the live instance when cloud access is configured; --no-live never uses the network (pre-commit hooks)' },

      config: { type: 'string', alias: 'c', describe: 'config file; default: the nearest restorec.config.json' },
      format: { type: 'string', alias: 'f', choices: ['stylish', 'json', 'sarif', 'github'], default: 'stylish', describe: 'output format' },
      'max-warnings': { type: 'number', default: -1, describe: 'exit 1 when there are more warnings than this (-1: no limit)' },
      'output-file': { type: 'string', alias: 'o', describe: 'write the report to this file instead of stdout' },
      now: { type: 'string', describe: 'the time rules compare against (ISO 8601); default: now' },
      'repo-root': { type: 'string', describe: 'SARIF paths are relative to this folder; default: RESTOREC_REPO_ROOT, else the nearest folder upward with .git' },
      ...cloudFlags(),
    },
    fast: true,
    run: async (a) =>
      (await import('./commands/lint.ts')).lintCommand({
        ...(typeof a['repo-root'] === 'string' ? { repoRoot: a['repo-root'] } : {}),
        files: files(a),
        ...(typeof a['inventory'] === 'string' ? { inventory: a['inventory'] } : {}),
        offline: a['offline'] === true,
        liveReads: a['live'] !== false,
        ...(typeof a['config'] === 'string' ? { config: a['config'] } : {}),
        format: String(a['format'] ?? 'stylish'),
        maxWarnings: Number(a['max-warnings'] ?? -1),
        ...(typeof a['output-file'] === 'string' ? { output: a['output-file'] } : {}),
        ...(typeof a['now'] === 'string' ? { now: a['now'] } : {}),
        cloud: cloudArgs(a),
      }),
  },
  {
    name: 'print-config',
    usage: 'print-config <file>',
    describe: 'Print the config that applies to a spec file (extends and overrides resolved, every rule) as JSON',
    positional: { name: 'file', describe: 'the spec file (it need not exist yet)', required: true },
    options: {
      config: { type: 'string', alias: 'c', describe: 'config file; default: the nearest restorec.config.json' },
    },
    run: async (a) =>
      (await import('./commands/lint.ts')).printConfigCommand({
        file: String(a['file'] ?? ''),
        ...(typeof a['config'] === 'string' ? { config: a['config'] } : {}),
      }),
  },
  {
    name: 'lsp',
    usage: 'lsp',
    describe: 'Run the language server for editors (LSP over stdio): diagnostics, hover, completion, formatting',
    options: {
      stdio: { type: 'boolean', default: true, describe: 'talk LSP over stdin/stdout (the only transport; editors pass it)' },
      clientProcessId: { type: 'number', describe: 'the editor\'s process id: the server exits when it is gone (editors pass it)' },
    },
    fast: true,
    run: async (a) => (await import('./commands/lsp.ts')).lspCommand({ stdio: a['stdio'] !== false }),
  },
  {
    name: 'rules',
    usage: 'rules',
    describe: 'List the lint rules with their default severities',
    options: { format: { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'text or json' } },
    fast: true,
    run: async (a) => {
      const format = String(a['format'] ?? 'text');
      // The list as the build printed it (dist/rules.json), without loading the rules.
      const text = process.env['RESTOREC_NO_RULES_CACHE'] ? undefined : cachedOutput('rules.json', format);
      if (text === undefined) return (await import('./commands/rules.ts')).rulesCommand({ format });
      process.stdout.write(text);
      return EXIT_OK;
    },
  },
  {
    name: 'sandbox',
    usage: 'sandbox',
    describe: 'Run a local RDS-compatible endpoint on 127.0.0.1 to rehearse restores (fake credentials)',
    options: {
      seed: { type: 'string', describe: 'inventory snapshot or sandbox scenario (JSON) to start from' },
      port: { type: 'number', default: 0, describe: 'port on 127.0.0.1; 0 picks a free one' },
      faults: { type: 'string', describe: 'fault injection, e.g. throttle=0.1,internal=0.05,reset-after=0.1,latency=50,jitter=20' },
      save: { type: 'string', describe: 'write the state as a scenario to this file on exit (resume with --seed)' },
      'random-seed': { type: 'number', describe: 'seed for fault draws and RequestIds (same seed, same sequence)' },
      'restore-ms': { type: 'number', describe: 'how long a RestoreTable runs before its tables appear (default 2000)' },
      detach: { type: 'boolean', default: false, describe: 'run in the background and exit once it listens: eval "$(restorec sandbox --seed F --detach)"' },
      'check-contract': { type: 'boolean', default: false, describe: 'check every request and answer against the API contract; print each violation on stderr' },
    },
    run: async (a) =>
      (await import('./commands/sandbox.ts')).sandboxCommand({
        port: Number(a['port'] ?? 0),
        ...(typeof a['seed'] === 'string' ? { seed: a['seed'] } : {}),
        ...(typeof a['faults'] === 'string' ? { faults: a['faults'] } : {}),
        ...(typeof a['save'] === 'string' ? { save: a['save'] } : {}),
        ...(typeof a['random-seed'] === 'number' ? { randomSeed: a['random-seed'] } : {}),
        ...(typeof a['restore-ms'] === 'number' ? { restoreMs: a['restore-ms'] } : {}),
        detach: a['detach'] === true,
        checkContract: a['check-contract'] === true,
      }),
  },
  {
    name: 'inventory',
    usage: 'inventory <action>',
    describe: 'inventory pull --instance ID [--backup ID | --at TIME] [--from-region R --from-instance I [--cross-backup ID]] -o FILE: write the live inventory as a snapshot',
    positional: { name: 'action', describe: 'pull', required: true },
    options: {
      instance: { type: 'string', describe: 'DBInstanceId, e.g. rm-uf6wjk5xxxxxxxxxx' },
      backup: { type: 'string', array: true, describe: 'backup set whose contents to list (repeatable)' },
      at: { type: 'string', array: true, describe: 'point in time whose contents to list (repeatable; with --from-region: of the cross-region source)' },
      'from-region': { type: 'string', describe: 'cross-region source: the region of the instance the backups are of' },
      'from-instance': { type: 'string', describe: 'cross-region source: the instance the backups are of' },
      'cross-backup': { type: 'string', array: true, describe: 'cross-region backup set (CrossBackupId) whose contents to list (repeatable)' },
      out: { type: 'string', alias: 'o', default: '-', describe: 'snapshot file; - for stdout' },
      ...cloudFlags(),
    },
    fast: true,
    run: async (a) =>
      (await import('./commands/inventory.ts')).inventoryCommand({
        ...cloudArgs(a),
        action: String([a['action']].flat()[0] ?? ''),
        instance: typeof a['instance'] === 'string' ? a['instance'] : undefined,
        backup: [a['backup'] ?? []].flat().map(String),
        at: [a['at'] ?? []].flat().map(String),
        fromRegion: typeof a['from-region'] === 'string' ? a['from-region'] : undefined,
        fromInstance: typeof a['from-instance'] === 'string' ? a['from-instance'] : undefined,
        crossBackup: [a['cross-backup'] ?? []].flat().map(String),
        out: String(a['out'] ?? '-'),
      }),
  },
  {
    name: 'apply',
    usage: 'apply <files..>',
    describe: 'Lint, plan and run the RestoreTable requests of spec files against the live instance',
    positional: { name: 'files', describe: 'spec files or directories', required: true },
    options: {
      yes: { type: 'boolean', alias: 'y', default: false, describe: 'apply without asking (required when not on a terminal)' },
      wait: { type: 'boolean', default: false, describe: 'follow the restore to its end, with progress' },
      'poll-ms': { type: 'number', describe: 'how often --wait asks about the restore (default 5000; sandbox 250)' },
      'wait-timeout': { type: 'number', describe: 'give up waiting after this many seconds (default 21600)' },
      'max-entries': { type: 'number', default: 50, describe: 'databases + tables per RestoreTable request before it is split' },
      'whole-db': { type: 'string', choices: ['tables', 'db-entry'], default: 'tables', describe: 'a database without a block: list its tables or send a bare db entry' },
      sandbox: { type: 'boolean', default: false, describe: 'apply to an in-process sandbox seeded from NAME.inventory.json (no cloud account)' },
      'sandbox-seed': { type: 'string', describe: 'seed for --sandbox (snapshot or scenario)' },
      'restore-task-type': { type: 'string', describe: 'regular expression for the TaskType of a table restore in DescribeHistoryTasks (default: restore|recover; UNCONFIRMED, see docs/apply.md)' },
      ...cloudFlags(),
    },
    fast: true,
    run: async (a) =>
      (await import('./commands/apply.ts')).applyCommand({
        ...cloudArgs(a),
        files: files(a),
        yes: a['yes'] === true,
        wait: a['wait'] === true,
        pollMs: typeof a['poll-ms'] === 'number' ? a['poll-ms'] : undefined,
        waitTimeoutMs: typeof a['wait-timeout'] === 'number' ? a['wait-timeout'] * 1000 : undefined,
        maxEntries: Number(a['max-entries'] ?? 50),
        wholeDb: String(a['whole-db'] ?? 'tables'),
        sandbox: a['sandbox'] === true,
        sandboxSeed: typeof a['sandbox-seed'] === 'string' ? a['sandbox-seed'] : undefined,
        restoreTaskType: typeof a['restore-task-type'] === 'string' ? a['restore-task-type'] : undefined,
      }),
  },
];

export function findCommand(name: string | undefined): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}

/** Options `compile` and `plan` share (function declarations: hoisted above the array). */
function compileFlags(): Record<string, OptionSpec> {
  return {
    inventory: { type: 'string', alias: 'i', describe: 'inventory snapshot (JSON); default: NAME.inventory.json beside each spec' },
    live: { type: 'boolean', default: true, describe: 'without a snapshot, read the live instance when cloud access is configured; --no-live never uses the network (pre-commit hooks)' },
    'max-entries': { type: 'number', default: 50, describe: 'databases + tables per RestoreTable request before it is split' },
    'whole-db': { type: 'string', choices: ['tables', 'db-entry'], default: 'tables', describe: 'a database without a block: list its tables (confirmed) or send a bare db entry (unconfirmed)' },
    ...cloudFlags(),
  };
}

function compileArgs(a: Record<string, unknown>): { files: string[]; inventory?: string; liveReads: boolean; maxEntries: number; wholeDb: string; cloud: CloudArgs } {
  return {
    files: files(a),
    cloud: cloudArgs(a),
    liveReads: a['live'] !== false,
    ...(typeof a['inventory'] === 'string' ? { inventory: a['inventory'] } : {}),
    maxEntries: Number(a['max-entries'] ?? 50),
    wholeDb: String(a['whole-db'] ?? 'tables'),
  };
}
