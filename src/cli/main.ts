// The restorec command line: the only place that touches process.argv, exit codes and uncaught
// errors. Hot commands parse their arguments on a fast path; everything else goes through yargs,
// loaded only then. Each command's module is imported only when it runs (see bench/startup).
import { findCommand } from './commands.ts';
import { checkOptions, unknownCommand } from './argv-check.ts';
import { EXIT_OK, EXIT_USAGE, isUserError, UserError } from './errors.ts';
import { parseFast } from './fast-args.ts';
import { VERSION } from '../version.ts';
import { describeInternalError, installProcessGuard, wantsStack } from './process-guard.ts';

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const spec = findCommand(argv[0]);
  const first = argv[0];
  if (!spec && first !== undefined && !['--help', '-h', '--version'].includes(first)) {
    if (!first.startsWith('-')) throw unknownCommand(first);
    throw new UserError(`unknown option ${first.split('=')[0]}: name a command first`, 'restorec --help lists the commands');
  }
  if (spec) checkOptions(spec, argv.slice(1));
  const fast = spec && !argv.includes('--help') && !argv.includes('-h') ? parseFast(spec, argv) : undefined;
  if (spec && fast) return spec.run(fast);
  return (await import('./yargs-cli.ts')).runWithYargs(argv);
}

export async function runCli(argv: string[]): Promise<void> {
  installProcessGuard(argv);
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`restorec: ${e.message}\n${e.help ? `  help: ${e.help}\n` : ''}`);
      process.exitCode = e.exitCode;
      return;
    }
    // A bug, not a user mistake: one line and a hint to report it (the stack on request).
    process.stderr.write(describeInternalError(e, wantsStack(argv)));
    process.exitCode = EXIT_USAGE;
  }
}
