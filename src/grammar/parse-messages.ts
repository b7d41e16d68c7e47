// Plain-words messages for Chevrotain's recognition errors ("expected X, found Y").
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

/** How a token is named in a message: its label, or the text that was found. */
export function describeExpected(type: TokenType): string {
  if (type === EOF) return 'end of file';
  return type.LABEL ?? type.name;
}

export function describeFound(token: IToken | undefined): string {
  if (token === undefined || token.tokenType === EOF) return 'end of file';
  const text = token.image.length > 40 ? token.image.slice(0, 37) + '...' : token.image;
  return '`' + text.replace(/[\u0000-\u001f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '`';
}

/** "a, b or c" with duplicates removed, in first-seen order. */
export function listOf(words: string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? 'nothing';
  return unique.slice(0, -1).join(', ') + ' or ' + unique[unique.length - 1];
}

const ruleWords: Record<string, string> = {
  name: 'a name',
  block: 'the table block',
  tableItem: 'a table item',
  exceptTableItem: 'an except item',
  restoreStatement: 'a restore statement',
};

/** The token types the parser expected where it found `token`: read when building "did you
 *  mean" suggestions. Weak, so a parse leaves nothing behind. */
export const expectedAt = new WeakMap<IToken, TokenType[]>();

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    expectedAt.set(actual, [expected]);
    if (ruleName === 'block' && expected.name === 'RAngle') {
      return `expected \`>\` to close the table block, found ${describeFound(actual)}`;
    }
    return `expected ${describeExpected(expected)}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected a statement, found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0])).filter((t): t is TokenType => t !== undefined);
    if (actual[0]) expectedAt.set(actual[0], firsts);
    const what = ruleName === 'name' ? 'a name' : listOf(firsts.map(describeExpected));
    return `expected ${what}, found ${describeFound(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const firsts = expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => t !== undefined);
    if (actual[0]) expectedAt.set(actual[0], firsts);
    const what = ruleWords[ruleName] ?? listOf(firsts.map(describeExpected));
    return `expected ${what}, found ${describeFound(actual[0])}`;
  },
};
