// Goldens for each output format on one fixed lint run (two files, errors and warnings, a
// related span), and the SARIF output validated against the SARIF 2.1.0 schema.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from '../../src/grammar/index.ts';
import { lint, type FileResult } from '../../src/lint/lint.ts';
import { rules } from '../../src/lint/registry.ts';
import { formatStylish } from '../../src/lint/formatters/stylish.ts';
import { formatJson } from '../../src/lint/formatters/json.ts';
import { formatSarif } from '../../src/lint/formatters/sarif.ts';
import { escapeData, escapeProperty, formatGithub } from '../../src/lint/formatters/github.ts';
import { formatSummaryMarkdown } from '../../src/lint/formatters/summary.ts';
import { baseInventory } from '../helpers/rule-tester.ts';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { visibleText } from '../../src/grammar/visible.ts';

const require = createRequire(import.meta.url);
const dir = 'test/lint/formatters';
const update = process.env['UPDATE_GOLDENS'] === '1';
const used = rules.filter((r) => ['target-exists', 'instance-status', 'source-missing'].includes(r.id));

function run(): FileResult[] {
  const inventory = baseInventory();
  inventory.instance.DBInstanceStatus = 'Rebooting';
  const specs: [string, string][] = [
    ['specs/a.restore', 'instance rm-test\nfrom backup 1001\n\nrestore db shop <\n  table orders as customers\n  table order as order_bak\n>\n'],
    ['specs/b.restore', 'instance rm-test\nfrom backup 1001\nrestore db crm as crm_r # fine\n'],
    ['specs/c.restore', 'instance rm-test\nfrom backup 1001\nrestor db crm\n'],
  ];
  const inputs = specs.map(([name, text]) => {
    const p = parse(text, name);
    return { source: p.source, document: p.document, diagnostics: p.diagnostics, inventory };
  });
  return lint(inputs, { config: { extends: 'none', rules: { 'target-exists': 'error', 'instance-status': 'warn', 'source-missing': 'error' } }, rules: used, now: new Date('2026-11-20T04:00:00Z') });
}

function golden(name: string, actual: string): void {
  const file = `${dir}/${name}`;
  if (update) writeFileSync(file, actual);
  assert.fixture(actual, readFileSync(file, 'utf8'));
}

const results = run();

test('the fixed run has errors, warnings and a syntax error', () => {
  assert.equal(results.map((r) => [r.errorCount, r.warningCount]), [[2, 1], [0, 1], [1, 0]]);
});

test('stylish', () => golden('expected.stylish.txt', formatStylish(results)));
test('json (ESLint shape)', () => {
  const text = formatJson(results);
  golden('expected.json', text + '\n');
  const parsed = JSON.parse(text);
  for (const r of parsed) {
    assert.type(r.filePath, 'string');
    assert.type(r.errorCount, 'number');
    assert.type(r.warningCount, 'number');
    for (const m of r.messages) {
      assert.ok([1, 2].includes(m.severity));
      for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.type(m[k], 'number');
      assert.ok('ruleId' in m);
    }
  }
});
test('sarif', () => golden('expected.sarif.json', formatSarif(results, used, { cwd: process.cwd(), ruleDoc: (id) => `# ${id}\n\n(the doc page)\n` }).replaceAll(process.cwd(), '/CWD')));
test('github', () => golden('expected.github.txt', formatGithub(results)));
test('step summary', () => golden('expected.summary.md', formatSummaryMarkdown(results)));

test('the step summary shows any message as its text: no link, image, HTML or code span a name could open', () => {
  // GitHub renders the summary as GFM with some HTML; markdown-it with tables and HTML on is the
  // stricter reader here. A message quoting a hostile table name must come out as one cell of text.
  const md = new MarkdownIt('default', { html: true, linkify: false });
  const unit = fc.constantFrom('`', '``', '!', '[', ']', '(', ')', 'x', ' ', '<', '>', '&', '*', '_', '|', '\\', '~', 'img', 'https://e/p.png', '<img src=x>', '&lt;', '\n');
  const base = results[0]!;
  const entities = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  fc.assert(
    fc.property(fc.string({ unit, minLength: 1, maxLength: 10 }), (name) => {
      const message = `table \`${name}\` is not in database \`shop\``;
      const one: FileResult = { ...base, messages: [{ ...base.messages[0]!, message }] };
      const out = md.render(formatSummaryMarkdown([one]));
      const row = /<tbody>\n<tr>\n(?:<td>.*<\/td>\n){4}<td>(.*)<\/td>\n<\/tr>\n<\/tbody>/s.exec(out);
      assert.ok(row, `one row of five cells: ${out}`);
      assert.not.match(row[1]!, /<(?!\/?td)/, 'no element inside the cell');
      assert.is(entities(row[1]!), visibleText(message.replace(/\r?\n/g, ' ')), JSON.stringify(name));
    }),
    { numRuns: 2000 },
  );
});

test('step summary without an inventory: the skipped rules and why, never a bare "No problems found."', () => {
  const inputs = [['specs/a.restore', 'instance rm-test\nfrom backup 1001\nrestore db crm as crm_r\n'], ['specs/b.restore', 'instance rm-test\nfrom backup 1001\nrestore db shop < table orders as orders_r >\n']].map(([name, text]) => {
    const p = parse(text!, name);
    return { source: p.source, document: p.document, diagnostics: p.diagnostics };
  });
  const offline = lint(inputs, { config: { extends: 'recommended' }, rules, now: new Date('2026-11-20T04:00:00Z') });
  assert.ok(offline.every((r) => r.errorCount + r.warningCount === 0 && r.skipped.length > 0));
  const text = formatSummaryMarkdown(offline);
  golden('expected.summary-skipped.md', text);
  assert.not.match(text, /^No problems found\.$/m);
  const skipped = new Set(offline.flatMap((r) => r.skipped.map((s) => s.ruleId)));
  for (const id of skipped) assert.ok(text.includes(`\`${id}\``), `${id} is named`);
  assert.match(text, new RegExp(`^### restorec lint: 0 errors, 0 warnings, ${skipped.size} rules skipped$`, 'm'));
});

test('SARIF output is valid SARIF 2.1.0', () => {
  const Ajv4 = require('ajv-draft-04');
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  const log = JSON.parse(formatSarif(results, rules));
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  assert.is(log.runs[0].tool.driver.rules.length >= rules.length, true);
  assert.ok(log.runs[0].results.every((r: { partialFingerprints: Record<string, string> }) => Object.keys(r.partialFingerprints).length === 1));
});

function sarifValidator() {
  const Ajv4 = require('ajv-draft-04');
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  return new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

test('SARIF of an offline run: URIs from the repository root, help.markdown, the not-a-full-check notice; valid SARIF 2.1.0', () => {
  const inputs = [
    ['/repo/team/specs/a.restore', 'instance rm-test\nfrom backup 1001\nrestore db shop < table order* as {name}_r, table orders as x, table customers as x >\n'],
    ['/elsewhere/b c.restore', 'instance rm-test\nfrom backup 1001\nrestore db crm\n'],
  ].map(([name, text]) => {
    const p = parse(text!, name);
    return { source: p.source, document: p.document, diagnostics: p.diagnostics };
  });
  const offline = lint(inputs, { config: {}, rules, now: new Date('2026-11-20T04:00:00Z') });
  const log = JSON.parse(formatSarif(offline, rules, { cwd: '/repo/team', root: '/repo' }));
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  const run = log.runs[0];
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
  assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'team/specs/a.restore', uriBaseId: '%SRCROOT%' });
  assert.is(run.results[0].ruleId, 'target-collision');
  // Outside the root: an absolute URI, percent-encoded.
  assert.equal(run.properties.unresolvedPatterns, [{ uri: 'team/specs/a.restore', uriBaseId: '%SRCROOT%', line: 3, column: 25, what: 'table', pattern: 'order*' }]);
  assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^\d+ rules skipped on 2 files, so this is not a full check: .*\. 1 pattern left unresolved without an inventory .*a\.restore:3:25 `order\*`\.$/);
  // Every rule carries its doc page (docs/rules/ID.md) as help.markdown.
  for (const d of run.tool.driver.rules.filter((x: { id: string }) => rules.some((r) => r.id === x.id))) {
    assert.is(d.help.markdown, readFileSync(`docs/rules/${d.id}.md`, 'utf8'), d.id);
    assert.match(d.help.text, new RegExp(`docs/rules/${d.id}\\.md$`));
  }
  const outside = formatSarif(offline, rules, { cwd: '/repo/team', root: '/repo' });
  assert.ok(outside.includes('"uri": "file:///elsewhere/b%20c.restore"'), 'a file outside the root is an absolute file URI');
});

test('GitHub escaping: data escapes % CR LF; properties also : and ,', () => {
  assert.is(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.is(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
});

test.run();
