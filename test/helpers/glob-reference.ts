// Reference semantics for the pattern engine (src/compiler/glob-*.ts), written independently of
// it: picomatch for what matches, and a backtracking regex (what restorec used before) for what
// each wildcard captures. Both are exponential in the worst case: use them on small inputs only.
import picomatch from 'picomatch';
import fc from 'fast-check';

/** picomatch as restorec documents it: `dot`, no extglobs, `[!a]` = `[^a]`, a class is a class.
 *  picomatch 4.0.7 writes `$$` as `\$$` (the second `$` an end anchor), so such a pattern never
 *  matches there: compare only patterns without `$$` (restorec matches it as two `$`). */
export const picomatchComparable = (glob: string): boolean => !glob.includes('$$');

export function picomatchTest(glob: string, name: string, caseInsensitive: boolean): boolean {
  const re = picomatch.makeRe(glob.replace(/\[!/g, '[^'), { dot: true, noextglob: true, strictBrackets: true, literalBrackets: false, nocase: caseInsensitive });
  return re.test(name);
}

/** The captures a backtracking regex finds first: top-level `*` runs lazy, `?` runs fixed. */
export function referenceCapture(glob: string, name: string, caseInsensitive: boolean): string[] | undefined {
  let i = 0;
  const seq = (top: boolean, inBrace: boolean): string => {
    let out = '';
    while (i < glob.length) {
      const c = glob[i]!;
      if (inBrace && (c === ',' || c === '}')) break;
      if (c === '*') {
        while (glob[i] === '*') i++;
        out += top ? '([^]*?)' : '(?:[^]*?)';
      } else if (c === '?') {
        let j = i;
        while (glob[j] === '?') j++;
        out += top ? `([^]{${j - i}})` : `(?:[^]{${j - i}})`;
        i = j;
      } else if (c === '[') {
        const close = glob.indexOf(']', i);
        const body = glob.slice(i + 1, close);
        out += `[${body[0] === '!' ? '^' + body.slice(1) : body}]`;
        i = close + 1;
      } else if (c === '{') {
        i++;
        const alts = [seq(false, true)];
        while (glob[i] === ',') {
          i++;
          alts.push(seq(false, true));
        }
        i++;
        out += `(?:${alts.join('|')})`;
      } else {
        out += c.replace(/[$-]/g, '\\$&');
        i++;
      }
    }
    return out;
  };
  const m = new RegExp(`^${seq(true, false)}$`, caseInsensitive ? 'i' : '').exec(name);
  return m ? m.slice(1).map((s) => s ?? '') : undefined;
}

const literal = fc.constantFrom('a', 'b', '_', 'A', '1', '$', '-');
const cls = fc.constantFrom('[ab]', '[!a]', '[^b]', '[a-b]', '[_A]', '[0-9a]', '[-a]');

/** Random patterns over a small alphabet (so that they match often), braces nested twice at most. */
export const globArb: fc.Arbitrary<string> = fc
  .letrec((tie) => ({
    seq: fc.array(tie('item'), { minLength: 1, maxLength: 6 }).map((parts) => (parts as string[]).join('')),
    item: fc.oneof(
      { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
      { weight: 4, arbitrary: literal },
      { weight: 2, arbitrary: fc.constantFrom('*', '**') },
      { weight: 2, arbitrary: fc.constant('?') },
      { weight: 1, arbitrary: cls },
      { weight: 1, arbitrary: fc.array(tie('seq'), { minLength: 2, maxLength: 3 }).map((alts) => `{${(alts as string[]).join(',')}}`) },
    ),
  }))
  .seq.filter((g) => g.length <= 40);

/** Names over the same alphabet (never `.` or `..`, which picomatch treats as path segments). */
export const nameArb: fc.Arbitrary<string> = fc.array(fc.constantFrom('a', 'b', '_', 'A', '1', '$', '-', 'c'), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
