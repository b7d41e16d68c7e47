// Every example parses cleanly, is already in canonical format, and formatting never changes
// meaning: parse(fmt(x)) equals parse(x) (spans aside), fmt(fmt(x)) equals fmt(x).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from '../../src/grammar/index.ts';
import { meaning } from '../helpers/ast.ts';

function specsUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.restore')).sort().map((f) => join(dir, f));
}

const examples = specsUnder('examples');

test('examples/ holds spec files', () => {
  assert.ok(examples.length >= 1);
});

for (const file of examples) {
  test(`${file} parses, formats stably and is already formatted`, () => {
    const text = readFileSync(file, 'utf8');
    const first = parse(text, file);
    assert.equal(first.diagnostics.filter((d) => d.severity === 'error'), []);
    const formatted = print(first.document, text);
    const second = parse(formatted, file);
    assert.equal(meaning(second.document), meaning(first.document));
    assert.is(print(second.document, formatted), formatted);
    assert.fixture(text, formatted);
  });
}

const messy: [string, string, string][] = [
  [
    'statements on one line, upper case, `database`, commas',
    'INSTANCE rm-x FROM BACKUP 1 RESTORE DATABASE shop AS s2 < TABLE a AS b, table c,>',
    'instance rm-x\nfrom backup 1\nrestore db shop as s2 <\n  table a as b\n  table c\n>\n',
  ],
  ['a one-item block stays on one line', 'instance rm-x\nfrom backup 1\nrestore db t1 <\n   table a as b\n>', 'instance rm-x\nfrom backup 1\nrestore db t1 < table a as b >\n'],
  [
    'comments stay where they were; blank lines collapse to one',
    '# head\n\n\n\ninstance rm-x   # trailing\n# before backup\nfrom backup 1\n\n\nrestore db s < # open\n\n  table a # ta\n\n\n  # lead b\n  table b\n  # dangling\n> # after\n# end\n',
    '# head\n\ninstance rm-x # trailing\n# before backup\nfrom backup 1\n\nrestore db s < # open\n  table a # ta\n\n  # lead b\n  table b\n  # dangling\n> # after\n# end\n',
  ],
  [
    'a comment inside a statement header moves above it',
    'instance rm-x\nfrom backup 1\nrestore db x # why\n  as y < table a >',
    'instance rm-x\nfrom backup 1\n# why\nrestore db x as y < table a >\n',
  ],
  ['backquotes are kept, doubled backquotes too', 'instance rm-x from backup 1 restore db `a b` < table `x``y` >', 'instance rm-x\nfrom backup 1\nrestore db `a b` < table `x``y` >\n'],
  ['the written time is kept (the AST has the UTC form)', 'instance rm-x at 2026-11-20T11:15:00+08:00 restore db a', 'instance rm-x\nat 2026-11-20T11:15:00+08:00\nrestore db a\n'],
  ['except db lists are joined with commas', 'instance rm-x from backup 1 restore db a* except db a1,a2 ,a3', 'instance rm-x\nfrom backup 1\nrestore db a* except db a1, a2, a3\n'],
  [
    'a cross-region source on the `at` line goes on a line of its own',
    'INSTANCE rm-dr AT 2026-11-20T03:15:00Z FROM REGION cn-hangzhou INSTANCE rm-src\n# from the DR copies\nrestore db shop',
    'instance rm-dr\nat 2026-11-20T03:15:00Z\nfrom region cn-hangzhou instance rm-src\n# from the DR copies\nrestore db shop\n',
  ],
  ['cross-region backup, lower case', 'instance rm-dr From Cross-Region Backup 12490001 from region cn-hangzhou instance `rm-src` restore db a', 'instance rm-dr\nfrom cross-region backup 12490001\nfrom region cn-hangzhou instance `rm-src`\nrestore db a\n'],
  ['CRLF line ends become LF', 'instance rm-x\r\nfrom backup 1\r\nrestore db a # c\r\n', 'instance rm-x\nfrom backup 1\nrestore db a # c\n'],
];

for (const [what, input, expected] of messy) {
  test(`fmt: ${what}`, () => {
    const r = parse(input);
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), []);
    const out = print(r.document, input);
    assert.fixture(out, expected);
    const again = parse(out);
    assert.equal(meaning(again.document), meaning(r.document));
    assert.is(print(again.document, out), out);
    assert.equal(again.document.comments.map((c) => c.text.trimEnd()), r.document.comments.map((c) => c.text.trimEnd()));
  });
}

test.run();
