// Chevrotain records the grammar at every start: it runs each rule once in a recording mode to
// build its productions (GAST), about 5 of the 10 ms its self-analysis takes (RESTOREC_TRACE_INIT=1
// shows the phases). The productions depend on nothing but the grammar, so the build records
// them once (parser.ts recordedGrammar, through scripts/build.mjs) and the bundle carries them as
// data (precomputed-gast.ts); the parser then hands chevrotain these productions in place of
// recording, and chevrotain does the rest of its analysis (resolving, follow sets, lookahead) on
// them as usual. Productions are chevrotain's own public GAST classes, rebuilt field by field;
// test/grammar/precomputed-gast.test.ts checks a parser built from them against a recorded one.
import { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal, type IProduction, type TokenType } from 'chevrotain';

const KINDS = { Rule, NonTerminal, Alternative, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Alternation, Terminal } as const;
type Kind = keyof typeof KINDS;

/** A production as data: its class, its plain fields, its parts, and its tokens by name. */
export interface SerializedProduction {
  k: Kind;
  p: Record<string, string | number | boolean>;
  d?: SerializedProduction[];
  /** Terminal.terminalType */
  t?: string;
  /** The separator of a repetition with one. */
  s?: string;
}

/** Rule name → its production, in the order chevrotain defined the rules. */
export type RecordedGrammar = Record<string, SerializedProduction>;

/** Set by the parser's analysis, not by recording: rebuilt by chevrotain from the rest. */
const DERIVED = new Set(['referencedRule']);
const STRUCTURE = new Set(['_definition', 'terminalType', 'separator']);

function kindOf(node: object): Kind {
  for (const [k, C] of Object.entries(KINDS)) if (node.constructor === C) return k as Kind;
  throw new Error(`gast-cache: a production of an unknown kind (${node.constructor.name})`);
}

export function serializeProduction(node: IProduction): SerializedProduction {
  const k = kindOf(node);
  const p: SerializedProduction['p'] = {};
  for (const [key, value] of Object.entries(node)) {
    if (STRUCTURE.has(key) || DERIVED.has(key) || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`gast-cache: ${k}.${key} is not plain data`);
    p[key] = value;
  }
  const out: SerializedProduction = { k, p };
  const n = node as { definition?: IProduction[]; terminalType?: TokenType; separator?: TokenType };
  if (k !== 'Terminal' && k !== 'NonTerminal') out.d = (n.definition ?? []).map(serializeProduction);
  if (n.terminalType) out.t = n.terminalType.name;
  if (n.separator) out.s = n.separator.name;
  return out;
}

export function serializeGrammarRules(rules: Record<string, Rule>): RecordedGrammar {
  return Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, serializeProduction(rule)]));
}

/** The production again, its tokens looked up by name among `tokens`. */
export function deserializeProduction(s: SerializedProduction, tokens: ReadonlyMap<string, TokenType>): IProduction {
  const token = (name: string): TokenType => {
    const t = tokens.get(name);
    if (!t) throw new Error(`gast-cache: no token ${name}`);
    return t;
  };
  // Built with only its parts, then given its fields: chevrotain's constructors copy their options
  // through lodash's pickBy and assign, a few microseconds a field in a fresh process, and
  // the grammar has a few hundred productions. The fields end up the same, in the same order
  // (test/grammar/precomputed-gast.test.ts compares them with a recording parser's).
  const C = KINDS[s.k] as unknown as new (options: Record<string, unknown>) => IProduction;
  const node = new C(s.d ? { definition: s.d.map((d) => deserializeProduction(d, tokens)) } : {}) as unknown as Record<string, unknown>;
  Object.assign(node, s.p);
  if (s.t !== undefined) node['terminalType'] = token(s.t);
  if (s.s !== undefined) node['separator'] = token(s.s);
  return node as unknown as IProduction;
}

/** Token name → token, refusing a name two tokens share (the data could not tell them apart). */
export function tokensByName(tokens: readonly TokenType[]): Map<string, TokenType> {
  const map = new Map<string, TokenType>();
  for (const t of tokens) {
    if (map.has(t.name) && map.get(t.name) !== t) throw new Error(`gast-cache: two tokens are named ${t.name}`);
    map.set(t.name, t);
  }
  return map;
}
