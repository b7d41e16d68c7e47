// Colour and output helpers. Colour only on a terminal, never with NO_COLOR (no-color.org);
// FORCE_COLOR forces it. Node's own styleText and hasColors do the work: no library needed.
import { styleText } from 'node:util';
import type { Style } from '../grammar/codeframe.ts';
import { plainStyle } from '../grammar/codeframe.ts';
import { stdoutMayBeTerminal } from './stdout.ts';

/** NO_COLOR's or FORCE_COLOR's answer; undefined when neither is set. */
function colorFromEnv(): boolean | undefined {
  const env = process.env;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
  return undefined;
}

export function wantsColor(stream: NodeJS.WriteStream): boolean {
  return colorFromEnv() ?? (stream.isTTY === true && (typeof stream.hasColors !== 'function' || stream.hasColors()));
}

/** The style for text written with writeStdout: process.stdout is created only if it may be a terminal. */
export function stdoutStyle(): Style {
  return (colorFromEnv() ?? (stdoutMayBeTerminal() && wantsColor(process.stdout))) ? ansi : plainStyle;
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
