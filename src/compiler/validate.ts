// A typed wrapper over the ajv standalone validators generated at build time
// (scripts/gen-validators.mjs → generated/), and the mapping of ajv's errors to messages that
// name the field in readable form and, when the text is at hand, its line and column.
import { validateInventory, validateRestoreRequest, validateTableMeta } from './generated/validators.js';
import { lineColumn, locatePointer } from './json-locate.ts';
import { isMySqlName, isMySqlNameWithoutNulOrSurrogate } from './names.ts';

/** The part of ajv's ErrorObject that messages use. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SchemaProblem {
  /** Readable field path, e.g. `contents[0].Databases[3].Tables[7]`. */
  path: string;
  /** The JSON Pointer ajv reported. */
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

/** More problems than this are not useful: the first ones are enough to find the mistake. */
export const MAX_SCHEMA_PROBLEMS = 20;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `/contents/0/Databases` → `contents[0].Databases`. */
export function readablePath(pointer: string, extra?: string): string {
  const segs = pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) segs.push(extra);
  let out = '';
  for (const s of segs) {
    if (/^(0|[1-9][0-9]*)$/.test(s)) out += `[${s}]`;
    else if (IDENT.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** `format` names what an unknown field is not part of: "the snapshot format", "the config format". */
function describe(e: AjvError, format: string): { pointer: string; path: string; message: string } {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { pointer: e.instancePath, path: readablePath(e.instancePath), message: `missing required field "${String(p['missingProperty'])}"` };
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      return { pointer: `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, path: readablePath(e.instancePath, key), message: `unknown field (not in ${format}; check its spelling)` };
    }
    case 'enum':
      return { pointer: e.instancePath, path: readablePath(e.instancePath), message: `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { pointer: e.instancePath, path: readablePath(e.instancePath), message: `must be ${JSON.stringify(p['allowedValue'])}` };
    default:
      return { pointer: e.instancePath, path: readablePath(e.instancePath), message: e.message ?? `fails ${e.keyword}` };
  }
}

/**
 * Turns ajv errors into problems. A `oneOf` failure is reported only when nothing more precise
 * was reported at or below the same field (its branches usually say what is wrong). At most
 * MAX_SCHEMA_PROBLEMS are described, then one line counts the rest: a snapshot of 100,000 bad
 * entries gets 20 lines, not 100,000 (each also located in the text, which costs a scan).
 */
export function describeErrors(errors: readonly AjvError[], text?: string, format = 'the snapshot format'): SchemaProblem[] {
  // Every prefix of every precise error's path, so the `oneOf` test is a lookup, not a scan of
  // all errors per `oneOf` error (quadratic on a large snapshot).
  const below = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf') continue;
    let path = e.instancePath;
    for (;;) {
      if (below.has(path)) break;
      below.add(path);
      const cut = path.lastIndexOf('/');
      if (cut === -1) break;
      path = path.slice(0, cut);
    }
  }
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  let more = 0;
  for (const e of errors) {
    if (e.keyword === 'oneOf' && below.has(e.instancePath)) continue;
    const d = describe(e, format);
    const key = `${d.pointer}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= MAX_SCHEMA_PROBLEMS) {
      more++;
      continue;
    }
    const problem: SchemaProblem = { ...d };
    if (text !== undefined) {
      const offset = locatePointer(text, d.pointer) ?? locatePointer(text, e.instancePath);
      if (offset !== undefined) Object.assign(problem, lineColumn(text, offset));
    }
    out.push(problem);
  }
  if (more > 0) out.push(moreProblems(more));
  return out;
}

/** The line that stands for the problems not shown. */
export function moreProblems(n: number): SchemaProblem {
  return { pointer: '', path: '', message: `${n} more problem${n === 1 ? '' : 's'} not shown; fix the ones above first` };
}

function run(validator: typeof validateInventory, data: unknown, text?: string): SchemaProblem[] {
  if (validator(data)) return [];
  return describeErrors(validator.errors ?? [], text);
}

/**
 * Checks parsed snapshot JSON against schemas/inventory.schema.json. A snapshot's bulk is its
 * table names (a million of them at scale), and the schema says only one thing of each: it is a
 * name (`$defs.name`). So the names are checked by isMySqlName, which decides exactly what that
 * definition decides, and the schema runs over the rest: a copy of the snapshot's outline whose
 * table lists are empty. Anything either check refuses is checked again by the schema alone,
 * over the snapshot as it is, for its exact messages. (test/compiler/inventory-check.test.ts
 * holds the schema to this and both routes to the same answers.) `text`, the JSON `data` was
 * parsed from, when given, is used for the problems' places, and to skip looking at every
 * character of every name when no string of the text can hold U+0000 or a surrogate.
 */
export function checkInventory(data: unknown, text?: string): SchemaProblem[] {
  const outline = withoutTableNames(data, text !== undefined && noNulOrSurrogate(text));
  if (outline !== undefined && validateInventory(outline)) return [];
  return run(validateInventory, data, text);
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Whether no string of the JSON text `text` holds U+0000 or a surrogate. JSON writes U+0000 only
 * escaped (`\u0000`: a raw control character is not valid JSON), and a surrogate escaped or as
 * it is; a text with no `\u` and no surrogate code unit has neither. Both are found in well under
 * a millisecond in a 14 MB snapshot (V8 answers the second at once for a one-byte string), where
 * reading every character of a million names took 20 ms.
 */
function noNulOrSurrogate(text: string): boolean {
  return !text.includes('\\u') && !/[\ud800-\udfff]/.test(text);
}

/**
 * `data` with every table list of `contents`, `crossRegion.contents` and `current` emptied, when
 * every name in them passes isMySqlName; undefined when one does not. Only plain objects are
 * copied; anything else is left as it is for the schema to judge. `plain`: no name holds U+0000
 * or a surrogate (see noNulOrSurrogate), so a name's length and last character decide.
 */
function withoutTableNames(data: unknown, plain: boolean): unknown {
  const isName = plain ? isMySqlNameWithoutNulOrSurrogate : isMySqlName;
  if (!isObject(data)) return undefined;
  let bad = false;
  const database = (d: unknown): unknown => {
    if (!isObject(d) || !Array.isArray(d.Tables)) return d;
    const tables = d.Tables as unknown[];
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i];
      if (typeof t !== 'string' || !isName(t)) {
        bad = true;
        return d;
      }
    }
    return { ...d, Tables: [] };
  };
  const databases = (holder: unknown): unknown => (isObject(holder) && Array.isArray(holder.Databases) ? { ...holder, Databases: holder.Databases.map(database) } : holder);
  const contents = (list: unknown): unknown => (Array.isArray(list) ? list.map(databases) : list);
  const out: Json = { ...data };
  if ('contents' in data) out.contents = contents(data.contents);
  if (isObject(data.crossRegion) && 'contents' in data.crossRegion) out.crossRegion = { ...data.crossRegion, contents: contents(data.crossRegion.contents) };
  if ('current' in data) out.current = databases(data.current);
  return bad ? undefined : out;
}

/** Checks one request's parameters against schemas/restore-request.schema.json. */
export function checkRestoreRequest(data: unknown): SchemaProblem[] {
  return run(validateRestoreRequest, data);
}

/** Checks the structure serialised into TableMeta against `$defs.TableMeta`. */
export function checkTableMeta(data: unknown): SchemaProblem[] {
  return run(validateTableMeta, data);
}

export function formatProblem(file: string, p: SchemaProblem): string {
  const where = p.line !== undefined ? `${file}:${p.line}:${p.column}` : file;
  return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
}
