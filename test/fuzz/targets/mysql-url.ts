// MySQL connection strings holding a planted password → parseMysqlUrl: the password comes back
// exactly, or the string is refused with a MysqlError whose message holds none of it; nothing
// else is ever thrown. Every form people paste is generated, and mutated.
import fc from 'fast-check';
import { MysqlError, parseMysqlUrl } from '../../../src/inventory/index.ts';
import { clearSecrets } from '../../../src/cloud/redact.ts';
import { mutate } from '../arbitraries.ts';
import { defineTarget, fail } from '../target.ts';

/** The recognisable core of every planted password: it must never be printed. */
export const PLANTED = 'Qz7pLantedPw';

const extra = fc.array(fc.constantFrom('%', '@', '/', '#', '?', ':', ' ', '=', 'é', '\u0000', '"', "'", '`', 'zz', '25', '%2', '\\'), { maxLength: 4 }).map((a) => a.join(''));
const password = fc.tuple(extra, extra).map(([a, b]) => `${a}${PLANTED}${b}`);
const host = fc.constantFrom('127.0.0.1', 'localhost', '[::1]', 'db.example', '', 'h:99999');
/** A connection string, and the password parseMysqlUrl must return for it (when it is a well-formed URL). */
const form: fc.Arbitrary<[string, string | undefined]> = fc.tuple(password, host, fc.boolean()).chain(([pw, h, encode]) => {
  const p = encode ? encodeURIComponent(pw) : pw;
  const wellFormed = encode && h !== '' && h !== 'h:99999' ? pw : undefined;
  return fc.constantFrom<[string, string | undefined]>(
    [`mysql://root:${p}@${h}:3306/`, wellFormed],
    [`mysql://root:${p}@${h}`, wellFormed],
    [`MYSQL://root:${p}@${h}/db?ssl=true`, wellFormed],
    [`mysql:root:${p}@${h}`, undefined],
    [`root:${p}@tcp(${h}:3306)/`, undefined],
    [`host=${h} user=root password=${p}`, undefined],
    [`postgres://root:${p}@${h}/`, undefined],
    [p, undefined],
  );
});
const mutated = mutate(form.map(([url]) => url), fc.constantFrom('%', '@', '/', ':', '//', 'mysql://', '%zz')).map((url): [string, string | undefined] => [url, undefined]);

export default defineTarget({
  name: 'mysql-url',
  kind: 'MySQL connection string',
  arbitrary: fc.oneof({ weight: 3, arbitrary: form }, { weight: 1, arbitrary: mutated }),
  boundMs: 1_000,
  testRuns: 300,
  secrets: [PLANTED],
  check([url, expected]) {
    // parseMysqlUrl registers each password for redaction, for the life of the process: a CLI
    // run reads one or two, a fuzz run millions, and every redaction then sorted them all (an
    // input took 1.4-2 s after 3 million). Each input starts with none, as a run does.
    clearSecrets();
    let parsed;
    try {
      parsed = parseMysqlUrl(url);
    } catch (e) {
      if (!(e instanceof MysqlError)) fail(`parseMysqlUrl threw ${(e as Error).name}`);
      if (e.message.includes(PLANTED) || e.message.includes(PLANTED.slice(0, 8)) || e.message.includes(PLANTED.slice(-8))) fail('a refusal quoted the password');
      if (expected !== undefined) fail(`a well-formed URL was refused: ${e.message}`);
      return;
    }
    if (parsed.host === '') fail('parsed with no host');
    if (expected !== undefined && parsed.password !== expected) fail('the password did not come back exactly');
  },
});
