// The fast path: parse a hot command's arguments with yargs-parser alone (a few ms) instead of
// loading all of yargs (tens of ms, the largest part of start-up). Anything unusual (help,
// unknown options, a missing value) returns undefined and the full yargs CLI handles it, so
// both paths accept exactly the same arguments and only yargs prints usage errors.
import parser from 'yargs-parser';
import type { CommandSpec } from './commands.ts';

export function parseFast(spec: CommandSpec, argv: string[]): Record<string, unknown> | undefined {
  if (!spec.fast) return undefined;
  const boolean: string[] = [];
  const string: string[] = [];
  const number: string[] = [];
  const array: string[] = [];
  const alias: Record<string, string> = {};
  const defaults: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    (o.type === 'boolean' ? boolean : o.type === 'number' ? number : string).push(name);
    if (o.array) array.push(name);
    if (o.alias) alias[name] = o.alias;
    if (o.default !== undefined) defaults[name] = o.default;
  }
  const parsed = parser.detailed(argv, {
    boolean,
    string,
    number,
    array,
    alias,
    default: defaults,
    configuration: { 'strip-aliased': true, 'camel-case-expansion': false, 'halt-at-non-option': false },
  });
  if (parsed.error) return undefined;
  const known = new Set(['_', '--', ...Object.keys(spec.options), ...Object.values(alias)]);
  if (Object.keys(parsed.argv).some((k) => !known.has(k))) return undefined;
  const isString = (v: unknown) => typeof v === 'string' || v === undefined;
  for (const name of string) {
    const v: unknown = parsed.argv[name];
    // A repeatable option gathers its values as yargs does (--backup 1 --backup 2, --backup 1 2).
    if (array.includes(name) ? !(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) && v !== undefined : !isString(v)) return undefined;
  }
  for (const name of number) if (parsed.argv[name] !== undefined && (typeof parsed.argv[name] !== 'number' || Number.isNaN(parsed.argv[name]))) return undefined;
  // A value outside its choices, or an option given twice, is for yargs to report.
  for (const [name, o] of Object.entries(spec.options)) {
    const v = parsed.argv[name];
    if (Array.isArray(v) && !o.array) return undefined;
    if (o.choices && v !== undefined && !o.choices.includes(String(v))) return undefined;
  }
  const [command, ...rest] = parsed.argv._.map(String);
  if (command !== spec.name) return undefined;
  if (spec.positional?.required && rest.length === 0) return undefined;
  const args: Record<string, unknown> = { ...parsed.argv };
  // `<files..>` takes a list; `<action>` one word, and more is for yargs to refuse.
  const many = spec.usage.includes('..]') || spec.usage.includes('..>');
  if (spec.positional && !many && rest.length > 1) return undefined;
  if (spec.positional) args[spec.positional.name] = many ? rest : rest[0];
  else if (rest.length > 0) return undefined;
  return args;
}
