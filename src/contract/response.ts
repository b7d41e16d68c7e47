// Answers checked against the operation's response schema (ajv). `documented` mode is the
// sandbox's bar: every field typed as documented and no field the contract does not document.
// `reads` mode is the inventory reader's: only the fields restorec reads, each of its documented
// type, so a field restorec ignores can never stop a restore.
import AjvModule from 'ajv';
import { contractOperation, type ContractSchema } from './index.ts';
import { NUMBER_FORMATS } from './formats.ts';

export type ResponseMode = 'documented' | 'reads';

export interface ResponseProblem {
  /** `Items.Backup[3].BackupId` */
  path: string;
  message: string;
}


type Ajv = InstanceType<typeof AjvModule.default>;
let ajv: Ajv | undefined;
/**
 * The engine. The schemas come from the vendored contract, so they are not checked against the
 * JSON Schema meta-schema at run time (compiling the meta-schema was half of a live command's
 * start-up CPU); test/contract/response-schemas.test.ts checks every one of them instead.
 */
export function engine(validateSchema = false): Ajv {
  if (validateSchema) return configure(new AjvModule.default({ allErrors: true, strict: true, allowUnionTypes: true }));
  if (ajv) return ajv;
  ajv = configure(new AjvModule.default({ allErrors: true, strict: true, allowUnionTypes: true, validateSchema: false }));
  return ajv;
}

function configure(ajv: Ajv): Ajv {
  ajv.addVocabulary(['example']);
  for (const [name, format] of Object.entries(NUMBER_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** JSON Schema from the contract's Swagger-style schema: a boolean `required` on a property is dropped. */
function clean(s: ContractSchema): ContractSchema {
  const { required, ...rest } = s;
  const out: ContractSchema = Array.isArray(required) ? { ...rest, required } : rest;
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, clean(v)]));
  if (s.items) out.items = clean(s.items);
  return out;
}

/** The schema with `additionalProperties: false` on every object that lists its properties. */
function closed(s: ContractSchema): ContractSchema {
  const out: ContractSchema = { ...s };
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, closed(v)]));
    out['additionalProperties'] = false;
  }
  if (s.items) out.items = closed(s.items);
  return out;
}

/** Only the listed paths (`A.B[].C`; `[]` steps into array items), each with its documented type. */
export function pruned(s: ContractSchema, paths: readonly string[]): ContractSchema {
  const tree = new Map<string, string[]>();
  for (const p of paths) {
    const m = /^([^.[\]]+)((?:\[\])*)(?:\.(.*))?$/.exec(p);
    if (!m) throw new Error(`bad read path ${p}`);
    const key = m[1]!;
    const rest = (m[2] ? m[2] : '') + (m[3] !== undefined ? `.${m[3]}` : '');
    const l = tree.get(key) ?? [];
    if (rest) l.push(rest);
    tree.set(key, l);
  }
  const props: Record<string, ContractSchema> = {};
  for (const [key, rest] of tree) {
    const child = s.properties?.[key];
    if (!child) throw new Error(`the contract has no field ${key}`);
    props[key] = rest.length === 0 ? child : descend(child, rest);
  }
  const { properties: _ignored, ...shape } = s;
  return { ...shape, properties: props };
}

function descend(s: ContractSchema, rests: string[]): ContractSchema {
  if (rests.every((r) => r.startsWith('[]'))) {
    if (!s.items) throw new Error('the contract has no array here');
    const inner = rests.map((r) => r.slice(2)).map((r) => (r.startsWith('.') ? r.slice(1) : r));
    return { ...s, items: inner.every((r) => r === '') ? s.items : pruned(s.items, inner.filter((r) => r !== '')) };
  }
  return pruned(s, rests.map((r) => (r.startsWith('.') ? r.slice(1) : r)));
}

/** The JSON Schema an answer of `action` is checked against in `mode`. */
export function responseSchema(action: string, mode: ResponseMode, reads: readonly string[] = []): ContractSchema {
  const op = contractOperation(action);
  if (!op) throw new Error(`${action} is not an operation of the contract`);
  return mode === 'documented' ? closed(clean(op.response)) : pruned(clean(op.response), reads);
}

type Check = (body: unknown) => ResponseProblem[];
const cache = new Map<string, Check>();

/** An ajv validate function, compiled now or at build time. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null;
}

/** A checker from a compiled validator: at most 20 problems, each with its path as restorec prints them. */
export function checkerFrom(validate: CompiledValidator): Check {
  return (body) => {
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 20).map((e) => {
      const path = e.instancePath.replace(/^\//, '').replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
      const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)} is not documented)` : '';
      return { path: path || '(answer)', message: `${e.message ?? 'does not match the contract'}${extra}` };
    });
  };
}

/** A checker for answers of `action`: in `reads` mode over the given read paths. */
export function responseChecker(action: string, mode: ResponseMode, reads: readonly string[] = []): Check {
  const key = `${action}\n${mode}\n${reads.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const check = checkerFrom(engine().compile(responseSchema(action, mode, reads)) as CompiledValidator);
  cache.set(key, check);
  return check;
}
