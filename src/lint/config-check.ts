// Reading one restorec.config.json: JSON with comments and trailing commas (jsonc-parser, which
// also gives every value's offset), checked against schemas/config.schema.json and the rules.
// Every problem is one `file:line:col: message` line, with "did you mean" for misspelt keys,
// rule ids, options, severities and presets. Rules are checked here, not by the schema: ajv's
// `oneOf` over three setting shapes says a wrong severity in two raw lines.
// The package's ESM build: its `main` is a UMD wrapper whose require() calls esbuild cannot follow.
import { closestZone, isZoneName } from '../grammar/zones.ts';
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { validateConfig } from '../compiler/generated/validators.js';
import { lineColumn } from '../compiler/json-locate.ts';
import { readablePath, type AjvError } from '../compiler/validate.ts';
import { closest } from '../grammar/suggest.ts';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { compilePathGlob, PathGlobError } from './path-glob.ts';
import type { LintRule } from './rule.ts';

export const SEVERITIES = ['off', 'warn', 'error'] as const;
export const PRESETS = ['recommended', 'all', 'none'] as const;
/** More problems than this are not shown: the first ones are enough to find the mistake. */
const MAX_PROBLEMS = 20;

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/** A path to another config file, not a preset name. */
export const isPath = (entry: string) => /[\\/]/.test(entry) || entry.endsWith('.json');

type Properties = Record<string, unknown>;
const KEYS = {
  top: Object.keys(schema.properties),
  compile: Object.keys(schema.properties.compile.properties),
  override: Object.keys(schema.properties.overrides.items.properties),
};

const PARSE_WORDS: Record<string, string> = {
  InvalidSymbol: 'this is not JSON here',
  InvalidNumberFormat: 'this number is not written as JSON writes numbers',
  PropertyNameExpected: 'a key in double quotes was expected here',
  ValueExpected: 'a value was expected here',
  ColonExpected: 'a `:` was expected after the key',
  CommaExpected: 'a `,` was expected here',
  CloseBraceExpected: 'a `}` was expected here',
  CloseBracketExpected: 'a `]` was expected here',
  EndOfFileExpected: 'the config ends before this: one JSON object only',
  InvalidCommentToken: 'this comment is not closed',
  UnexpectedEndOfComment: 'the file ends inside a comment',
  UnexpectedEndOfString: 'this string is not closed',
  UnexpectedEndOfNumber: 'the file ends inside a number',
  InvalidUnicode: 'this \\u escape is not four hex digits',
  InvalidEscapeCharacter: 'this escape is not one JSON has',
  InvalidCharacter: 'a control character cannot stand in a string',
};

class Problems {
  readonly list: { offset: number; message: string }[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}
  add(node: Node | number, message: string): void {
    this.list.push({ offset: typeof node === 'number' ? node : node.offset, message });
  }
  lines(): string[] {
    const sorted = [...this.list].sort((a, b) => a.offset - b.offset);
    const shown = sorted.slice(0, MAX_PROBLEMS).map((p) => {
      const { line, column } = lineColumn(this.text, p.offset);
      return `${this.file}:${line}:${column}: ${p.message}`;
    });
    if (sorted.length > MAX_PROBLEMS) shown.push(`${this.file}: ${sorted.length - MAX_PROBLEMS} more problems not shown; fix the ones above first`);
    return shown;
  }
}

const quote = (s: string) => JSON.stringify(s);
const mean = (word: string, candidates: readonly string[]) => {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean ${quote(c)}?`;
};
const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const keyNode = (value: Node) => value.parent?.children?.[0] ?? value;

/** Parses and checks a config's text; its settings as written (extends not followed), or a ConfigError. */
export function checkConfigText(text: string, file: string, rules: readonly LintRule[]): Properties {
  const problems = new Problems(file, text);
  if (text.trim() === '') {
    problems.add(0, 'the file is empty; a config is a JSON object, `{}` at least');
    throw new ConfigError(`${file} is not valid JSON (comments and trailing commas are allowed)`, file, problems.lines());
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  for (const e of errors) problems.add(e.offset, PARSE_WORDS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error));
  if (errors.length > 0 || tree === undefined) {
    throw new ConfigError(`${file} is not valid JSON (comments and trailing commas are allowed)`, file, problems.lines());
  }
  if (tree.type !== 'object') {
    problems.add(tree, `the config must be a JSON object, not ${tree.type === 'array' ? 'an array' : `a ${tree.type}`}`);
    throw new ConfigError(`${file} is not a restorec config`, file, problems.lines());
  }
  duplicates(tree, problems);
  const value = getNodeValue(tree) as Properties;
  if (!validateConfig(value)) schemaProblems(validateConfig.errors ?? [], tree, problems);
  checkRules(tree, ['rules'], rules, problems);
  const overrides = findNode(tree, ['overrides']);
  overrides?.children?.forEach((o, i) => {
    checkRules(tree, ['overrides', i, 'rules'], rules, problems);
    for (const key of ['files', 'excludedFiles']) {
      const globs = findNode(o, [key]);
      for (const g of globs?.type === 'string' ? [globs] : (globs?.children ?? [])) {
        if (g.type !== 'string') continue;
        try {
          compilePathGlob(g.value as string);
        } catch (e) {
          if (!(e instanceof PathGlobError)) throw e;
          problems.add(g, `overrides[${i}].${key}: ${e.message}`);
        }
      }
    }
  });
  const zone = findNode(tree, ['timeZone']);
  if (zone?.type === 'string' && typeof zone.value === 'string' && zone.value !== '' && !isZoneName(zone.value)) {
    const guess = closestZone(zone.value);
    problems.add(zone, `timeZone: ${quote(zone.value)} is not an IANA zone name; write one such as "Asia/Shanghai"${guess ? ` (did you mean ${quote(guess)}?)` : ''}`);
  }
  const ext = findNode(tree, ['extends']);
  for (const entry of ext?.type === 'string' ? [ext] : ext?.type === 'array' ? (ext.children ?? []) : []) {
    const name = entry.value;
    if (entry.type !== 'string' || typeof name !== 'string' || name === '' || isPath(name) || (PRESETS as readonly string[]).includes(name)) continue;
    problems.add(entry, `extends: unknown preset ${quote(name)}${mean(name, PRESETS)} (the presets: ${PRESETS.join(', ')}; another config file is written as a path, e.g. "./team.json")`);
  }
  if (problems.list.length > 0) throw new ConfigError(`${file} has ${problems.list.length === 1 ? 'a problem' : `${problems.list.length} problems`} (docs/config.md describes the config)`, file, problems.lines());
  return value;
}

function findNode(root: Node, path: (string | number)[]): Node | undefined {
  let node: Node | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.type === 'array' ? node.children?.[seg] : undefined;
    else node = node.type === 'object' ? node.children?.filter((p) => p.children?.[0]?.value === seg).pop()?.children?.[1] : undefined;
  }
  return node;
}

/** The same key twice in one object: JSON keeps the last, silently; say so. */
function duplicates(node: Node, problems: Problems): void {
  if (node.type === 'object') {
    const seen = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key) continue;
      const first = seen.get(key.value as string);
      if (first) {
        const { line, column } = lineColumn(problems.text, first.offset);
        problems.add(key, `${quote(key.value as string)} is given twice in one object (also at ${line}:${column}); only this one would count`);
      } else seen.set(key.value as string, key);
    }
  }
  for (const child of node.children ?? []) duplicates(child, problems);
}

const pointerPath = (pointer: string) => (pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s)));
/** Where rules are: checked by checkRules, so the schema's words about them are left out. */
const UNDER_RULES = /^(\/overrides\/\d+)?\/rules(\/|$)/;

function schemaProblems(errors: readonly AjvError[], tree: Node, problems: Problems): void {
  // A `oneOf` failure says less than the errors of its branches: keep it only when alone.
  // Nor does a `type` error of the branch the value plainly is not (a list given where a
  // string or a list will do): keep it only when no other error speaks of that value.
  const precise = new Set(errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'type').map((e) => e.instancePath));
  const typed = errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const saidBelow = (path: string) => [...precise].some((p) => p === path || p.startsWith(`${path}/`)) || typed.some((p) => p.startsWith(`${path}/`));
  const seen = new Set<string>();
  for (const e of errors) {
    if (UNDER_RULES.test(e.instancePath)) continue;
    const path = pointerPath(e.instancePath);
    const node = findNode(tree, path) ?? tree;
    const where = readablePath(e.instancePath);
    let at: Node = node;
    let message: string;
    if (e.keyword === 'additionalProperties') {
      const key = String(e.params['additionalProperty']);
      const known = path.length === 0 ? KEYS.top : path[0] === 'compile' || path[path.length - 1] === 'compile' ? KEYS.compile : KEYS.override;
      at = keyNode(findNode(tree, [...path, key]) ?? node);
      message = `${path.length === 0 ? '' : `${where}: `}unknown key ${quote(key)}${mean(key, known)}`;
    } else if (e.keyword === 'enum') {
      const allowed = e.params['allowedValues'] as unknown[];
      const got = getNodeValue(node) as unknown;
      const isSeverity = allowed.length === 3 && allowed.every((a) => (SEVERITIES as readonly unknown[]).includes(a));
      message = isSeverity ? severityProblem(where, got) : `${where}: ${JSON.stringify(got)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${typeof got === 'string' ? mean(got, allowed.map(String)) : ''}`;
    } else if ((e.keyword === 'oneOf' || e.keyword === 'type') && saidBelow(e.instancePath)) {
      continue;
    } else if (e.keyword === 'type' && oneOfAt.has(e.instancePath)) {
      continue; // the `oneOf` line says what the value may be
    } else if (e.keyword === 'oneOf' && e.instancePath === '/extends') {
      message = 'extends: must be a preset or a path, or a list of them';
    } else if (e.keyword === 'oneOf') {
      message = `${where}: must be a glob or a list of globs`;
    } else if (e.keyword === 'required') {
      message = `${where}: needs ${quote(String(e.params['missingProperty']))}`;
    } else {
      message = `${where}: ${e.message ?? `fails ${e.keyword}`}`;
    }
    const key = `${at.offset}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(at, message);
  }
}

/** One line for a wrong severity, with what was probably meant. */
function severityProblem(where: string, got: unknown): string {
  const eslint: Record<string, string> = { '0': 'off', '1': 'warn', '2': 'error', warning: 'warn', err: 'error', on: 'error', disable: 'off', disabled: 'off', none: 'off', info: 'warn' };
  const guess = typeof got === 'number' || typeof got === 'string' ? (eslint[String(got).toLowerCase()] ?? closest(String(got), SEVERITIES)) : undefined;
  const written = typeof got === 'string' ? quote(got) : JSON.stringify(got) ?? String(got);
  return `${where}: ${written} is not a severity; use "off", "warn" or "error"${guess ? ` (did you mean ${quote(guess)}?)` : ''}`;
}

function checkRules(tree: Node, path: (string | number)[], rules: readonly LintRule[], problems: Problems): void {
  const node = findNode(tree, path);
  if (!node || node.type !== 'object') return; // the schema says what is wrong with it
  const ids = rules.map((r) => r.id);
  const prefix = path.length > 1 ? `overrides[${path[1]}].rules` : 'rules';
  for (const prop of node.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || !value) continue;
    const id = key.value as string;
    const where = `${prefix}[${quote(id)}]`;
    // A compiler code the rule reports under its id (`expand/no-match`) is accepted as an alias.
    const rule = rules.find((r) => r.id === id) ?? rules.find((r) => r.compilerCodes?.includes(id));
    if (!rule) {
      const guess = closest(id, ids);
      problems.add(key, `unknown rule ${quote(id)}${guess ? `; did you mean ${quote(guess)}?` : ' (`restorec rules` lists the rule ids)'}`);
      continue;
    }
    const setting = getNodeValue(value) as unknown;
    const severityNode = value.type === 'array' ? value.children?.[0] : value;
    if (value.type === 'number') {
      problems.add(value, `${severityProblem(where, setting)}; restorec does not take ESLint's 0, 1 and 2`);
      continue;
    }
    if ((value.type === 'array' && (value.children?.length ?? 0) === 0) || (value.type !== 'array' && value.type !== 'string')) {
      problems.add(value, `${where}: must be a severity ("off", "warn" or "error") or [severity, options], not ${value.type === 'array' ? 'an empty array' : `a ${kindOf(setting)}`}`);
      continue;
    }
    const severity = getNodeValue(severityNode!) as unknown;
    if (!(SEVERITIES as readonly unknown[]).includes(severity)) problems.add(severityNode!, severityProblem(where, severity));
    if (value.type !== 'array') continue;
    const [, optionsNode, ...extra] = value.children ?? [];
    if (extra.length > 0) problems.add(extra[0]!, `${where}: takes at most [severity, options]; remove what follows the options`);
    if (!optionsNode) continue;
    if (optionsNode.type !== 'object') {
      problems.add(optionsNode, `${where}: the options must be an object, not a ${kindOf(getNodeValue(optionsNode))}`);
      continue;
    }
    const defaults = rule.defaultOptions ?? {};
    const names = Object.keys(defaults);
    for (const opt of optionsNode.children ?? []) {
      const [k, v] = opt.children ?? [];
      if (!k || !v) continue;
      const name = k.value as string;
      // Own keys only: `"__proto__" in {}` is true, so `in` would accept an option of that name.
      if (!Object.hasOwn(defaults, name)) {
        const guess = closest(name, names);
        problems.add(k, `${where} has no option ${quote(name)}${guess ? `; did you mean ${quote(guess)}?` : names.length ? ` (its options: ${names.join(', ')})` : ' (it takes no options)'}`);
      } else if (kindOf(getNodeValue(v)) !== kindOf(defaults[name])) {
        problems.add(v, `${where} option ${quote(name)} must be a ${kindOf(defaults[name])}, not a ${kindOf(getNodeValue(v))}`);
      }
    }
  }
}
