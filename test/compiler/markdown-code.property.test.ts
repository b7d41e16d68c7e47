// `plan --format markdown` goes into pull-request comments: every name is a code span, and a name
// must not end its span early (and let what follows render as Markdown or HTML), lose a space, or
// show a control character raw. Checked by rendering with markdown-it, a CommonMark renderer.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { code } from '../../src/compiler/render-plan.ts';
import { visibleName } from '../../src/compiler/names.ts';

const md = new MarkdownIt('commonmark');
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** What a reader sees: the name made visible, with pipes escaped for tables (see code()). */
const shown = (name: string) => visibleName(name).replace(/\|/g, '\\|');

test('a name renders as exactly one code span of itself', () => {
  const unit = fc.constantFrom('`', '``', ' ', 'a', '_', '*', '<', '>', '&', '[', ']', '(', ')', '|', '\\', '#', '\u001b', '\n', 'é');
  fc.assert(
    fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (name) => {
      const out = md.renderInline(`x ${code(name)} y`);
      assert.is(out, `x <code>${html(shown(name))}</code> y`, JSON.stringify(name));
    }),
    { numRuns: 3000 },
  );
});

test('the cases that used to break out of the span', () => {
  // Two backticks closed a fence of two; a leading and trailing space was stripped.
  for (const name of ['a``b', '``', ' a ', '`a', 'a`', '<img src=x onerror=alert(1)>``']) {
    assert.is(md.renderInline(code(name)), `<code>${html(shown(name))}</code>`, JSON.stringify(name));
  }
});

test.run();
