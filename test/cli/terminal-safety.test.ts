// Names come from specs, snapshots and API answers, and messages quote them. A table named with
// an escape sequence (a colour, a screen clear, a terminal title, a hyperlink), a carriage return
// or a bidi override must show as what it is in every output meant for people, never act on the
// reader's terminal or reorder the line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleText } from '../../src/grammar/visible.ts';
import { describeInternalError } from '../../src/cli/process-guard.ts';
import { restorec, tempDir } from '../helpers/cli.ts';

/** What must never reach a terminal raw (tab and line feed are text). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

test('visibleText writes control, C1, separator and bidi characters as \\uXXXX, and keeps the rest', () => {
  const cases: [string, string][] = [
    ['plain text, tab\tand\nnewline', 'plain text, tab\tand\nnewline'],
    ['\u001b[2J', '\\u001b[2J'],
    ['\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
    ['a\rb', 'a\\u000db'],
    ['\u009b31m', '\\u009b31m'],
    ['ab\u202ecd', 'ab\\u202ecd'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['DEL\u007f', 'DEL\\u007f'],
    ['日本語 ä ✓', '日本語 ä ✓'],
  ];
  for (const [input, shown] of cases) assert.is(visibleText(input), shown, JSON.stringify(input));
});

test('an internal error quoting a hostile text is one safe line', () => {
  const out = describeInternalError(new Error('boom \u001b[2J\u202e'), false);
  assert.not.match(out, UNSAFE);
  assert.match(out, /boom \\u001b\[2J\\u202e/);
});

const HOSTILE = ['evil\u001b[31mred', 'title\u001b]0;pwned\u0007', 'back\rspace', 'csi\u009b2J', 'bidi\u202eab'];

function fixture(): { dir: string; spec: string; inventory: string } {
  const dir = tempDir();
  const spec = join(dir, 'esc.restore');
  const inventory = join(dir, 'esc.inventory.json');
  // Restored under their own names (an error quoting each), and matched by a pattern (a warning).
  writeFileSync(spec, 'instance rm-x\nfrom backup 1\nrestore db shop < table * >\nrestore db crm < table c* as {name}_r >\n');
  writeFileSync(
    inventory,
    JSON.stringify({
      version: 1,
      instance: { DBInstanceId: 'rm-x', Engine: 'MySQL', EngineVersion: '8.0', lower_case_table_names: 0 },
      contents: [{ BackupId: '1', Databases: [{ Database: 'shop', Tables: HOSTILE }, { Database: 'crm', Tables: HOSTILE.map((n) => `c${n}`) }] }],
    }),
  );
  return { dir, spec, inventory };
}

test('lint (stylish and GitHub, with the job summary), compile and plan show hostile names escaped', () => {
  const { dir, spec, inventory } = fixture();
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const runs = {
    stylish: restorec(['lint', spec, '--inventory', inventory]),
    github: restorec(['lint', '--format', 'github', spec, '--inventory', inventory], { env: { GITHUB_STEP_SUMMARY: summary } }),
    compile: restorec(['compile', spec, '--inventory', inventory]),
    plan: restorec(['plan', spec, '--inventory', inventory]),
  };
  for (const [name, r] of Object.entries(runs)) {
    assert.is(r.status, 1, `${name}: ${r.stderr}`);
    const out = r.stdout + r.stderr;
    assert.not.match(out, UNSAFE, `${name} wrote a raw control or bidi character`);
    // The names are there, made visible.
    assert.ok(out.includes('back\\u000dspace'), `${name}: the name shows escaped`);
  }
  assert.match(runs.stylish.stdout, /in-place-restore/);
  assert.match(runs.stylish.stdout, /unusual-name/);
  assert.match(runs.github.stdout, /^::error file=/m);
  const md = readFileSync(summary, 'utf8');
  // Markdown shows `\\` as one backslash: the summary escapes it, and every character Markdown reads.
  assert.ok(md.includes('back\\\\u000dspace'), 'the summary quotes the name escaped');
  assert.not.match(md, UNSAFE);
});

test('the JSON and SARIF formats carry the same messages, escaped once, as valid JSON', () => {
  const { spec, inventory } = fixture();
  const json = restorec(['lint', '--format', 'json', spec, '--inventory', inventory]);
  const messages = (JSON.parse(json.stdout) as { messages: { message: string }[] }[]).flatMap((f) => f.messages.map((m) => m.message));
  // Messages quote names as people read them (showName); JSON adds no second escaping.
  assert.ok(messages.some((m) => m.includes('`back\\u000dspace`')), 'the JSON message quotes the name made visible');
  assert.not.ok(messages.some((m) => UNSAFE.test(m)), 'no message holds a raw control or bidi character');
  const sarif = restorec(['lint', '--format', 'sarif', spec, '--inventory', inventory]);
  const results = (JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map((r) => r.message.text);
  assert.ok(results.some((m) => m.includes('`back\\u000dspace`')), 'SARIF too');
  assert.not.match(sarif.stdout, UNSAFE);
});

test.run();
