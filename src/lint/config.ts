// restorec.config.json: rule severities and options, and what else lint and plan read, as ESLint
// users expect it: `extends` (presets and other config files, in order, this file's own settings
// last) and per-path `overrides`. Found by --config or by looking upward from the working
// directory; checked by config-check.ts; docs/config.md describes every key.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeCode, ReadError, readJsonTextBounded, sizeWords } from '../grammar/read-bounded.ts';
import type { CompileOptions } from '../compiler/plan.ts';
import { checkConfigText, ConfigError, isPath, PRESETS } from './config-check.ts';
import { compilePathGlob, matchPathGlob } from './path-glob.ts';
import type { LintRule, RuleSeverity } from './rule.ts';

export { ConfigError } from './config-check.ts';

export const CONFIG_FILE = 'restorec.config.json';

export type RuleSetting = RuleSeverity | [RuleSeverity] | [RuleSeverity, Record<string, unknown>];
export type Preset = (typeof PRESETS)[number];

/** Settings for the specs an override's globs choose. */
export interface Override {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleSetting>;
  reportUnusedSuppressions?: RuleSeverity;
  lowerCaseTableNames?: 0 | 1 | 2;
  compile?: CompileOptions;
  /** The folder the globs are relative to (the config file's); set by the loader. */
  dir?: string;
  /** The config file it is written in; set by the loader. */
  from?: string;
}

/** A config with `extends` followed: one preset, the merged settings, the overrides of every file. */
export interface Config {
  extends?: Preset;
  rules?: Record<string, RuleSetting>;
  reportUnusedSuppressions?: RuleSeverity;
  compile?: CompileOptions;
  /** How the instance compares names when no inventory says (MySQL's variable): 0 case-sensitive; absent, 1 or 2: names differing only by case are one name. */
  lowerCaseTableNames?: 0 | 1 | 2;
  overrides?: Override[];
  /** The files read, the config first and then what it extends (print-config shows them). */
  files?: string[];
  /** IANA zone for messages and hover; never applied to a time written without a zone. */
  timeZone?: string;
}

export interface ResolvedRule {
  rule: LintRule;
  severity: RuleSeverity;
  options: Record<string, unknown>;
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

/** A config is a few lines of JSON; anything larger is refused unread (`/dev/zero` included). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** What every reader of configs says of a larger file (the CLI's and the language server's). */
export const CONFIG_REFUSED = 'a config larger than 1 MiB is refused unread';
/** Deeper chains of `extends` are refused: they are a mistake or a loop. */
const MAX_EXTENDS_DEPTH = 16;

function readConfigText(path: string, from?: string): string {
  const named = from ? `${path} (extended by ${from})` : path;
  let read;
  try {
    read = readJsonTextBounded(path, MAX_CONFIG_BYTES);
  } catch (e) {
    throw new ConfigError(`cannot read config file ${named}${e instanceof ReadError ? `: ${describeCode(e.code)}` : ''}`, path);
  }
  if ('tooLarge' in read) throw new ConfigError(`config file ${named} is ${sizeWords(read.size, MAX_CONFIG_BYTES)}; ${CONFIG_REFUSED}`, path);
  return read.text;
}

const asList = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Settings of `src` laid over `into`, ESLint's way: a rule given a severity alone keeps its options. */
export function mergeSettings(into: Config, src: Omit<Override, 'files' | 'excludedFiles' | 'dir'> & { timeZone?: string }): Config {
  const out: Config = { ...into };
  if (src.rules) {
    const rules: Record<string, RuleSetting> = { ...(into.rules ?? {}) };
    for (const [id, setting] of Object.entries(src.rules)) {
      const before = rules[id];
      const severity = Array.isArray(setting) ? setting[0] : setting;
      const options = Array.isArray(setting) && setting.length > 1 ? setting[1] : Array.isArray(before) && before.length > 1 ? before[1] : undefined;
      rules[id] = options ? [severity, options] : severity;
    }
    out.rules = rules;
  }
  if (src.reportUnusedSuppressions !== undefined) out.reportUnusedSuppressions = src.reportUnusedSuppressions;
  if (src.lowerCaseTableNames !== undefined) out.lowerCaseTableNames = src.lowerCaseTableNames;
  if (src.timeZone !== undefined) out.timeZone = src.timeZone;
  if (src.compile) out.compile = { ...(into.compile ?? {}), ...src.compile };
  return out;
}

/**
 * A config's text → the Config it means, every `extends` file read (relative to this file) and
 * checked in turn. `chain` holds the files being read, to refuse a loop.
 */
export function parseConfig(text: string, file: string, rules: readonly LintRule[], chain: string[] = []): Config {
  const raw = checkConfigText(text, file, rules) as Omit<Config, 'extends'> & { extends?: string | string[]; overrides?: Override[] };
  // A compiler code kept as an alias (`expand/no-match`) configures its rule (`pattern-no-match`).
  const byRuleId = (r: Record<string, RuleSetting> | undefined) => r && Object.fromEntries(Object.entries(r).map(([id, setting]) => [ruleIdOf(id, rules), setting]));
  if (raw.rules) raw.rules = byRuleId(raw.rules);
  for (const o of raw.overrides ?? []) if (o.rules) o.rules = byRuleId(o.rules);
  const dir = dirname(resolve(file));
  let config: Config = { files: [file] };
  for (const entry of asList(raw.extends)) {
    if (!isPath(entry)) {
      // A preset sets every rule, as ESLint's do: what it comes after is overridden, what comes after it wins.
      config = mergeSettings({ ...config, extends: entry as Preset }, { rules: presetRules(entry as Preset, rules) });
      continue;
    }
    const path = isAbsolute(entry) ? entry : resolve(dir, entry);
    const real = existsSync(path) ? realpathSync(path) : path;
    if (chain.includes(real) || real === safeReal(file)) throw new ConfigError(`${file} extends ${entry}, which extends ${file} again: a loop`, file);
    if (chain.length >= MAX_EXTENDS_DEPTH) throw new ConfigError(`${file}: extends goes ${MAX_EXTENDS_DEPTH} files deep; a deeper chain is refused`, file);
    if (!existsSync(path)) throw new ConfigError(`${file} extends ${entry}, but there is no such file (${path})`, file, ['a path in `extends` is relative to the config file that names it']);
    const base = parseConfig(readConfigText(path, file), path, rules, [...chain, safeReal(file)]);
    config = { ...mergeSettings(config, base), ...(base.extends ? { extends: base.extends } : {}), files: [...(config.files ?? []), ...(base.files ?? [])], overrides: [...(config.overrides ?? []), ...(base.overrides ?? [])] };
  }
  config = mergeSettings(config, raw);
  const own = (raw.overrides ?? []).map((o) => ({ ...o, dir, from: file }));
  if (own.length > 0 || config.overrides?.length) config.overrides = [...(config.overrides ?? []), ...own];
  return config;
}

/** Every rule's severity under a preset. */
export function presetRules(preset: Preset, rules: readonly LintRule[]): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((r) => [r.id, preset === 'none' ? 'off' : preset === 'all' || r.recommended ? r.defaultSeverity : 'off']));
}

function safeReal(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function loadConfig(path: string | undefined, rules: readonly LintRule[]): { config: Config; file?: string } {
  if (path === undefined) return { config: {} };
  return { config: parseConfig(readConfigText(path), path, rules), file: path };
}

/** The spec's path as an override's globs see it: relative to `dir`, `/`-separated; undefined outside it. */
function relativeTo(dir: string, spec: string, cwd: string): string | undefined {
  const rel = relative(dir, resolve(cwd, spec));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

const matches = (globs: string | string[] | undefined, path: string) => asList(globs).some((g) => matchPathGlob(compilePathGlob(g), path));

/** Which overrides apply to a spec file (indexes into config.overrides). */
export function overridesFor(config: Config, spec: string, cwd = process.cwd()): number[] {
  if (!config.overrides?.length || spec === '<stdin>' || spec === '-') return [];
  const out: number[] = [];
  config.overrides.forEach((o, i) => {
    const path = relativeTo(o.dir ?? cwd, spec, cwd);
    if (path !== undefined && matches(o.files, path) && !matches(o.excludedFiles, path)) out.push(i);
  });
  return out;
}

const perFile = new WeakMap<Config, Map<string, Config>>();

/** The settings for one spec file: the config with the overrides that choose it laid over, in order. One object per combination. */
export function configFor(config: Config, spec: string, cwd = process.cwd()): Config {
  const hits = overridesFor(config, spec, cwd);
  if (hits.length === 0) return config;
  const key = hits.join(',');
  const cache = perFile.get(config) ?? perFile.set(config, new Map()).get(config)!;
  let merged = cache.get(key);
  if (!merged) {
    merged = hits.reduce((c, i) => mergeSettings(c, config.overrides![i]!), config);
    cache.set(key, merged);
  }
  return merged;
}

/** Each rule with the severity and options this config gives it. */
export function resolveRules(config: Config, rules: readonly LintRule[]): ResolvedRule[] {
  return rules.map((rule) => {
    const preset = config.extends ?? 'recommended';
    const base: RuleSeverity = preset === 'none' ? 'off' : rule.recommended || preset === 'all' ? rule.defaultSeverity : 'off';
    const setting = config.rules?.[rule.id];
    const severity = setting === undefined ? base : Array.isArray(setting) ? setting[0] : setting;
    const given = Array.isArray(setting) && setting.length > 1 ? (setting[1] as Record<string, unknown>) : {};
    return { rule, severity, options: { ...(rule.defaultOptions ?? {}), ...given } };
  });
}
