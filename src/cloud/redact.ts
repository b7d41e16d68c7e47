// Redaction: secrets (AccessKey secret, STS token, database password) never reach a terminal,
// a log or a snapshot. Known secret values are registered once they are read and replaced
// wherever they appear; URLs lose their query and userinfo (pop-core quotes the request URL,
// query and all, in its error messages).

/** One registry per process, not per bundle: the CLI's split bundles each hold a copy of this
 *  module, and the process-level error guard (in the main bundle) must see what `apply`'s
 *  bundle registered. */
const secrets: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('restorec.secrets')] ??= new Set<string>()) as Set<string>;
const MASK = '***';

/** Registers a value that must never be printed (ignored when too short to be a secret). */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value === 'string' && value.length >= 4) {
    secrets.add(value);
    // The same secret percent-encoded, as it sits in a query string or form body, and encoded
    // twice, as it sits in the string-to-sign that signature errors quote back.
    secrets.add(encodeURIComponent(value));
    secrets.add(encodeURIComponent(encodeURIComponent(value)));
  }
}

const URL_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*@)?([^\s?#]*)(\?[^\s#]*)?/gi;
const SPACE = /\s/;

function redactUrl(_m: string, scheme: string, user: string | undefined, rest: string, query: string | undefined): string {
  const who = user ? `${user.includes(':') ? user.slice(0, user.indexOf(':')) : user.slice(0, -1)}:${MASK}@` : '';
  return `${scheme}${who}${rest}${query ? `?${MASK}` : ''}`;
}

/** Strips userinfo (`user:password@`) and the query from every URL in `text`. The userinfo runs
 *  to the last `@` before the path, as URL parsers read it: a password may hold an `@`. A URL
 *  holds no white space, so only the runs without any around a `://` are searched: a snapshot
 *  of millions of names is not scanned word by word for its one `$schema` URL. */
export function redactUrls(text: string): string {
  let at = text.indexOf('://');
  if (at < 0) return text;
  let out = '';
  let done = 0;
  while (at >= 0) {
    let start = at;
    while (start > done && !SPACE.test(text[start - 1]!)) start--;
    let end = at + 3;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    out += text.slice(done, start) + text.slice(start, end).replace(URL_IN_TEXT, redactUrl);
    done = end;
    at = text.indexOf('://', end);
  }
  return out + text.slice(done);
}

/** Names whose values are secret wherever they appear as `Name=value` (form bodies, queries). */
const SECRET_PARAMS = /\b(Signature|SecurityToken|AccessKeySecret|password)(=|%3D|%253D)([^&\s]+?)(?=%26|%2526|&|\s|$)/gi;

/** Removes every registered secret, URL query, URL password and signed parameter from `text`. */
export function redact(text: string): string {
  let out = redactUrls(text).replace(SECRET_PARAMS, (_m, k: string, eq: string) => `${k}${eq}${MASK}`);
  // Longest first, so a secret that contains another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK);
  return out;
}

/** For tests: forget registered secrets. */
export function clearSecrets(): void {
  secrets.clear();
}
