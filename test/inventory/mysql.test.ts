// The current tables from a real MariaDB's information_schema: names that need quoting, mixed
// case, commas, backquotes, empty schemas; redacted errors; and the merge with the API's list.
// needs-debian-package: mariadb-server mariadbd
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createConnection } from 'mysql2/promise';
import { readCurrentTables, withCurrentTables, MysqlError } from '../../src/inventory/index.ts';
import type { Inventory } from '../../src/compiler/index.ts';
import { startMariaDb } from './mariadb.ts';

const q = (name: string) => '`' + name.replace(/`/g, '``') + '`';

test('reads every schema and table exactly, quoting and case included', async () => {
  const db = await startMariaDb();
  try {
    const c = await createConnection({ host: '127.0.0.1', port: db.port, user: 'root' });
    try {
      for (const s of ['Mixed Case', 'shop', 'empty_db', 'we,ird`db']) await c.query(`CREATE DATABASE ${q(s)}`);
      for (const [s, t] of [['Mixed Case', 'Orders'], ['Mixed Case', 'orders 2024'], ['shop', 'a,b'], ['shop', 'back`tick'], ['we,ird`db', 'Ünïcode']]) await c.query(`CREATE TABLE ${q(s!)}.${q(t!)} (id INT)`);
      await c.query('CREATE VIEW shop.v AS SELECT 1 AS x');
    } finally {
      await c.end();
    }
    const tables = await readCurrentTables({ url: db.url('anyone', 'Pa55-word-secret') });
    assert.equal(tables.get('Mixed Case'), ['Orders', 'orders 2024']);
    assert.equal(tables.get('shop'), ['a,b', 'back`tick', 'v']);
    assert.equal(tables.get('empty_db'), []);
    assert.equal(tables.get('we,ird`db'), ['Ünïcode']);
    assert.ok(tables.has('information_schema'), 'nothing is filtered out silently');

    const inv = { version: 1, instance: {}, contents: [], current: { Databases: [{ DBName: 'shop', Tables: 'unknown' }, { DBName: 'hidden', Tables: 'unknown' }] } } as unknown as Inventory;
    const merged = withCurrentTables(inv, tables).current!.Databases;
    assert.equal(merged.find((d) => d.DBName === 'shop')?.Tables, ['a,b', 'back`tick', 'v']);
    assert.is(merged.find((d) => d.DBName === 'hidden')?.Tables, 'unknown');
    assert.equal(merged.find((d) => d.DBName === 'Mixed Case')?.Tables, ['Orders', 'orders 2024']);
  } finally {
    await db.close();
  }
});

test('a failed connection names the server, never the password', async () => {
  const err = await readCurrentTables({ url: 'mysql://u:TopSecretPw123@127.0.0.1:1/', connectTimeoutMs: 2000 }).catch((e) => e);
  assert.instance(err, MysqlError);
  assert.match(err.message, /cannot connect to mysql:\/\/u:\*\*\*@127\.0\.0\.1:1\//);
  assert.not.ok(String(err.message).includes('TopSecretPw123'));
});

test.run();
