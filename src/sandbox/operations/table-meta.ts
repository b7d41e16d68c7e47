// Reading RestoreTable's TableMeta: JSON text → typed entries, or the contract's
// InvalidParamTableMeta ("null or not json format").
import { ApiError } from '../errors.ts';

export interface MetaTable {
  name: string;
  newname: string;
}

export interface MetaDatabase {
  name: string;
  newname: string;
  /** Absent: the whole database (PostgreSQL form; for MySQL UNCONFIRMED, see Behaviour). */
  tables?: MetaTable[];
}

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function entry(v: unknown, type: 'db' | 'table'): { name: string; newname: string; rec: Record<string, unknown> } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ApiError('InvalidParamTableMeta', `A ${type} entry is not an object.`);
  const rec = v as Record<string, unknown>;
  if (rec['type'] !== type) throw new ApiError('InvalidParamTableMeta', `Expected "type":"${type}".`);
  if (!isName(rec['name']) || !isName(rec['newname'])) throw new ApiError('InvalidParamTableMeta', `A ${type} entry needs string "name" and "newname".`);
  return { name: rec['name'], newname: rec['newname'], rec };
}

export function parseTableMeta(text: string): MetaDatabase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError('InvalidParamTableMeta');
  }
  if (!Array.isArray(data) || data.length === 0) throw new ApiError('InvalidParamTableMeta', 'TableMeta must be a non-empty JSON array.');
  return data.map((d) => {
    const { name, newname, rec } = entry(d, 'db');
    const tables = rec['tables'];
    if (tables === undefined) return { name, newname };
    if (!Array.isArray(tables)) throw new ApiError('InvalidParamTableMeta', '"tables" must be an array.');
    return { name, newname, tables: tables.map((t) => entry(t, 'table')).map(({ name: n, newname: nn }) => ({ name: n, newname: nn })) };
  });
}

/** Table entries of a TableMeta (a db entry without `tables` counts none: it is a database restore). */
export function countTableEntries(meta: readonly MetaDatabase[]): number {
  return meta.reduce((n, d) => n + (d.tables?.length ?? 0), 0);
}
