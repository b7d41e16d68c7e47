// What is on the instance now, table by table: no RDS API lists tables, so they come from
// information_schema over a SQL connection (mysql2). Names are read exactly as the server stores
// them (case, commas, backquotes and all); nothing is filtered out. The password never leaves
// this module: every message quotes the URL redacted.
import type { CurrentDatabase, Inventory } from '../compiler/index.ts';
import { redact, registerSecret } from '../cloud/redact.ts';

export class MysqlError extends Error {
  override readonly name = 'MysqlError';
}

/** Schemas and their tables (base tables and views: a view's name blocks a target as much). */
export type CurrentTables = Map<string, string[]>;

export interface MysqlTarget {
  url: string;
  connectTimeoutMs?: number;
}

const EXPECTED = 'expected mysql://USER:PASSWORD@HOST:PORT/, with special characters in the password percent-encoded';

const KNOWN_SCHEMES = new Set(['mysqlx', 'mariadb', 'jdbc', 'postgres', 'postgresql', 'sqlserver', 'mongodb', 'redis', 'http', 'https', 'tcp', 'unix', 'file']);

/**
 * What a string that is not a mysql:// URL looks like, in words that quote none of it (any part
 * may be a password): the forms people paste from other tools.
 */
function describeForm(url: string): string {
  if (/@(tcp|unix)\(/.test(url)) return 'this looks like a Go driver DSN (USER:PASSWORD@tcp(HOST:PORT)/), which restorec does not read';
  if (/(^|\s)(password|pwd|host|user)\s*=/i.test(url)) return 'this looks like a key=value connection string, which restorec does not read';
  if (/^mysql:(?!\/\/)/i.test(url)) return 'it starts with `mysql:` but not `mysql://`';
  const scheme = /^([a-z][a-z0-9+.-]{0,20}):\/\//i.exec(url)?.[1];
  // Named only when it is a scheme people use: any other "scheme" may be a pasted password.
  if (scheme && KNOWN_SCHEMES.has(scheme.toLowerCase())) return `its scheme is \`${scheme.toLowerCase()}:\`, not \`mysql:\``;
  if (scheme) return 'its scheme is not `mysql:`';
  return 'it is not a URL';
}

/**
 * Parses `mysql://user:password@host:port/`. Nothing of the input is ever quoted back: every
 * form is either parsed (the password registered as a secret at once, encoded and decoded) or
 * refused with a message naming its shape only. The whole string is registered as a secret
 * first, so even a message built elsewhere from it is redacted.
 */
export function parseMysqlUrl(url: string): { host: string; port: number; user: string; password: string } {
  registerSecret(url);
  if (!/^mysql:\/\//i.test(url)) throw new MysqlError(`the MySQL connection string is not a MySQL URL: ${describeForm(url)} (${EXPECTED})`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // An unencoded `#`, `/`, `?` or `@` in the password is the usual cause.
    throw new MysqlError(`the MySQL URL does not parse (${EXPECTED})`);
  }
  registerSecret(u.password);
  let password: string;
  let user: string;
  try {
    password = decodeURIComponent(u.password);
    user = decodeURIComponent(u.username);
  } catch {
    throw new MysqlError(`the MySQL URL has a \`%\` that is not followed by two hex digits in its user or password (${EXPECTED}; write \`%25\` for \`%\`)`);
  }
  registerSecret(password);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new MysqlError(`the MySQL URL names no host (${EXPECTED})`);
  return { host, port: u.port ? Number(u.port) : 3306, user, password };
}

/** The URL as messages show it: built from its parts, without the password (never redacted text,
 *  which a password holding `@` or `/` could slip through). */
function describeTarget(c: { host: string; port: number; user: string }): string {
  const host = c.host.includes(':') ? `[${c.host}]` : c.host;
  return `mysql://${encodeURIComponent(c.user)}@${host}:${c.port}/`;
}

export async function readCurrentTables(target: MysqlTarget): Promise<CurrentTables> {
  const c = parseMysqlUrl(target.url);
  const where = describeTarget(c);
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
