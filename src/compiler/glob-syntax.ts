// The syntax of a name pattern, parsed into a small tree that glob-match.ts turns into an
// automaton. The language is picomatch's glob, as far as the spec language promises it:
// `*`, `?`, classes `[a-z]` `[!a]` `[^a]`, brace sets `{a,b}` (nested too). What picomatch reads
// differently from a shell, or not at all for a MySQL name (ranges `{a..c}`, extglobs, escapes),
// is refused here with a message instead of being given a meaning nobody reviewed.

/** One character the pattern consumes: a literal, any character, or a class. */
export type CharTest = { kind: 'literal'; char: string } | { kind: 'any' } | { kind: 'class'; negated: boolean; ranges: [number, number][] };

export type GlobNode =
  | { kind: 'char'; test: CharTest }
  /** A run of `*`: any number of any characters (lazy, as picomatch's `[^/]*?`). */
  | { kind: 'star' }
  /** A brace set: the alternatives in order. */
  | { kind: 'alt'; alternatives: GlobNode[][] };

export class GlobSyntaxError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

/** Characters a pattern may hold as literals: those of a bare name (see Name in tokens.ts). */
const LITERAL = /^[A-Za-z0-9_$\-\u00c0-\ud7ff\ue000-\ufffc]$/;

const shown = (c: string): string => (c.charCodeAt(0) < 0x20 ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `\`${c}\``);

class Parser {
  i = 0;
  constructor(readonly p: string) {}

  /** sequence = { item } ; ends at the end, or (inside braces) at `,` or `}`. */
  sequence(inBrace: boolean): GlobNode[] {
    const out: GlobNode[] = [];
    while (this.i < this.p.length) {
      const c = this.p[this.i] as string;
      if (inBrace && (c === ',' || c === '}')) break;
      if (c === '*') {
        while (this.p[this.i] === '*') this.i++;
        out.push({ kind: 'star' });
      } else if (c === '?') {
        this.i++;
        out.push({ kind: 'char', test: { kind: 'any' } });
      } else if (c === '[') out.push({ kind: 'char', test: this.bracket() });
      else if (c === '{') out.push(...this.brace());
      else if (c === '}' || c === ',') {
        // Outside any brace set these are plain characters to picomatch too.
        this.i++;
        out.push({ kind: 'char', test: { kind: 'literal', char: c } });
      } else if (LITERAL.test(c)) {
        this.i++;
        out.push({ kind: 'char', test: { kind: 'literal', char: c } });
      } else if (c === '.' && this.p[this.i + 1] === '.' && inBrace) {
        throw new GlobSyntaxError('brace ranges such as `{a..c}` are not supported', 'write a class such as `[a-c]`, or list the names: `{a,b,c}`');
      } else {
        throw new GlobSyntaxError(`${shown(c)} cannot stand in a pattern`, 'a pattern may hold letters, digits, `_`, `$`, `-` and the glob characters `* ? [...] {a,b}`');
      }
    }
    return out;
  }

  /** class = "[" [ "!" | "^" ] member { member } "]" ; member = char [ "-" char ] ; */
  bracket(): CharTest {
    const open = this.i;
    const close = this.p.indexOf(']', open + 1);
    if (close === -1) throw new GlobSyntaxError(`the class opened by \`[\` at character ${open + 1} is not closed`, 'close it with `]`');
    const text = this.p.slice(open, close + 1);
    this.i = close + 1;
    let body = this.p.slice(open + 1, close);
    const negated = body[0] === '!' || body[0] === '^';
    if (negated) body = body.slice(1);
    if (body.length === 0) throw new GlobSyntaxError(`the class \`${text}\` is empty`, negated ? 'to mean "any character but ...", name the characters: `[!abc]`; `?` means any character' : 'name the characters it allows, e.g. `[abc]` or `[0-9]`');
    const ranges: [number, number][] = [];
    for (let k = 0; k < body.length; k++) {
      const a = body.charCodeAt(k);
      if (body[k] === '\\') throw new GlobSyntaxError(`the class \`${text}\` contains \`\\\`, which patterns do not support`, 'list the characters without escapes; `-` goes first or last');
      if (body[k + 1] === '-' && k + 2 < body.length) {
        const b = body.charCodeAt(k + 2);
        if (body[k + 2] === '\\') throw new GlobSyntaxError(`the class \`${text}\` contains \`\\\`, which patterns do not support`);
        if (b < a) throw new GlobSyntaxError(`the range \`${body.slice(k, k + 3)}\` in \`${text}\` runs backwards`, `write it as \`${body[k + 2]}-${body[k]}\``);
        ranges.push([a, b]);
        k += 2;
      } else ranges.push([a, a]);
    }
    return { kind: 'class', negated, ranges };
  }

  /** brace = "{" sequence { "," sequence } "}" ; without a comma, the braces are plain characters. */
  brace(): GlobNode[] {
    const open = this.i;
    this.i++;
    const alternatives: GlobNode[][] = [this.sequence(true)];
    while (this.p[this.i] === ',') {
      this.i++;
      alternatives.push(this.sequence(true));
    }
    if (this.p[this.i] !== '}') throw new GlobSyntaxError(`the brace set opened by \`{\` at character ${open + 1} is not closed`, 'close it with `}`');
    this.i++;
    if (alternatives.length === 1) {
      // `{a}` is the text `{a}` to picomatch: the braces are literal, what is inside keeps its meaning.
      return [{ kind: 'char', test: { kind: 'literal', char: '{' } }, ...alternatives[0]!, { kind: 'char', test: { kind: 'literal', char: '}' } }];
    }
    return [{ kind: 'alt', alternatives }];
  }
}

/** Parses a pattern; throws GlobSyntaxError for what the language does not have. */
export function parseGlob(pattern: string): GlobNode[] {
  return new Parser(pattern).sequence(false);
}
