// The test runner installs the Debian packages test files declare (`needs-debian-package:`)
// when missing, and says what to run when it cannot (not root, no apt-get).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without declarations
import { missingPackages, provision } from '../scripts/provision.mjs';

const fixture = 'test/fixtures/provision/needs.txt';

test('a declared package whose command is on PATH is not missing; one whose command is absent is', () => {
  const missing: Map<string, string[]> = missingPackages([fixture]);
  assert.equal([...missing.keys()], ['no-such-package']);
  assert.equal(missing.get('no-such-package'), [fixture]);
});

test('the test files that start MariaDB and run pre-commit declare them', () => {
  assert.match(readFileSync('test/inventory/mysql.test.ts', 'utf8'), /^\/\/ needs-debian-package: mariadb-server mariadbd$/m);
  assert.match(readFileSync('test/install/pre-commit.test.ts', 'utf8'), /^\/\/ needs-debian-package: pre-commit pre-commit$/m);
});

test('without apt-get it installs nothing and prints the command to run', () => {
  const path = process.env['PATH'];
  const lines: string[] = [];
  try {
    process.env['PATH'] = '/nonexistent';
    const ok = provision(new Map([['no-such-package', [fixture]]]), (s: string) => lines.push(s));
    assert.is(ok, false);
  } finally {
    process.env['PATH'] = path;
  }
  assert.match(lines.join('\n'), /missing system packages: no-such-package \(for test\/fixtures\/provision\/needs\.txt\)/);
  assert.match(lines.join('\n'), /sudo apt-get install -y no-such-package/);
});

test.run();
