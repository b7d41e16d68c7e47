// The full CLI on yargs: help, usage errors and every command, built from commands.ts.
import yargs, { type Argv } from 'yargs';
import { commands } from './commands.ts';
import { UserError } from './errors.ts';
import { VERSION } from '../version.ts';

/** yargs drops a lone `-` from positionals; carry it through as a value no path can have. */
const STDIN = '\u0000-';

export async function runWithYargs(argv: string[]): Promise<number> {
  let exitCode = 0;
  let cli: Argv = yargs(argv.map((a) => (a === '-' ? STDIN : a)))
    .scriptName('restorec')
    .usage('$0 <command> [options]\n\nRestore-as-code for Alibaba Cloud RDS for MySQL table-level restores.');
  for (const spec of commands) {
    cli = cli.command(
      spec.usage,
      spec.describe,
      (y) => {
        let b: Argv = y;
        if (spec.positional) b = b.positional(spec.positional.name, { type: 'string', array: true, describe: spec.positional.describe });
        for (const [name, o] of Object.entries(spec.options)) b = b.option(name, { ...o });
        return b;
      },
      async (args) => {
        const restored = Object.fromEntries(
          Object.entries(args).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === STDIN ? '-' : x)) : v === STDIN ? '-' : v]),
        );
        exitCode = await spec.run(restored);
      },
    );
  }
  await cli
    .demandCommand(1, 'name a command: restorec --help lists them')
    .strict()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UserError(msg, 'restorec --help lists the commands and options');
    })
    .parseAsync();
  return exitCode;
}
