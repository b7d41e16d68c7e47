// What is on the instance now, table by table: no RDS API lists tables, so they come from
// information_schema over a SQL connection (mysql2). Names are read exactly as the server stores
// them (case, commas, backquotes and all); nothing is filtered out. The password never leaves
// this module: every message quotes the URL redacted.
import type { CurrentDatabase, Inventory } from '../compiler/index.ts';
import { redact, redactUrls, registerSecret } from '../cloud/redact.ts';

export class MysqlError extends Error {
  override readonly name = 'MysqlError';
}

/** Schemas and their tables (base tables and views: a view's name blocks a target as much). */
export type CurrentTables = Map<string, string[]>;

export interface MysqlTarget {
  url: string;
  connectTimeoutMs?: number;
}

/** Parses `mysql://user:password@host:port/`; registers the password as a secret at once. */
export function parseMysqlUrl(url: string): { host: string; port: number; user: string; password: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // It did not parse, so its password could not be registered as a secret: show nothing of it
    // (an unencoded `#` or `/` in a password is the usual cause).
    throw new MysqlError('the MySQL URL does not parse (expected mysql://USER:PASSWORD@HOST:PORT/; percent-encode special characters in the password)');
  }
  const password = decodeURIComponent(u.password);
  registerSecret(password);
  if (u.protocol !== 'mysql:') throw new MysqlError(`not a MySQL URL: ${redactUrls(url)} (expected mysql://USER:PASSWORD@HOST:PORT/)`);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : 3306, user: decodeURIComponent(u.username), password };
}

export async function readCurrentTables(target: MysqlTarget): Promise<CurrentTables> {
  const c = parseMysqlUrl(target.url);
  const where = redactUrls(target.url);
  let conn;
  try {
    // Loaded only here: a command without a SQL connection never pays for the driver.
    const { createConnection } = await import('mysql2/promise');
    conn = await createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, charset: 'utf8mb4', connectTimeout: target.connectTimeoutMs ?? 10_000 });
  } catch (e) {
    throw new MysqlError(redact(`cannot connect to ${where}: ${(e as Error).message}`));
  }
  try {
    const [schemas] = await conn.query({ sql: 'SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA', rowsAsArray: true });
    const [tables] = await conn.query({ sql: 'SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES', rowsAsArray: true });
    const out: CurrentTables = new Map();
    for (const [s] of schemas as [string][]) out.set(String(s), []);
    for (const [s, t] of tables as [string, string][]) {
      const l = out.get(String(s)) ?? [];
      l.push(String(t));
      out.set(String(s), l);
    }
    for (const l of out.values()) l.sort();
    return out;
  } catch (e) {
    throw new MysqlError(redact(`cannot read information_schema on ${where}: ${(e as Error).message}`));
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/**
 * The inventory with its current tables filled in from SQL. A database the API lists but SQL
 * cannot see stays 'unknown' (no privilege on it); schemas SQL sees that the API does not list
 * (created in SQL, system schemas) are added: a target must not collide with them either.
 */
export function withCurrentTables(inventory: Inventory, tables: CurrentTables): Inventory {
  const listed = inventory.current?.Databases ?? [];
  const names = new Set(listed.map((d) => d.DBName));
  const dbs: CurrentDatabase[] = listed.map((d) => ({ ...d, Tables: tables.get(d.DBName) ?? 'unknown' }));
  for (const [name, t] of [...tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (!names.has(name)) dbs.push({ DBName: name, Tables: t });
  return { ...inventory, current: { Databases: dbs } };
}
