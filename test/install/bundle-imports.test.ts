// bin/restorec.cjs runs every bundle with vm.Script (to hand V8 its code cache), and there a
// dynamic `import()` throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING: the build must leave none
// (scripts/build.mjs: `supported: { 'dynamic-import': false }` makes them deferred requires).
// test/cloud/credentials-cli.test.ts runs the two that were there (the credentials chain, the
// SQL driver) through the built CLI.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function bundles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bundles(join(dir, e.name)) : e.name.endsWith('.cjs') ? [join(dir, e.name)] : []));
}

test('no bundle in dist/ holds a dynamic import()', () => {
  const files = bundles('dist');
  assert.ok(files.length >= 10, `the bundles are built: ${files.join(', ')}`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const at = text.search(/\bimport\s*\(/);
    assert.is(at, -1, `${f}: ${text.slice(Math.max(0, at - 60), at + 60)}`);
  }
});

test.run();
