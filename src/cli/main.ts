// The restorec command line: the only place that touches process.argv, exit codes and uncaught
// errors. Hot commands parse their arguments on a fast path; everything else goes through yargs,
// loaded only then. Each command's module is imported only when it runs (see bench/startup).
import { cachedOutput } from './cached-output.ts';
import { findCommand } from './commands.ts';
import { checkOptions, unknownCommand } from './argv-check.ts';
import { EXIT_OK, EXIT_USAGE, isUserError, UserError } from './errors.ts';
import { parseFast } from './fast-args.ts';
import { VERSION } from '../version.ts';
import { visibleText } from '../grammar/visible.ts';
import { describeInternalError, installProcessGuard, untouched, wantsStack } from './process-guard.ts';

/**
 * `--help` and `COMMAND --help` as yargs prints them, from dist/help.json (written by the build
 * from yargs itself), so help starts as fast as any hot command. Only at yargs' own width (a
 * narrower terminal gets yargs, which wraps to it) and only when the build wrote the file.
 */
function cachedHelp(argv: string[]): boolean {
  const help = (a: string | undefined) => a === '--help' || a === '-h';
  const key = argv.length === 1 && help(argv[0]) ? '' : argv.length === 2 && help(argv[1]) && findCommand(argv[0]) ? argv[0]! : undefined;
  if (key === undefined || process.env['RESTOREC_NO_HELP_CACHE']) return false;
  if (process.stdout.isTTY && (process.stdout.columns ?? 100) < 100) return false;
  const text = cachedOutput('help.json', key);
  if (text === undefined) return false;
  process.stdout.write(text);
  return true;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (cachedHelp(argv)) return EXIT_OK;
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

/** Whether everything written to stdout (stderr) has reached the descriptor: nothing created the
 *  stream (writes went straight to it), or the stream holds nothing (a write still in flight
 *  counts, as on a pipe where Node writes asynchronously: macOS). */
function written(name: 'stdout' | 'stderr'): boolean {
  return untouched(name) || process[name].writableLength === 0;
}

/** Commands with nothing of theirs left running once they return (no server, no watcher, no pending write). */
const DONE_ON_RETURN = new Set(['fmt', 'parse', 'lint', 'compile', 'plan', 'rules']);

export async function runCli(argv: string[]): Promise<void> {
  installProcessGuard(argv);
  try {
    process.exitCode = await main(argv);
    // Once all their output is written (straight to the descriptor, see writeStdout, or by a
    // stream that holds nothing more), exit now instead of letting Node drain the event loop,
    // where V8 runs the collector task it scheduled in the meantime (1-3 ms of a ~110 ms lint).
    if (DONE_ON_RETURN.has(argv[0] ?? '') && written('stdout') && written('stderr')) process.exit();
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`restorec: ${visibleText(e.message)}\n${e.help ? `  help: ${visibleText(e.help)}\n` : ''}`);
      process.exitCode = e.exitCode;
      return;
    }
    // A bug, not a user mistake: one line and a hint to report it (the stack on request).
    process.stderr.write(describeInternalError(e, wantsStack(argv)));
    process.exitCode = EXIT_USAGE;
  }
}
