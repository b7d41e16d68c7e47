// Target names must not already exist on the instance (InvalidDBName.Duplicate). Compares with
// the instance's current databases and tables, case-folded when lower_case_table_names is 1 or 2.
import { foldName } from '../../compiler/names.ts';
import type { CurrentDatabase } from '../../compiler/inventory.ts';
import { defineRule } from '../rule.ts';

const SHOWN = 5;

/** `shop.a, shop.b and shop.c`, or the first few `and N more`. */
function listNames(db: string, names: string[]): string {
  const shown = names.slice(0, SHOWN).map((n) => `${db}.${n}`);
  if (names.length > SHOWN) return `${shown.join(', ')} and ${names.length - SHOWN} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

interface Existing {
  db: CurrentDatabase;
  /** Its tables' folded names, made when first asked for. */
  tables?: Set<string>;
}

/**
 * The instance's current databases by folded name: made once per inventory and comparison, not
 * once per spec (a lint of thousands of specs shares one snapshot and its current tables).
 * Inventories are not changed once loaded.
 */
const EXISTING = [new WeakMap<object, Map<string, Existing>>(), new WeakMap<object, Map<string, Existing>>()] as const;

function existingOf(current: { Databases: CurrentDatabase[] }, ci: boolean): Map<string, Existing> {
  const cache = EXISTING[ci ? 1 : 0];
  let dbs = cache.get(current);
  if (!dbs) cache.set(current, (dbs = new Map(current.Databases.map((db) => [foldName(db.DBName, ci), { db }]))));
  return dbs;
}

export default defineRule({
  id: 'target-exists',
  description: 'A target table (or a renamed target database) already exists on the instance.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['plan', 'inventory'],
  messages: {
    table: 'target table {{db}}.{{table}} already exists on the instance',
    tables: 'target tables {{tables}} already exist on the instance',
    database: 'target database {{db}} already exists on the instance; restored tables would be added to it',
  },
  predicts: ['InvalidDBName.Duplicate'],
  check(ctx) {
    const current = ctx.inventory!.current;
    if (!current) return; // current-unknown reports this
    const ci = ctx.plan!.caseInsensitive;
    const dbs = existingOf(current, ci);
    for (const db of ctx.plan!.databases) {
      const found = dbs.get(foldName(db.target, ci));
      if (!found) continue;
      const existing = found.db;
      if (foldName(db.target, ci) !== foldName(db.source, ci)) {
        ctx.report({ messageId: 'database', data: { db: db.target }, span: db.origin, help: 'pick a target database name that does not exist yet' });
      }
      if (existing.Tables === 'unknown') continue; // current-unknown reports this
      const tables = (found.tables ??= new Set(existing.Tables.map((t) => foldName(t, ci))));
      // One finding per item of the spec: a pattern whose targets exist is reported once, naming them.
      const byItem = new Map<string, { span: typeof db.origin; names: string[] }>();
      for (const t of db.tables) {
        if (!tables.has(foldName(t.target, ci))) continue;
        const key = `${t.origin.start}:${t.origin.end}`;
        const entry = byItem.get(key) ?? byItem.set(key, { span: t.origin, names: [] }).get(key)!;
        entry.names.push(t.target);
      }
      const help = 'restore under another name (`as ...`), or drop or rename the existing table first';
      for (const { span, names } of byItem.values()) {
        if (names.length === 1) ctx.report({ messageId: 'table', data: { db: db.target, table: names[0]! }, span, help });
        else ctx.report({ messageId: 'tables', data: { tables: listNames(db.target, names) }, span, help });
      }
    }
  },
});
