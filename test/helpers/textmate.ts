// Tokenizes text with the extension's TextMate grammar the way VS Code does (vscode-textmate
// with the Oniguruma WebAssembly build), for tests and the docs' screenshot.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

export const GRAMMAR_PATH = 'editors/vscode/syntaxes/restore.tmLanguage.json';

export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let grammar: Promise<vsctm.IGrammar> | undefined;

function load(): Promise<vsctm.IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
    });
    const g = await registry.loadGrammar('source.restore');
    if (!g) throw new Error('source.restore not found');
    return g;
  })();
  return grammar;
}

/** Every token of `text`, line by line (lines split as VS Code splits them). */
export async function tokenizeText(text: string): Promise<Token[]> {
  const g = await load();
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ line: i, start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return out;
}
