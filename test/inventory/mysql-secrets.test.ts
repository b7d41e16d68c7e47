// A database password is never printed, whatever form the connection string takes: each form
// below, holding a known password, is given to the commands that read one (`inventory pull`,
// `apply`; as --mysql-url and as RESTOREC_MYSQL_URL, with --verbose), against an in-process
// sandbox, and every byte they print is searched for the password. (Issue 10, finding 2.)
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import type { Inventory } from '../../src/compiler/index.ts';
import { parseMysqlUrl, MysqlError } from '../../src/inventory/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { cli, workspace } from '../apply/helpers.ts';
import { hasStackTrace } from '../helpers/cli.ts';

const PW = 'Pw-9f3Kq7-never-print';
const ID = 'rm-uf6wjk5xxxxxxxxxx';

/** Each form, and what restorec must say about it (never the password). */
const forms: [name: string, url: string, said: RegExp][] = [
  ['URL, server unreachable', `mysql://root:${PW}@127.0.0.1:1/`, /cannot connect to mysql:\/\/root(:\*\*\*)?@127\.0\.0\.1:1\//],
  ['URL with @ / # ? in the encoded password', `mysql://root:${encodeURIComponent(`${PW}@/#?`)}@127.0.0.1:1/`, /cannot connect to mysql:\/\/root(:\*\*\*)?@127\.0\.0\.1:1\//],
  ['URL with an unencoded @ in the password', `mysql://root:${PW}@x@127.0.0.1:1/`, /cannot connect to mysql:\/\/root(:\*\*\*)?@127\.0\.0\.1:1\//],
  ['mysql: without //', `mysql:root:${PW}@localhost`, /starts with `mysql:` but not `mysql:\/\/`/],
  ['Go DSN', `root:${PW}@tcp(127.0.0.1:3306)/`, /looks like a Go driver DSN/],
  ['key=value', `host=127.0.0.1 user=root password=${PW}`, /looks like a key=value connection string/],
  ['malformed percent-encoding', `mysql://root:${PW}%zz@127.0.0.1:1/`, /a `%` that is not followed by two hex digits/],
  ['another scheme', `postgres://root:${PW}@127.0.0.1/`, /its scheme is `postgres:`/],
  ['unencoded # in the password', `mysql://root:${PW}#x@127.0.0.1:1/`, /does not parse/],
];

/** The password, and pieces of it long enough to recognise (a partial redaction leaks too). */
const pieces = [PW, 'Pw-9f3Kq7', '9f3Kq7-never', 'never-print'];

function assertSilent(name: string, out: string): void {
  for (const p of pieces) assert.not.ok(out.includes(p), `${name}: printed ${JSON.stringify(p)}:\n${out}`);
  assert.not.ok(hasStackTrace(out), `${name}: a stack trace:\n${out}`);
}

test('parseMysqlUrl parses a URL or refuses the other forms, quoting none of them', () => {
  for (const [name, url, said] of forms) {
    let message = '';
    try {
      parseMysqlUrl(url);
    } catch (e) {
      assert.instance(e, MysqlError, name);
      message = (e as Error).message;
    }
    if (!name.startsWith('URL')) assert.match(message, said, name);
    assertSilent(name, message);
  }
  assert.equal(parseMysqlUrl(`mysql://root:${encodeURIComponent(`${PW}@/#?`)}@[::1]:3307/`), { host: '::1', port: 3307, user: 'root', password: `${PW}@/#?` });
});

test('inventory pull and apply, with the flag and the environment variable: the password is never printed', async () => {
  const seed = JSON.parse(readFileSync('examples/seed-backup-set.inventory.json', 'utf8')) as Inventory;
  const sb = await startSandbox({ inventories: [seed] });
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: sb.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sb.accessKeySecret, RESTOREC_ENDPOINT: sb.endpoint };
  try {
    const dir = workspace();
    for (const [i, [name, url, said]] of forms.entries()) {
      // Every form through both commands and both ways of giving it; all four combinations for
      // the first forms (each run is a process: all four for all forms doubled the test's time).
      const runs = [
        await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', '-', '--verbose', '--mysql-url', url], env, dir),
        await cli(['apply', '--yes', 'seed-backup-set.restore'], { ...env, RESTOREC_MYSQL_URL: url }, dir),
      ];
      if (i < 3) {
        runs.push(await cli(['inventory', 'pull', '--instance', ID, '--backup', '9026262', '-o', '-'], { ...env, RESTOREC_MYSQL_URL: url }, dir));
        runs.push(await cli(['apply', '--yes', '--verbose', 'seed-backup-set.restore', '--mysql-url', url], env, dir));
      }
      for (const r of runs) {
        assert.is(r.status, 2, `${name}: ${r.stderr}`);
        assert.match(r.stderr, said, name);
        assertSilent(name, r.stdout + r.stderr);
      }
    }
    assert.is(sb.control.calls().counts['RestoreTable'], undefined, 'nothing was restored');
  } finally {
    await sb.close();
  }
});

test.run();
