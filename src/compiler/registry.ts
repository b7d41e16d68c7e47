// Collects plan entries and refuses collisions: two sources restored to one target, at
// database level (two databases into one) and at table level (two tables into one name).
// Names compare as the instance compares them (case-insensitively when it ignores case).
import { error, type Diagnostic, type Span } from '../grammar/index.ts';
import { foldName, showName } from './names.ts';
import type { PlanDatabase, PlanTable } from './plan.ts';

interface Claim {
  source: string;
  origin: Span;
}

interface Entry extends PlanDatabase {
  /** The targets of its tables, made when a table is added one by one (see adopt). */
  claims: Map<string, Claim> | undefined;
}

/** After this many collisions from one spec item, the rest are counted, not listed. */
const MAX_COLLISIONS_PER_ITEM = 5;

export class PlanRegistry {
  readonly #ci: boolean;
  readonly #entries: Entry[] = [];
  readonly #byPair = new Map<string, Entry>();
  readonly #dbTargets = new Map<string, Claim>();
  readonly #perItem = new Map<number, number>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(caseInsensitive: boolean) {
    this.#ci = caseInsensitive;
  }

  #collision(origin: Span, message: string, related: Span, relatedMessage: string, help?: string): void {
    const n = (this.#perItem.get(origin.start) ?? 0) + 1;
    this.#perItem.set(origin.start, n);
    if (n <= MAX_COLLISIONS_PER_ITEM) {
      this.diagnostics.push(error('plan/target-collision', message, origin, { related: [{ span: related, message: relatedMessage }], ...(help ? { help } : {}) }));
    } else if (n === MAX_COLLISIONS_PER_ITEM + 1) {
      this.diagnostics.push(error('plan/target-collision', 'more sources of this item collide with other targets; only the first ones are shown', origin));
    }
  }

  /** The entry restoring database `source` as `target`, or undefined after reporting a collision. */
  database(source: string, target: string, origin: Span, fixedTarget: boolean): Entry | undefined {
    const key = foldName(target, this.#ci);
    const claim = this.#dbTargets.get(key);
    if (claim && claim.source !== source) {
      this.#collision(origin, `databases ${showName(claim.source)} and ${showName(source)} would both be restored into database ${showName(target)}`, claim.origin, `${showName(claim.source)} is restored into ${showName(target)} here`,
        fixedTarget ? 'the target has no `*` or `{name}`, so every database the source matches gets the same name: add a wildcard to the target' : 'give each source database its own target');
      return undefined;
    }
    if (!claim) this.#dbTargets.set(key, { source, origin });
    const pair = `${source}\u0000${key}`;
    let entry = this.#byPair.get(pair);
    if (!entry) {
      entry = { source, target, origin, whole: false, tables: [], claims: undefined };
      this.#byPair.set(pair, entry);
      this.#entries.push(entry);
    }
    return entry;
  }

  /** Adds one table; reports a collision or a duplicate instead when there is one. */
  table(entry: Entry, row: PlanTable, fixedTarget: boolean): void {
    const { source, target, origin } = row;
    const key = foldName(target, this.#ci);
    const claims = (entry.claims ??= this.#claimsOf(entry.tables));
    const claim = claims.get(key);
    if (claim) {
      if (claim.source === source) {
        this.diagnostics.push({
          code: 'plan/duplicate-table',
          severity: 'warning',
          message: `table ${showName(entry.source)}.${showName(source)} is already restored as ${showName(target)}; it is listed once`,
          span: origin,
          related: [{ span: claim.origin, message: 'first asked for here' }],
        });
        return;
      }
      this.#collision(origin, `tables ${showName(entry.source)}.${showName(claim.source)} and ${showName(entry.source)}.${showName(source)} would both be restored as ${showName(entry.target)}.${showName(target)}`, claim.origin, `${showName(claim.source)} is restored as ${showName(target)} here`,
        fixedTarget ? 'the target has no `*` or `{name}`, so every table the source matches gets the same name: add a wildcard to the target' : 'give each source table its own target');
      return;
    }
    // The plan row doubles as the claim: no second object per table (this runs per table).
    claims.set(key, row);
    entry.tables.push(row);
  }

  /** The claims of tables added without them (adopt): each row claims its target. */
  #claimsOf(tables: readonly PlanTable[]): Map<string, Claim> {
    const claims = new Map<string, Claim>();
    for (const row of tables) claims.set(foldName(row.target, this.#ci), row);
    return claims;
  }

  /** Whether nothing has been added to the entry yet. */
  isEmpty(entry: Entry): boolean {
    return entry.tables.length === 0 && !entry.whole;
  }

  /**
   * Gives an empty entry the tables of another, which were added to it one by one without a
   * diagnostic: the same rows added one by one to this entry would be added alike, without one
   * (whether rows collide or repeat depends on the rows alone, in an entry that had none). A
   * sharded schema's databases get the same rows, so each database after the first is one copy.
   */
  adopt(entry: Entry, from: Entry): void {
    entry.tables = from.tables.slice();
  }

  markWhole(entry: Entry): void {
    entry.whole = true;
  }

  /** The plan's databases, without the bookkeeping. */
  databases(): PlanDatabase[] {
    return this.#entries.map(({ claims: _claims, ...db }) => db);
  }
}
