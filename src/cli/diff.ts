// `fmt --diff`: the change fmt would make, as a unified diff with git's a/ b/ names, so
// `git apply` or `patch -p1` can apply it. jsdiff (npm `diff`) makes the hunks: a Myers diff
// with context and correct hunk headers, widely used (npm itself bundles it), rather than a
// hand-written one. Loaded only for --diff (the package is left out of the bundle).
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { styleText } from 'node:util';

export function unifiedDiff(name: string, before: string, after: string, color: boolean): string {
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  if (!color) return patch;
  return patch
    .split('\n')
    .map((l) => (l.startsWith('---') || l.startsWith('+++') ? styleText('bold', l) : l.startsWith('@@') ? styleText('cyan', l) : l.startsWith('-') ? styleText('red', l) : l.startsWith('+') ? styleText('green', l) : l))
    .join('\n');
}
