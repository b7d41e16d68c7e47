// The version SARIF reports is the package's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { VERSION } from '../src/version.ts';

test('src/version.ts matches package.json', () => {
  assert.is(VERSION, JSON.parse(readFileSync('package.json', 'utf8')).version);
});

test.run();
