// Generators shared by the fuzz targets: spec text (token soup, mutated examples, pathological
// repetition), names (plain and hostile), patterns (random and known-pathological), inventories,
// and mutations of JSON documents.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { globArb } from '../helpers/glob-reference.ts';

export const exampleSpecs: string[] = readdirSync('examples').filter((f) => f.endsWith('.restore')).sort().map((f) => readFileSync(`examples/${f}`, 'utf8'));
export const exampleSnapshots: unknown[] = readdirSync('examples').filter((f) => f.endsWith('.inventory.json')).sort().map((f) => JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as unknown);

const fragments = [
  'instance', 'from', 'backup', 'at', 'region', 'restore', 'db', 'database', 'table', 'as', 'except',
  '<', '>', ',', '`', '``', '#', '\n', ' ', '\t', '*', '?', '[', ']', '{', '}', '{name}', 'shop', 'order_*', '[!]', '{a..c}', '{a,[b,c]}',
  '2026-11-20T03:15:00Z', '2026-11-20T03:15', '0050-06-01T12:00:00Z', '+14:59', '2026-11-20 1', 'rm-x', '9026262', '.', ';', '\0', '\ufffd',
  'é', '表', '\r\n', '\u202e', '\u200b', '# restorec-disable-next-line nope', '# restorec-disable-file target-exists -- why',
];

/** Appends, deletes and replaces a few characters of a text. */
export function mutate(base: fc.Arbitrary<string>, insert: fc.Arbitrary<string> = fc.string({ maxLength: 6 })): fc.Arbitrary<string> {
  const mutation = fc.record({ at: fc.nat(), del: fc.nat({ max: 8 }), insert });
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, muts]) => {
    let out = text;
    for (const m of muts) {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.insert + out.slice(at + m.del);
    }
    return out;
  });
}

/** Spec text of every shape: token soup, mutated examples, unicode noise, long repetitions. */
export const specTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((p) => p.join(' ')) },
  { weight: 3, arbitrary: mutate(fc.constantFrom(...exampleSpecs), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...fragments))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  // Repetition: what made recovery quadratic (unclosed blocks) and calls overflow (many diagnostics).
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 6 }).map((u) => u.join(' ')), fc.constantFrom('restore db shop < table x', 'at x >', 'at bad', 'instance a', '# restorec-disable-next-line nope')),
        fc.integer({ min: 100, max: 40_000 }),
      )
      .map(([unit, n]) => 'instance rm-x\nfrom backup 1\n' + `${unit}\n`.repeat(n))
      .filter((t) => t.length <= 1024 * 1024),
  },
);

const plainChar = fc.constantFrom(...'abcdeXYZ_019$-');
const hostileChar = fc.constantFrom('"', '\\', '`', '\t', '\u0001', '\u2028', 'é', '表', ' ', '.', '#', '/', '*', ':', '+', '\u202e', '\u200b', '\ud83d\ude00', '\u0000');
/** Table and database names: mostly plain, sometimes anything MySQL might hold (or not). */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(plainChar, { minLength: 1, maxLength: 10 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.array(fc.oneof(plainChar, hostileChar), { minLength: 1, maxLength: 70 }).map((a) => a.join('')) },
);

/** Patterns: random ones over a small alphabet, and the shapes that make regexes backtrack. */
export const patternArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: globArb },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('*a', '*?', '?*', '*a*', '{a,*}', '[ab]*', '*{a,b}'), fc.integer({ min: 1, max: 40 }), fc.constantFrom('', 'b', '*', 'z')).map(([u, n, end]) => (u.repeat(n) + end).slice(0, 128)) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'a*', '*_*', '?*', '[a-e]*', '{a,b}*', '[!a]*', '{a..c}*', '[]', '[z-a]', 'a{b', `{${'*a,'.repeat(40)}*b}`) },
);

export type Databases = { Database: string; Tables: string[] }[];

/** The contents of a backup: a few databases of a few tables, or one large one. */
export const databasesArb: fc.Arbitrary<Databases> = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(fc.tuple(nameArb, fc.uniqueArray(nameArb, { maxLength: 8 })), { minLength: 1, maxLength: 4, selector: (t) => t[0] }).map((dbs) => dbs.map(([Database, Tables]) => ({ Database, Tables }))) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 30_000 }).map((n) => [{ Database: 'big', Tables: Array.from({ length: n }, (_, i) => `${'a'.repeat(i % 60)}t${i}`) }]) },
);

const jsonLeaf = fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('__proto__', 'constructor', 'unknown', '', 'x'.repeat(70)));
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: jsonLeaf },
  { weight: 1, arbitrary: fc.array(jsonLeaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'a', 'Tables', 'Database'), jsonLeaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown) },
);

/** Every path of a JSON document, as key lists. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 2000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

/** A JSON document with a few values replaced, keys removed or added, or array items repeated. */
/** Values that `repeat` mutations may clone into one document, in all. */
const REPEAT_BUDGET = 2_000_000;

/** How many values `x` holds (itself included), counting no further than `cap`. */
function values(x: unknown, cap: number): number {
  if (x === null || typeof x !== 'object') return 1;
  let n = 1;
  for (const v of Object.values(x)) {
    n += values(v, cap - n);
    if (n >= cap) return n;
  }
  return n;
}

export function mutateJson(base: unknown): fc.Arbitrary<unknown> {
  const all = paths(base);
  const op = fc.record({ path: fc.constantFrom(...all), kind: fc.constantFrom('replace', 'delete', 'add', 'repeat'), value: jsonValue, key: fc.constantFrom('__proto__', 'constructor', 'extra', 'BackupId', 'Tables'), times: fc.integer({ min: 2, max: 3000 }) });
  return fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => {
    const doc = structuredClone(base) as Record<string | number, unknown>;
    // Repeats nest (a list repeated inside a list repeated): at most this many values cloned in
    // all, so a document stays one JSON.stringify can write (over 2^29 characters it throws).
    let budget = REPEAT_BUDGET;
    for (const o of ops) {
      if (o.path.length === 0) continue;
      let parent: Record<string | number, unknown> | undefined = doc;
      for (const k of o.path.slice(0, -1)) parent = parent?.[k] as Record<string | number, unknown> | undefined;
      const last = o.path[o.path.length - 1]!;
      if (!parent || typeof parent !== 'object') continue;
      if (o.kind === 'replace') parent[last] = o.value;
      else if (o.kind === 'delete') delete parent[last];
      else if (o.kind === 'add' && !Array.isArray(parent)) Object.defineProperty(parent, o.key, { value: o.value, enumerable: true, configurable: true, writable: true });
      else if (o.kind === 'repeat' && Array.isArray(parent)) {
        const cost = o.times * values(parent[last], budget + 1);
        if (cost > budget) continue;
        budget -= cost;
        parent.splice(Number(last), 0, ...Array.from({ length: o.times }, () => structuredClone(parent![last])));
      }
    }
    return doc;
  });
}
