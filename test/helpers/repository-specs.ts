// Every spec and mistake the repository holds (examples/ and test/: *.restore and *.txt), for
// tests that compare two ways of parsing on all of them; and a parse as comparable text.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';

function specs(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) specs(path, out);
    else if (name.endsWith('.restore') || name.endsWith('.txt')) out.push(path);
  }
  return out;
}

/** The paths of the repository's specs and mistakes, from its root. */
export function repositorySpecs(): string[] {
  return [...specs('examples'), ...specs('test')].filter((f) => !f.includes('node_modules'));
}

/** A parser's tree and errors for `tokens`, as one text (two parses compare equal as text). */
export function parseText(p: { input: IToken[]; document(): CstNode; errors: IRecognitionException[] }, tokens: IToken[]): string {
  p.input = tokens;
  const cst = p.document();
  return JSON.stringify({ cst, errors: p.errors.map((e) => [e.name, e.message, e.token.startOffset]) });
}
