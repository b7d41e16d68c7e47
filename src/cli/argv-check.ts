// Checks the command name and option names before either argument parser runs, so a typo is
// reported as itself with a "did you mean", and never as a missing file: a parser that does
// not know `--bogus` takes the file after it as its value ("not enough arguments").
import { closest } from '../grammar/suggest.ts';
import { commands, type CommandSpec } from './commands.ts';
import { UserError } from './errors.ts';

/** Accepted by every command. */
const GLOBAL = new Set(['help', 'version']);

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function unknownCommand(name: string): UserError {
  const guess = closest(name, commands.map((c) => c.name));
  return new UserError(`unknown command ${name}${guess ? `; did you mean ${guess}?` : ''}`, 'restorec --help lists the commands');
}

/** Throws a UserError naming the first option `spec` does not have, with the closest one. */
export function checkOptions(spec: CommandSpec, args: readonly string[]): void {
  const byAlias = new Map(Object.entries(spec.options).flatMap(([name, o]) => (o.alias ? [[o.alias, name] as const] : [])));
  const help = `restorec ${spec.name} --help lists its options`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return; // the rest are operands
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) continue;
    let names: string[];
    let inlineValue = false;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      inlineValue = eq > 0;
      let name = kebab(arg.slice(2, inlineValue ? eq : undefined));
      if (name.startsWith('no-') && !(name in spec.options) && spec.options[name.slice(3)]?.type === 'boolean') name = name.slice(3);
      if (!(name in spec.options) && !GLOBAL.has(name)) {
        const guess = closest(name, [...Object.keys(spec.options), ...GLOBAL]);
        throw new UserError(`unknown option --${name} for restorec ${spec.name}${guess ? `; did you mean --${guess}?` : ''}`, help);
      }
      names = [name];
    } else {
      names = [];
      for (const c of arg.slice(1)) {
        const name = c === 'h' ? 'help' : byAlias.get(c);
        if (name === undefined) {
          const guess = closest(c, [...byAlias.keys()]);
          throw new UserError(`unknown option -${c} for restorec ${spec.name}${guess ? `; did you mean -${guess}?` : ''}`, help);
        }
        names.push(name);
      }
    }
    // A value given as the next argument is not an option, even when it starts with `-`.
    const last = spec.options[names[names.length - 1]!];
    if (!last || last.type === 'boolean' || inlineValue) continue;
    if (last.array) while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) i++;
    else i++;
  }
}
