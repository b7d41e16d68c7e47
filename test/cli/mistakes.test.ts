// The mistakes corpus through the real door: `restorec lint` on a sample of the fixtures, with
// their snapshot beside them and their config, prints exactly the golden that
// test/lint/mistakes.test.ts checks in-process (and the corpus runs through the CLI's parse options).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restorec, tempDir } from '../helpers/cli.ts';
import { MISTAKES, NOW } from '../helpers/mistakes.ts';

const all = readdirSync(MISTAKES).filter((f) => f.endsWith('.restore')).sort();
// Every fifth fixture, and those that need a snapshot or a config: a spread of every kind.
const sample = all.filter((f, i) => i % 5 === 0 || /^# (inventory|config):/m.test(readFileSync(join(MISTAKES, f), 'utf8')));

test('the sample is a spread of the corpus', () => {
  assert.ok(sample.length >= 25, String(sample.length));
});

for (const file of sample) {
  test(`restorec lint ${file}`, () => {
    const dir = tempDir();
    const text = readFileSync(join(MISTAKES, file), 'utf8');
    writeFileSync(join(dir, file), text);
    const inv = /^# inventory: (.*)$/m.exec(text)?.[1];
    if (inv) copyFileSync(join(MISTAKES, `${inv}.inventory.json`), join(dir, file.replace(/\.restore$/, '.inventory.json')));
    const config = /^# config: (.*)$/m.exec(text)?.[1];
    if (config) writeFileSync(join(dir, 'restorec.config.json'), config);
    // TZ=UTC: this machine's zone is not named (as on a CI runner).
    const r = restorec(['lint', '--no-live', '--now', NOW.toISOString(), file], { cwd: dir, env: { TZ: 'UTC' } });
    assert.ok(r.status === 0 || r.status === 1, `${r.status}: ${r.stderr}`);
    assert.fixture(r.stdout, readFileSync(join(MISTAKES, file.replace(/\.restore$/, '.txt')), 'utf8'));
  });
}

test.run();
