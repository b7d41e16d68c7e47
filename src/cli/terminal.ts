// Colour and output helpers. Colour only on a terminal, never with NO_COLOR (no-color.org);
// FORCE_COLOR forces it. Node's own styleText and hasColors do the work: no library needed.
import { styleText } from 'node:util';
import type { Style } from '../grammar/codeframe.ts';
import { plainStyle } from '../grammar/codeframe.ts';

export function wantsColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
  return stream.isTTY === true && (typeof stream.hasColors !== 'function' || stream.hasColors());
}

const ansi: Style = {
  red: (s) => styleText('red', s),
  yellow: (s) => styleText('yellow', s),
  blue: (s) => styleText('cyan', s),
  dim: (s) => styleText('dim', s),
  bold: (s) => styleText('bold', s),
};

export function styleFor(stream: NodeJS.WriteStream): Style {
  return wantsColor(stream) ? ansi : plainStyle;
}
