// redactUrls searches only the runs without white space around each `://` (src/cloud/redact.ts):
// property test against the one regular expression over the whole text it replaced.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { redactUrls } from '../../src/cloud/redact.ts';

function reference(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*@)?([^\s?#]*)(\?[^\s#]*)?/gi, (_m, scheme: string, user: string | undefined, rest: string, query: string | undefined) => {
    const who = user ? `${user.includes(':') ? user.slice(0, user.indexOf(':')) : user.slice(0, -1)}:***@` : '';
    return `${scheme}${who}${rest}${query ? '?***' : ''}`;
  });
}

test('the same text as the whole-text expression, for texts full of URL pieces', () => {
  const piece = fc.constantFrom('://', 'https', 'mysql', 'a', 'Z9', ':', '@', 'user:pw@', '/', '?', 'q=1', '#', ' ', '\n', '\t', '\u00a0', '.', '-', '+', '%', '"', ',', 'é', '\ufeff');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
    const text = parts.join('');
    assert.is(redactUrls(text), reference(text), JSON.stringify(text));
  }), { numRuns: 5000 });
  for (const text of ['', 'no url', 'https://h/p?x=1 and mysql://root:pw@db:3306/x?ssl=1', 'x://y://z', '://', 'a://', ' https://u:p@h?q ', '{"$schema": "https://restorec.dev/s.json",\n  "x": "ftp://a@b"}'])
    assert.is(redactUrls(text), reference(text), text);
});

test.run();
