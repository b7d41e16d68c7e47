// The Chevrotain parser of the .restore language. Each rule carries its production as a comment;
// docs/language.md holds the same grammar as EBNF. One instance is built and reused.
import { CstParser, type CstNode, type IToken, type TokenType, type IRecognitionException, type Rule } from 'chevrotain';
import * as T from './tokens.ts';
import { errorMessageProvider } from './parse-messages.ts';
import { deserializeProduction, serializeGrammarRules, tokensByName, type RecordedGrammar } from './gast-cache.ts';
import { PRECOMPUTED_GAST, PRECOMPUTED_LOOKAHEAD } from './precomputed-gast.ts';
import { recordLookahead, withRecordedLookahead, type RecordedLookahead } from './lookahead-cache.ts';

/**
 * Past this many syntax errors a parse stops. Recovery costs Chevrotain a walk of the grammar per
 * error (~0.2 ms); a 1 MiB file of unclosed blocks has 40,000 errors, and only the first
 * MAX_ERRORS (100) are ever shown.
 */
export const MAX_SYNTAX_ERRORS = 300;

class TooManyErrors extends Error {}

/** Errors the current parse may still record. */
let budget = Infinity;

/** The text being parsed, to tell whether a token starts its line. */
let text = '';

/** A token the grammar took as stray (outside any statement, or in a block), as it was consumed. */
export interface StrayToken {
  token: IToken;
  inBlock: boolean;
}
/** The strays of the current parse: recorded where they are consumed, not found by a walk of the tree afterwards. */
let strays: StrayToken[] = [];
const STATEMENT_KEYWORDS = new Set<TokenType>([T.Instance, T.From, T.At, T.Region, T.Instant, T.Restore]);

/** A statement keyword that is the first token on its line. */
export function startsStatement(t: IToken): boolean {
  if (!STATEMENT_KEYWORDS.has(t.tokenType)) return false;
  let i = t.startOffset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** Chevrotain builds each error's message once, just before it records the error: the place to
 *  count them (its own hook, SAVE_ERROR, is not part of its typed API). */
const countingProvider: typeof errorMessageProvider = Object.fromEntries(
  Object.entries(errorMessageProvider).map(([name, build]) => [
    name,
    (options: never) => {
      if (--budget < 0) throw new TooManyErrors();
      return (build as (o: never) => string)(options);
    },
  ]),
) as unknown as typeof errorMessageProvider;

export const parserTokens: TokenType[] = [...T.allTokens, T.NameLike, T.StatementStray, T.BlockStray];

/** Chevrotain's grammar recorder (its GastRecorder trait): the hooks the parser below overrides. */
interface Recorder {
  enableRecording(): void;
  disableRecording(): void;
  topLevelRuleRecord(name: string, def: () => void): Rule;
}
const recorder = CstParser.prototype as unknown as Recorder;
let tokenNames: Map<string, TokenType> | undefined;

class RestoreParser extends CstParser {
  /** The productions recorded by the build, when they are for exactly these rules. */
  private recorded: RecordedGrammar | undefined;

  constructor(skipValidations: boolean, recorded: RecordedGrammar | undefined = PRECOMPUTED_GAST, recoveryEnabled = true, lookahead: RecordedLookahead | undefined = PRECOMPUTED_LOOKAHEAD) {
    super(parserTokens, {
      recoveryEnabled,
      maxLookahead: 2,
      // Each CST node's first and last offset, for the spans of statements and items (build-ast.ts).
      nodeLocationTracking: 'onlyOffset',
      skipValidations,
      errorMessageProvider: countingProvider,
      traceInitPerf: process.env['RESTOREC_TRACE_INIT'] ? 2 : false, // start-up cost of each analysis phase
    });
    // Data for other rules than these (a build older than the grammar) is not used: recorded now.
    const names = (this as unknown as { definedRulesNames: string[] }).definedRulesNames;
    if (recorded && names.length === Object.keys(recorded).length && names.every((n) => Object.hasOwn(recorded, n))) this.recorded = recorded;
    if (lookahead) {
      const stats = { recorded: 0, computed: 0 };
      withRecordedLookahead(lookahead, (tokenNames ??= tokensByName(parserTokens)), stats, () => this.performSelfAnalysis());
      if (process.env['RESTOREC_TRACE_INIT']) process.stderr.write(`lookahead paths: ${stats.recorded} recorded by the build, ${stats.computed} computed\n`);
    } else this.performSelfAnalysis();
    this.recorded = undefined;
  }

  private stray(token: IToken, inBlock: boolean): void {
    if (!this.RECORDING_PHASE) strays.push({ token, inBlock });
  }

  // Chevrotain's recording phase, given the build's productions instead (gast-cache.ts).
  enableRecording(): void {
    if (!this.recorded) recorder.enableRecording.call(this);
  }

  disableRecording(): void {
    if (!this.recorded) recorder.disableRecording.call(this);
  }

  topLevelRuleRecord(name: string, def: () => void): Rule {
    const data = this.recorded?.[name];
    return data ? (deserializeProduction(data, (tokenNames ??= tokensByName(parserTokens))) as Rule) : recorder.topLevelRuleRecord.call(this, name, def);
  }

  // document = { statement | stray } ;
  document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.stray(this.CONSUME(T.StatementStray), false) },
      ]);
    });
  });

  // statement = instanceStatement | fromBackupStatement | fromCrossRegionBackupStatement | fromRegionStatement
  //           | atStatement | regionStatement | instantRecoveryStatement | restoreStatement ;
  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.instanceStatement) },
      { ALT: () => this.SUBRULE(this.fromBackupStatement) },
      { ALT: () => this.SUBRULE(this.fromCrossRegionBackupStatement) },
      { ALT: () => this.SUBRULE(this.fromRegionStatement) },
      { ALT: () => this.SUBRULE(this.atStatement) },
      { ALT: () => this.SUBRULE(this.regionStatement) },
      { ALT: () => this.SUBRULE(this.instantRecoveryStatement) },
      { ALT: () => this.SUBRULE(this.restoreStatement) },
    ]);
  });

  // instanceStatement = "instance" name ;
  instanceStatement = this.RULE('instanceStatement', () => {
    this.CONSUME(T.Instance);
    this.SUBRULE(this.name);
  });

  // fromBackupStatement = "from" "backup" name ;
  fromBackupStatement = this.RULE('fromBackupStatement', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.Backup);
    this.SUBRULE(this.name);
  });

  // fromCrossRegionBackupStatement = "from" "cross-region" "backup" name ;   (RestoreDdrTable, RestoreType 0)
  fromCrossRegionBackupStatement = this.RULE('fromCrossRegionBackupStatement', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.CrossRegion);
    this.CONSUME(T.Backup);
    this.SUBRULE(this.name);
  });

  // fromRegionStatement = "from" "region" name "instance" name ;   (the cross-region source: SourceRegion, SourceDBInstanceName)
  fromRegionStatement = this.RULE('fromRegionStatement', () => {
    this.CONSUME(T.From);
    this.CONSUME(T.Region);
    this.SUBRULE(this.name, { LABEL: 'region' });
    this.CONSUME(T.Instance);
    this.SUBRULE2(this.name, { LABEL: 'instance' });
  });

  // atStatement = "at" timestamp ;   (any name is accepted here and checked by the AST builder)
  atStatement = this.RULE('atStatement', () => {
    this.CONSUME(T.At);
    this.SUBRULE(this.name);
  });

  // regionStatement = "region" name ;
  regionStatement = this.RULE('regionStatement', () => {
    this.CONSUME(T.Region);
    this.SUBRULE(this.name);
  });

  // instantRecoveryStatement = "instant" "recovery" ;   (RestoreTable's InstantRecovery: fast table restore)
  instantRecoveryStatement = this.RULE('instantRecoveryStatement', () => {
    this.CONSUME(T.Instant);
    this.CONSUME(T.Recovery);
  });

  // restoreStatement = "restore" "db" name [ "as" name ] [ "except" "db" name { "," name } ] [ block ] ;
  restoreStatement = this.RULE('restoreStatement', () => {
    this.CONSUME(T.Restore);
    this.CONSUME(T.Db);
    this.SUBRULE(this.name, { LABEL: 'source' });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE2(this.name, { LABEL: 'target' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Except);
      this.CONSUME2(T.Db);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE3(this.name, { LABEL: 'exceptDb' }) });
    });
    this.OPTION3(() => this.SUBRULE(this.block));
  });

  // block = "<" { blockItem [ "," ] | stray } ">" ;
  block = this.RULE('block', () => {
    this.CONSUME(T.LAngle);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.tableItem) },
        { ALT: () => this.SUBRULE(this.exceptTableItem) },
        { ALT: () => this.CONSUME(T.Comma) },
        { ALT: () => this.stray(this.CONSUME(T.BlockStray), true) },
      ]);
    });
    this.CONSUME(T.RAngle);
  });

  // tableItem = "table" name [ "as" name ] ;
  tableItem = this.RULE('tableItem', () => {
    this.CONSUME(T.Table);
    this.SUBRULE(this.name, { LABEL: 'source' });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE2(this.name, { LABEL: 'target' });
    });
  });

  // exceptTableItem = "except" "table" name ;
  exceptTableItem = this.RULE('exceptTableItem', () => {
    this.CONSUME(T.Except);
    this.CONSUME(T.Table);
    this.SUBRULE(this.name);
  });

  // name = NAME | BACKQUOTED | TIMESTAMP | keyword ;   (keywords are not reserved, but a statement
  // keyword that starts a line starts a statement: `from backup` at the end of a line is missing
  // its id, it does not take the `restore` of the next line as one)
  name = this.RULE('name', () => {
    this.OR([{ GATE: () => !startsStatement(this.LA(1)), ALT: () => this.CONSUME(T.NameLike) }]);
  });
}

let instance: RestoreParser | undefined;
let strictInstance: RestoreParser | undefined;

/** The parser instance, with error recovery. Grammar validation runs in the test suite
 *  (`validateGrammar`), not at every CLI start. */
export function getParser(): RestoreParser {
  instance ??= new RestoreParser(true);
  return instance;
}

/** The parser without error recovery: built without Chevrotain's follow sets (1-2 ms at start). */
function getStrictParser(): RestoreParser {
  strictInstance ??= new RestoreParser(true, PRECOMPUTED_GAST, false);
  return strictInstance;
}

/** Builds a parser with Chevrotain's grammar validations on; throws if the grammar is ambiguous. */
export function validateGrammar(): RestoreParser {
  return new RestoreParser(false, undefined);
}

/** A parser built from `recorded` productions, or recording them itself (undefined), and from
 *  `lookahead` paths, or computing them (undefined): for tests. */
export function parserWith(recorded: RecordedGrammar | undefined, lookahead?: RecordedLookahead): RestoreParser {
  return new RestoreParser(true, recorded, true, lookahead);
}

/** The productions chevrotain records for this grammar, as data: the build embeds them. */
export function recordedGrammar(): RecordedGrammar {
  return serializeGrammarRules(new RestoreParser(true, undefined).getGAstProductions());
}

/**
 * The lookahead paths chevrotain computes for the grammar (lookahead-cache.ts), for the build:
 * recorded while both parsers are built (with and without recovery), so the data holds every
 * path either asks for. Needs a chevrotain patched to call the hook (scripts/chevrotain-patches.mjs).
 */
export function recordedLookahead(): RecordedLookahead {
  return recordLookahead(() => {
    new RestoreParser(true, undefined, true, undefined);
    new RestoreParser(true, undefined, false, undefined);
  });
}

export interface TokensParse {
  cst: CstNode;
  errors: IRecognitionException[];
  /** The stray tokens in the tree, in the order of the text. */
  strays: StrayToken[];
  /** Set when the parse stopped at MAX_SYNTAX_ERRORS: the offset where it stopped. */
  stoppedAt?: number;
}

/**
 * Parses a token stream. A spec without syntax errors parses to the same tree with or without
 * error recovery, and a parser without it starts faster (Chevrotain computes no follow sets for
 * it), so until some input has had an error the parser without recovery goes first; only input
 * it finds an error in is parsed again by the recovering parser, for all its errors and the
 * partial tree. From then on (an editor's documents are often mid-edit) the recovering parser
 * goes first and alone. `strictFirst` overrides the choice (tests compare both routes).
 */
export function parseTokens(tokens: IToken[], source = '', strictFirst = instance === undefined): TokensParse {
  if (strictFirst) {
    const parser = getStrictParser();
    text = source;
    strays = [];
    parser.input = tokens;
    try {
      const cst = parser.document();
      if (parser.errors.length === 0) return { cst, errors: [], strays };
    } finally {
      budget = Infinity;
      text = '';
      strays = [];
    }
  }
  return parseRecovering(tokens, source);
}

function parseRecovering(tokens: IToken[], source: string): TokensParse {
  const parser = getParser();
  budget = MAX_SYNTAX_ERRORS;
  text = source;
  strays = [];
  parser.input = tokens;
  try {
    const cst = parser.document();
    return { cst, errors: parser.errors, strays };
  } catch (e) {
    if (!(e instanceof TooManyErrors)) throw e;
    // The tree of the stopped parse is lost with the exception: parse again only the tokens
    // before the last error recorded (same errors, at most twice the work), for the partial tree.
    const errors = parser.errors;
    const at = tokens.indexOf(errors[errors.length - 1]!.token);
    const cut = at === -1 ? tokens.length : at; // -1: the error was at the end of the file
    budget = Infinity;
    strays = [];
    parser.input = tokens.slice(0, cut);
    const cst = parser.document();
    return { cst, errors, strays, stoppedAt: cut < tokens.length ? tokens[cut]!.startOffset : (tokens[cut - 1]?.endOffset ?? -1) + 1 };
  } finally {
    budget = Infinity;
    text = '';
    strays = [];
  }
}

export type { RestoreParser };
