// Every command and option, as data: the one definition both argument parsers read (yargs for
// the full CLI, yargs-parser alone for the fast path of the commands pre-commit hooks run).
import { EXIT_USAGE } from './errors.ts';

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
    describe: 'Format spec files canonically (in place; --check only reports)',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: false },
    options: {
      check: { type: 'boolean', default: false, describe: 'write nothing; exit 1 if any file is not formatted' },
      stdout: { type: 'boolean', default: false, describe: 'print the formatted text instead of writing files' },
    },
    fast: true,
    run: async (a) => (await import('./commands/fmt.ts')).fmtCommand({ files: files(a), check: a['check'] === true, stdout: a['stdout'] === true }),
  },
  {
    name: 'parse',
    usage: 'parse <files..>',
    describe: 'Parse spec files and print their syntax trees as JSON (diagnostics on stderr)',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: { spans: { type: 'boolean', default: false, describe: 'include source spans (UTF-16 offsets)' } },
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
    run: async (a) => (await import('./commands/compile.ts')).compileCommand(compileArgs(a)),
  },
  {
    name: 'plan',
    usage: 'plan <files..>',
    describe: 'Show every source -> target a spec restores, with its origin and the requests',
    positional: { name: 'files', describe: 'spec files or directories; - for stdin', required: true },
    options: { ...compileFlags(), format: { type: 'string', choices: ['text', 'markdown'], default: 'text', describe: 'text, or markdown for a pull-request comment' } },
    run: async (a) => (await import('./commands/plan.ts')).planCommand({ ...compileArgs(a), format: String(a['format'] ?? 'text') }),
  },
];

export function findCommand(name: string | undefined): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}

/** Options `compile` and `plan` share (function declarations: hoisted above the array). */
function compileFlags(): Record<string, OptionSpec> {
  return {
    inventory: { type: 'string', alias: 'i', describe: 'inventory snapshot (JSON); default: NAME.inventory.json beside each spec' },
    'max-entries': { type: 'number', default: 50, describe: 'databases + tables per RestoreTable request before it is split' },
    'whole-db': { type: 'string', choices: ['tables', 'db-entry'], default: 'tables', describe: 'a database without a block: list its tables (confirmed) or send a bare db entry (unconfirmed)' },
  };
}

function compileArgs(a: Record<string, unknown>): { files: string[]; inventory?: string; maxEntries: number; wholeDb: string } {
  return {
    files: files(a),
    ...(typeof a['inventory'] === 'string' ? { inventory: a['inventory'] } : {}),
    maxEntries: Number(a['max-entries'] ?? 50),
    wholeDb: String(a['whole-db'] ?? 'tables'),
  };
}
