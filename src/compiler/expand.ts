// Expansion: the restore statements of a spec, resolved against a backup's contents, become
// plan entries (source → target with origin spans). Database and table names are matched
// separately; every pattern is compiled once; exact names are hash lookups.
import { closest, error, writeExactName, type BlockItem, type Diagnostic, type NameNode, type RestoreStatement, type Span, type TableItem } from '../grammar/index.ts';
import { compileName, isDiagnostic, type NameMatcher, type PatternName } from './glob.ts';
import type { ContentDatabase } from './inventory.ts';
import { ContentsIndex, ExactItem, ListScanner, MAX_MASKED_PATTERNS, matchNames, type ScanItem, type ScannerCache } from './lookup.ts';
import { foldName, isUnusualName, nameProblem, showName, unusualCharacter, unusualName, unusualTableCharacter } from './names.ts';
import type { PlanDatabase, PlanTable } from './plan.ts';
import { PlanRegistry } from './registry.ts';
import { applyTemplate, targetTemplate, type Template } from './template.ts';

const warning = (code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): Diagnostic => ({ code, severity: 'warning', message, span, ...extra });

interface CompiledItem {
  item: TableItem;
  matcher: NameMatcher;
  /** The item's place in the statement's ListScanner (-1: an exact name looked up with ContentsIndex.findTables). */
  slot: number;
  template: Template | undefined;
  matched: number;
  excluded: number;
  badTargets: number;
  /** What the pattern keeps of each distinct table list (see ContentsIndex.tableList). */
  byList: Map<readonly string[], Kept>;
  /** The scanner's last answer for this pattern and what was kept of it: the scanner hands the
   *  same array to consecutive lists in which the pattern matches the same names. */
  lastMatched: readonly string[] | undefined;
  lastKept: Kept | undefined;
  /** What each source name becomes, across lists: sharded schemas repeat the same table names in
   *  thousands of otherwise distinct lists (at most PLANNED_NAMES names: bounded memory). */
  bySource: Map<string, Planned>;
}

const PLANNED_NAMES = 1 << 16;

interface Kept {
  /** Sorted; shared by every database with this table list, so never modified. */
  sources: readonly string[];
  /** What each source becomes (see planSource). */
  planned: readonly Planned[];
  /** Matched, but removed by `except table`. */
  excluded: number;
  /** Whether a source is a name a reviewer may misread (see isUnusualName). */
  unusual: boolean;
}

/** One source of an item, worked out once per distinct table list. */
interface Planned {
  source: string;
  /** Undefined when the wildcards cannot be captured. Shared by every database with the list
   *  (the plan's rows are read, never modified): one object, not one per database. */
  row: PlanTable | undefined;
  /** Why the target cannot be a MySQL name. */
  problem: string | undefined;
  /** isUnusualName(source), worked out with the rest once per source. */
  unusual: boolean;
  /** [this]: an exact name's plan, the same array for every database that has the table. */
  alone: readonly Planned[];
}

/** A name written in the spec that MySQL accepts but a reviewer may misread (see unusualCharacter). */
export function unusualExactName(node: NameNode, what: string): Diagnostic | undefined {
  const why = what.endsWith('table') ? unusualTableCharacter(node.value) : unusualCharacter(node.value);
  return why ? warning('expand/unusual-name', `the ${what} name ${showName(node.value)} ${why}`, node.span, { help: 'check the name; if it is right, suppress this warning with a comment saying why' }) : undefined;
}

const NO_CAPTURES: readonly string[] = [];

function planSource(ci: CompiledItem, source: string): Planned {
  const known = ci.bySource.get(source);
  if (known) return known;
  const planned = planAnew(ci, source);
  if (ci.bySource.size < PLANNED_NAMES) ci.bySource.set(source, planned);
  return planned;
}

function planAnew({ item, matcher, template }: CompiledItem, source: string): Planned {
  let target: string | undefined = source;
  if (template) {
    const captures = template.slots > 0 && matcher.kind === 'pattern' ? matcher.capture(source) : NO_CAPTURES;
    target = captures && applyTemplate(template, source, captures);
  }
  const unusual = isUnusualName(source, true);
  const planned: Planned = target === undefined ? { source, row: undefined, problem: undefined, unusual, alone: [] } : { source, row: { source, target, origin: item.span }, problem: nameProblem(target), unusual, alone: [] };
  planned.alone = [planned];
  return planned;
}

type Entry = NonNullable<ReturnType<PlanRegistry['database']>>;

/** What #block added to a database's entry: each item's plan, and whether every planned row went in without a diagnostic into an entry that was empty. */
interface Added {
  plans: (readonly Planned[] | undefined)[];
  entry: Entry;
  clean: boolean;
}

interface CompiledExcept {
  node: NameNode;
  matcher: NameMatcher;
  used: boolean;
}

export class Expander {
  readonly #index: ContentsIndex;
  readonly #ci: boolean;
  /** E.g. `backup 9026262`: how messages name the backup contents. */
  readonly #label: string;
  readonly #registry: PlanRegistry;
  readonly #diagnostics: Diagnostic[] = [];
  /** Scanners shared with the other specs of the run, if it shares them. */
  readonly #scanners: ScannerCache | undefined;

  constructor(index: ContentsIndex, label: string, scanners?: ScannerCache) {
    this.#index = index;
    this.#scanners = scanners;
    this.#ci = index.caseInsensitive;
    this.#label = label;
    this.#registry = new PlanRegistry(this.#ci);
  }

  result(): { databases: PlanDatabase[]; diagnostics: Diagnostic[] } {
    return { databases: this.#registry.databases(), diagnostics: [...this.#diagnostics, ...this.#registry.diagnostics] };
  }

  #compile(node: NameNode, what: 'database' | 'table'): NameMatcher | undefined {
    const m = compileName(node, this.#ci, what);
    if (isDiagnostic(m)) {
      this.#diagnostics.push(m);
      return undefined;
    }
    return m;
  }

  #template(target: NameNode | undefined, source: NameMatcher): Template | undefined | false {
    if (!target) return undefined;
    const t = targetTemplate(target, source);
    if ('severity' in t) {
      this.#diagnostics.push(t);
      return false;
    }
    return t;
  }

  #excepted(name: string, excepts: CompiledExcept[]): boolean {
    let hit = false;
    for (const e of excepts) {
      const m = e.matcher;
      if (m.kind === 'exact' ? foldName(m.name, this.#ci) === foldName(name, this.#ci) : m.test(name)) {
        e.used = true;
        hit = true;
      }
    }
    return hit;
  }

  #warnUnusual(pattern: PatternName, names: readonly string[], what: string): void {
    const table = what === 'table';
    const isUnusual = (n: string) => isUnusualName(n, table);
    if (!names.some(isUnusual)) return; // the usual case, without a new array per database
    const unusual = names.filter(isUnusual);
    const shown = unusual.slice(0, 3).map((n) => `${showName(n)} (which ${unusualName(n, table)})`).join(', ') + (unusual.length > 3 ? ` and ${unusual.length - 3} more` : '');
    this.#diagnostics.push(warning('expand/unusual-name', `the ${what} pattern \`${pattern.node.value}\` also matches ${shown}`, pattern.node.span, {
      help: `add \`except ${what === 'database' ? 'db' : 'table'} NAME\` for each one that should not be restored`,
    }));
  }

  #warnUnusualExact(node: NameNode, what: string): void {
    const d = unusualExactName(node, what);
    if (d) this.#diagnostics.push(d);
  }

  #databases(r: RestoreStatement, matcher: NameMatcher, excepts: CompiledExcept[]): { db: ContentDatabase; captures: string[] }[] {
    const all = this.#index.databases;
    if (matcher.kind === 'exact') {
      const found = this.#index.findDatabases(matcher.name);
      if (found.length === 0) {
        const guess = closest(matcher.name, all.map((d) => d.Database));
        this.#diagnostics.push(error('expand/unknown-database', `database ${showName(matcher.name)} is not in ${this.#label}`, matcher.node.span, guess ? { help: `did you mean ${showName(guess)}?`, fix: { span: matcher.node.span, text: writeExactName(guess) } } : {}));
        return [];
      }
      if (found.length > 1) {
        this.#diagnostics.push(error('expand/ambiguous-name', `database ${showName(matcher.name)} matches ${found.map((d) => showName(d.Database)).join(' and ')}, which differ only by case`, matcher.node.span, { help: 'backquote the exact spelling' }));
        return [];
      }
      const db = found[0] as ContentDatabase;
      if (this.#excepted(db.Database, excepts)) {
        this.#diagnostics.push(error('expand/no-match', `database ${showName(db.Database)} is excluded by this statement's own \`except db\``, matcher.node.span));
        return [];
      }
      return [{ db, captures: [] }];
    }
    const names = matchNames(matcher, all.map((d) => d.Database));
    const kept = names.filter((n) => !this.#excepted(n, excepts));
    if (kept.length === 0) {
      const why = names.length > 0 ? ` (all ${names.length} databases it matches are excluded by \`except db\`)` : '';
      this.#diagnostics.push(error('expand/no-match', `the database pattern \`${matcher.node.value}\` matches no database in ${this.#label}${why}`, matcher.node.span));
      return [];
    }
    this.#warnUnusual(matcher, kept, 'database');
    const out: { db: ContentDatabase; captures: string[] }[] = [];
    for (const n of kept) {
      // Matching and capturing are one automaton, so a matched name always has its captures; if
      // that ever broke, a target built from empty captures would be wrong silently: say so.
      const captures = matcher.capture(n);
      if (!captures) {
        this.#diagnostics.push(error('template/capture-failed', `cannot tell what the wildcards of \`${matcher.node.value}\` matched in ${showName(n)}`, matcher.node.span, { help: 'simplify the pattern, or name the database exactly' }));
        continue;
      }
      out.push({ db: this.#index.database(n) as ContentDatabase, captures });
    }
    return out;
  }

  /** Expands one `restore db` statement into the registry. */
  restore(r: RestoreStatement): void {
    const dbMatcher = this.#compile(r.source, 'database');
    if (!dbMatcher) return;
    if (dbMatcher.kind === 'exact') this.#warnUnusualExact(r.source, 'database');
    const dbTemplate = this.#template(r.target, dbMatcher);
    if (dbTemplate === false) return;
    if (dbTemplate?.fixed && r.target) this.#warnUnusualExact(r.target, 'target database');
    const excepts: CompiledExcept[] = [];
    for (const node of r.exceptDbs) {
      const matcher = this.#compile(node, 'database');
      if (matcher) excepts.push({ node, matcher, used: false });
    }
    const items: CompiledItem[] = [];
    const patterns: ScanItem[] = [];
    const tableExcepts: CompiledExcept[] = [];
    let broken = false;
    for (const item of r.block?.items ?? ([] as BlockItem[])) {
      const node = item.kind === 'Table' ? item.source : item.pattern;
      const matcher = this.#compile(node, 'table');
      if (!matcher) {
        broken = true;
        continue;
      }
      if (item.kind === 'ExceptTable') tableExcepts.push({ node, matcher, used: false });
      else {
        if (matcher.kind === 'exact') this.#warnUnusualExact(node, 'table');
        const template = this.#template(item.target, matcher);
        if (template === false) broken = true;
        else {
          if (template?.fixed && item.target) this.#warnUnusualExact(item.target, 'target table');
          const slot = matcher.kind === 'pattern' ? patterns.push(matcher) - 1 : -1;
          items.push({ item, matcher, slot, template, matched: 0, excluded: 0, badTargets: 0, byList: new Map(), lastMatched: undefined, lastKept: undefined, bySource: new Map() });
        }
      }
    }
    const dbs = this.#databases(r, dbMatcher, excepts);
    for (const e of excepts) {
      if (!e.used) this.#diagnostics.push(warning('expand/unused-except', `\`except db ${e.node.value}\` excludes nothing: ${dbMatcher.kind === 'exact' ? 'the source is an exact name' : `no database \`${dbMatcher.node.value}\` matches is named so`}`, e.node.span));
    }
    if (broken) return;
    // Over several databases (a sharded schema's table named in a block), exact names are found
    // in the same pass as the patterns when a name's bits hold them all: no scan of their own
    // per database. Otherwise ContentsIndex.findTables looks each up, with an index for a list
    // looked up often (a lint of thousands of specs naming tables of one database: their blocks
    // then differ by their exact names only, and share one scanner of their patterns).
    if (dbs.length > 1 && items.length <= MAX_MASKED_PATTERNS) {
      for (const ci of items) if (ci.matcher.kind === 'exact') ci.slot = patterns.push(new ExactItem(ci.matcher.node, ci.matcher.name, this.#ci)) - 1;
    }
    const scanner = this.#scanners ? this.#scanners.for(patterns, this.#ci) : new ListScanner(patterns, this.#ci);
    let badDbTargets = 0;
    let last: Added | undefined;
    for (const { db, captures } of dbs) {
      const target = dbTemplate ? applyTemplate(dbTemplate, db.Database, captures) : db.Database;
      const problem = nameProblem(target);
      if (problem) {
        if (badDbTargets++ === 0) this.#diagnostics.push(error('names/invalid-target', `the target database name ${showName(target)} (for ${showName(db.Database)}) ${problem}`, (r.target ?? r.source).span));
        continue;
      }
      const entry = this.#registry.database(db.Database, target, r.source.span, dbTemplate?.fixed === true && dbMatcher.kind === 'pattern');
      if (!entry) continue;
      if (!r.block) {
        this.#registry.markWhole(entry);
        if (db.Tables.length === 0) this.#diagnostics.push(warning('expand/empty-database', `database ${showName(db.Database)} has no tables in ${this.#label}; nothing of it is restored`, r.source.span));
        for (const t of this.#index.sortedTables(db)) this.#registry.table(entry, { source: t, target: t, origin: r.source.span }, false);
        continue;
      }
      last = this.#block(items, db, entry, tableExcepts, dbMatcher.kind === 'pattern', scanner, last);
    }
    for (const ci of items) {
      if (ci.matcher.kind === 'pattern' && ci.matched === 0 && dbs.length > 0) {
        const where = dbs.length === 1 ? `database ${showName(dbs[0]!.db.Database)}` : `any of the ${dbs.length} databases \`${r.source.value}\` matches`;
        const why = ci.excluded > 0 ? ` (the ${ci.excluded} tables it matches are excluded by \`except table\`)` : '';
        this.#diagnostics.push(error('expand/no-match', `the table pattern \`${ci.matcher.node.value}\` matches no table in ${where} of ${this.#label}${why}`, ci.matcher.node.span));
      }
    }
    for (const e of tableExcepts) {
      if (!e.used && dbs.length > 0) this.#diagnostics.push(warning('expand/unused-except', `\`except table ${e.node.value}\` excludes nothing: no table a pattern of this block matches is named so`, e.node.span, {
        help: '`except table` removes names from the block\'s patterns; it never removes a table listed by its exact name',
      }));
    }
  }

  /** The tables of `db` a pattern item restores, worked out once per distinct table list. */
  #kept(ci: CompiledItem, matcher: PatternName, db: ContentDatabase, excepts: CompiledExcept[], scanner: ListScanner): Kept {
    const list = this.#index.tableList(db);
    let kept = ci.byList.get(list);
    if (kept) return kept;
    const scanned = ListScanner.usable(list);
    const matched = scanned ? (scanner.scan(list)[ci.slot] as readonly string[]) : this.#index.matchList(list, matcher);
    if (scanned && matched === ci.lastMatched) kept = ci.lastKept as Kept;
    else {
      // #excepted marks the excepts it uses: the same on every database with these matches.
      const sources = excepts.length === 0 ? matched : matched.filter((n) => !this.#excepted(n, excepts));
      const planned = sources.map((n) => planSource(ci, n));
      kept = { sources, planned, excluded: matched.length - sources.length, unusual: planned.some((p) => p.unusual) };
      if (scanned) {
        ci.lastMatched = matched;
        ci.lastKept = kept;
      }
    }
    ci.byList.set(list, kept);
    return kept;
  }

  /**
   * Adds the tables a block restores from `db` to its entry, item by item, and says what was
   * added. The databases of a sharded schema mostly get, item by item, the very same planned rows
   * as the database before (what a pattern keeps is shared across lists that give it the same
   * names, see #kept): when the entry is empty, as the one before was, and the one before took
   * every row of the same plans without a diagnostic, adding them one by one would do the same
   * again, so the entry takes a copy of the rows of the one before instead. Items are still
   * planned in order, each with its own diagnostics; an item whose plan differs (or that says
   * something) ends the shortcut, and the items passed over are added first, in order (they add
   * no diagnostic: their plans added none to the database before).
   */
  #block(items: CompiledItem[], db: ContentDatabase, entry: Entry, excepts: CompiledExcept[], dbIsPattern: boolean, scanner: ListScanner, last: Added | undefined): Added {
    const empty = this.#registry.isEmpty(entry);
    let clean = empty;
    const plans: (readonly Planned[] | undefined)[] = [];
    let following = empty && last !== undefined && last.clean;
    for (let k = 0; k < items.length; k++) {
      const ci = items[k]!;
      const said = this.#diagnostics.length;
      const planned = this.#planned(ci, db, excepts, dbIsPattern, scanner);
      plans.push(planned);
      if (following && planned !== undefined && planned === last!.plans[k] && this.#diagnostics.length === said) continue;
      if (following) {
        following = false;
        for (let j = 0; j < k; j++) clean = this.#add(items[j]!, entry, plans[j]) && clean;
      }
      clean = this.#add(ci, entry, planned) && clean;
    }
    if (following) {
      this.#registry.adopt(entry, last!.entry);
      return { plans, entry, clean: true };
    }
    // Clean: an entry that was empty took every planned row, and nothing was said while adding them.
    return { plans, entry, clean };
  }

  /** The rows an item plans for `db`, or undefined after a diagnostic (an exact name not found or ambiguous). */
  #planned(ci: CompiledItem, db: ContentDatabase, excepts: CompiledExcept[], dbIsPattern: boolean, scanner: ListScanner): readonly Planned[] | undefined {
    const { matcher } = ci;
    if (matcher.kind === 'exact') {
      const list = this.#index.tableList(db);
      let found: readonly string[];
      if (ci.slot < 0 || !ListScanner.usable(list)) found = this.#index.findTables(db, matcher.name);
      else {
        found = scanner.scan(list)[ci.slot] as readonly string[];
        // Several (names that differ only by case) are named in the list's order, as findTables gives them.
        if (found.length > 1) found = list.filter((n) => found.includes(n));
      }
      if (found.length === 0) {
        // A name with a comma reads as several in a backup's table list: no guess is the table.
        const comma = matcher.name.includes(',');
        const guess = comma ? undefined : closest(matcher.name, db.Tables);
        this.#diagnostics.push(error('expand/unknown-table', `table ${showName(matcher.name)} is not in database ${showName(db.Database)} of ${this.#label}`, matcher.node.span, {
          ...(comma ? { help: `a backup lists a table whose name holds \`,\` as several names (DescribeMetaList gives a database's tables as one comma-separated string), so it cannot be found there by its name; a restore of the whole database (\`restore db ${writeExactName(db.Database)} as NEW\`) names no table` } : guess ? { help: `did you mean ${showName(guess)}?`, fix: { span: matcher.node.span, text: writeExactName(guess) } } : dbIsPattern ? { help: 'the database is matched by a pattern: an exact table name must exist in every database it matches' } : {}),
        }));
        return undefined;
      }
      if (found.length > 1) {
        this.#diagnostics.push(error('expand/ambiguous-name', `table ${showName(matcher.name)} matches ${found.map(showName).join(' and ')} in ${showName(db.Database)}, which differ only by case`, matcher.node.span));
        return undefined;
      }
      ci.matched++;
      // One array per source name: databases that find the same table get the same plan.
      return planSource(ci, found[0] as string).alone;
    }
    const kept = this.#kept(ci, matcher, db, excepts, scanner);
    ci.matched += kept.planned.length;
    ci.excluded += kept.excluded;
    if (kept.unusual) this.#warnUnusual(matcher, kept.sources, 'table');
    return kept.planned;
  }

  /** Adds an item's planned rows to the entry (none when it planned none); whether it added every one without a diagnostic. */
  #add(ci: CompiledItem, entry: Entry, planned: readonly Planned[] | undefined): boolean {
    if (planned === undefined) return false;
    const { item, matcher, template } = ci;
    const said = this.#diagnostics.length + this.#registry.diagnostics.length;
    const before = entry.tables.length;
    for (const { source, row, problem } of planned) {
      if (!row) {
        this.#diagnostics.push(error('template/capture-failed', `cannot tell what the wildcards of \`${matcher.node.value}\` matched in ${showName(source)}`, matcher.node.span, { help: 'simplify the pattern, or list the table by its exact name' }));
        return false;
      }
      if (problem) {
        if (ci.badTargets++ === 0) this.#diagnostics.push(error('names/invalid-target', `the target table name ${showName(row.target)} (for ${showName(source)}) ${problem}`, (item.target ?? item.source).span));
        continue;
      }
      this.#registry.table(entry, row, template?.fixed === true && matcher.kind === 'pattern');
    }
    return entry.tables.length - before === planned.length && this.#diagnostics.length + this.#registry.diagnostics.length === said;
  }
}
