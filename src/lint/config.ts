// restorec.config.json: rule severities and options, validated against
// schemas/config.schema.json (ajv standalone code, generated at build time). Found by --config
// or by looking upward from the working directory.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateConfig } from '../compiler/generated/validators.js';
import { describeCode, ReadError, readJsonTextBounded, sizeWords } from '../grammar/read-bounded.ts';
import { describeErrors, formatProblem } from '../compiler/validate.ts';
import { lineColumn, locatePointer } from '../compiler/json-locate.ts';
import type { CompileOptions } from '../compiler/plan.ts';
import type { LintRule, RuleSeverity } from './rule.ts';
import { closestZone, isZoneName } from '../grammar/zones.ts';

export const CONFIG_FILE = 'restorec.config.json';

export type RuleSetting = RuleSeverity | [RuleSeverity] | [RuleSeverity, Record<string, unknown>];

export interface Config {
  extends?: 'recommended' | 'none';
  rules?: Record<string, RuleSetting>;
  reportUnusedSuppressions?: RuleSeverity;
  compile?: CompileOptions;
  /** IANA zone for messages and hover; never applied to a time written without a zone. */
  timeZone?: string;
}

export interface ResolvedRule {
  rule: LintRule;
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/**
 * The rule a config key or suppression comment names: a rule id, or a code the compiler reports
 * under that rule (`expand/no-match` is `pattern-no-match`), kept as an alias.
 */
export function ruleIdOf(id: string, rules: readonly LintRule[]): string {
  return rules.find((r) => r.compilerCodes?.includes(id))?.id ?? id;
}

/** The config file to use: the one given, or the nearest restorec.config.json upward. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function parseConfig(text: string, file: string, rules: readonly LintRule[]): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8 quotes a piece of the text: control characters are made visible, never printed raw.
    const message = (e as Error).message.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    throw new ConfigError(`${file} is not valid JSON: ${message}`, file);
  }
  if (!validateConfig(raw)) {
    const problems = describeErrors(validateConfig.errors ?? [], text, 'the config format').map((p) => formatProblem(file, p));
    throw new ConfigError(`${file} does not match the config schema (schemas/config.schema.json)`, file, problems);
  }
  const config = raw as Config;
  if (config.rules) config.rules = Object.fromEntries(Object.entries(config.rules).map(([id, setting]) => [ruleIdOf(id, rules), setting]));
  const known = new Set(rules.map((r) => r.id));
  const unknown = Object.keys(config.rules ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(`${file} configures unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`, file, ['`restorec rules` lists the rule ids']);
  }
  if (config.timeZone !== undefined && !isZoneName(config.timeZone)) {
    const offset = locatePointer(text, '/timeZone');
    const where = offset === undefined ? file : `${file}:${lineColumn(text, offset).line}:${lineColumn(text, offset).column}`;
    const guess = closestZone(config.timeZone);
    throw new ConfigError(`${file} sets timeZone to "${config.timeZone}", which is not an IANA zone name`, file, [`${where}: write a zone name such as "Asia/Shanghai"${guess ? ` (did you mean "${guess}"?)` : ''}`]);
  }
  const problems = optionProblems(config, rules, text, file);
  if (problems.length > 0) throw new ConfigError(`${file} gives rules options they do not have`, file, problems);
  return config;
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/**
 * Rule options are checked against each rule's defaults: an option the rule does not have, or a
 * value of another type, is a config error here, not a surprise at lint time.
 */
function optionProblems(config: Config, rules: readonly LintRule[], text: string, file: string): string[] {
  const out: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!Array.isArray(setting) || setting.length < 2) continue;
    const rule = rules.find((r) => r.id === id)!;
    const defaults = rule.defaultOptions ?? {};
    for (const [key, value] of Object.entries(setting[1] as Record<string, unknown>)) {
      const pointer = `/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}/1/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const offset = locatePointer(text, pointer);
      const where = offset === undefined ? file : `${file}:${lineColumn(text, offset).line}:${lineColumn(text, offset).column}`;
      // Own keys only: `"__proto__" in {}` is true, so `in` would accept an option of that name.
      if (!Object.hasOwn(defaults, key)) {
        const known = Object.keys(defaults);
        out.push(`${where}: rules["${id}"] has no option "${key}"${known.length ? ` (its options: ${known.join(', ')})` : ' (it takes no options)'}`);
      } else if (kindOf(value) !== kindOf(defaults[key])) {
        out.push(`${where}: rules["${id}"] option "${key}" must be a ${kindOf(defaults[key])}, not a ${kindOf(value)}`);
      }
    }
  }
  return out;
}

/** A config is a few lines of JSON; anything larger is refused unread (`/dev/zero` included). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function loadConfig(path: string | undefined, rules: readonly LintRule[]): { config: Config; file?: string } {
  if (path === undefined) return { config: {} };
  let read;
  try {
    read = readJsonTextBounded(path, MAX_CONFIG_BYTES);
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}${e instanceof ReadError ? `: ${describeCode(e.code)}` : ''}`, path);
  }
  if ('tooLarge' in read) throw new ConfigError(`config file ${path} is ${sizeWords(read.size, MAX_CONFIG_BYTES)}; a config larger than 1 MiB is refused unread`, path);
  const text = read.text;
  return { config: parseConfig(text, path, rules), file: path };
}

/** Each rule with the severity and options this config gives it. */
export function resolveRules(config: Config, rules: readonly LintRule[]): ResolvedRule[] {
  return rules.map((rule) => {
    const base: RuleSeverity = config.extends === 'none' ? 'off' : rule.recommended ? rule.defaultSeverity : 'off';
    const setting = config.rules?.[rule.id];
    const severity = setting === undefined ? base : Array.isArray(setting) ? setting[0] : setting;
    const given = Array.isArray(setting) && setting.length > 1 ? (setting[1] as Record<string, unknown>) : {};
    return { rule, severity, options: { ...(rule.defaultOptions ?? {}), ...given } };
  });
}
