// `restorec fmt [--check] [--diff] [--stdout] FILES`: canonical formatting, written atomically;
// --check lists the files it would change, --diff shows the changes; both write nothing.
import { parseBytes, MAX_SOURCE_BYTES } from '../../grammar/parse.ts';
import { hintsNear } from '../zone-hints.ts';
import { print } from '../../grammar/print.ts';
import { visibleText } from '../../grammar/visible.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, isUserError, UserError } from '../errors.ts';
import { replaceFileContents } from '../output.ts';
import { expandPaths, readInput } from '../files.ts';
import { reportDiagnostics } from '../report.ts';
import { wantsColor } from '../terminal.ts';

export interface FmtOptions {
  files: string[];
  check: boolean;
  stdout: boolean;
  /** Print a unified diff of each change and write nothing (exit 1 if any). */
  diff?: boolean;
}

export async function fmtCommand(opts: FmtOptions): Promise<number> {
  if (opts.files.length === 0) throw new UserError('fmt needs at least one file or directory', 'restorec fmt examples/  or  restorec fmt --check spec.restore');
  const files = expandPaths(opts.files);
  if (files.length === 0) throw new UserError(`no ${'.restore'} files found in ${opts.files.join(', ')}`);
  const diff = opts.diff ? (await import('../diff.ts')).unifiedDiff : undefined;
  const check = opts.check || diff !== undefined;
  let inputErrors = 0;
  let unformatted = 0;
  for (const file of files) {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const result = parseBytes(file === '-' ? '<stdin>' : file, bytes, size, { timestamps: hintsNear(process.cwd()) });
    if (reportDiagnostics(result) > 0) {
      process.stderr.write(`${result.source.name}: not formatted: fix the errors above first\n`);
      inputErrors++;
      continue;
    }
    // The file's own conventions are kept: its line breaks (print keeps CRLF or LF) and a byte order mark.
    const formatted = print(result.document, result.source.text);
    const changed = formatted !== result.source.text;
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
    if (diff) {
      if (!changed) continue;
      unformatted++;
      process.stdout.write(diff(result.source.name, result.source.text, formatted, wantsColor(process.stdout)));
      continue;
    }
    if (opts.stdout || file === '-') {
      if (!check) process.stdout.write(bom + formatted);
      if (changed && check) {
        unformatted++;
        process.stdout.write(`${result.source.name}\n`);
      }
      continue;
    }
    if (!changed) continue;
    unformatted++;
    if (check) {
      process.stdout.write(`${file}\n`);
    } else {
      // Atomically, through symlinks, keeping the mode: see replaceFileContents.
      try {
        replaceFileContents(file, bom + formatted);
      } catch (e) {
        if (!isUserError(e)) throw e;
        process.stderr.write(`restorec: ${visibleText(e.message)}\n${e.help ? `  help: ${visibleText(e.help)}\n` : ''}`);
        inputErrors++;
        continue;
      }
      process.stdout.write(`${file}\n`);
    }
  }
  if (inputErrors > 0) return EXIT_USAGE;
  if (check && unformatted > 0) {
    process.stderr.write(`${unformatted} file${unformatted === 1 ? '' : 's'} not formatted; run restorec fmt on ${unformatted === 1 ? 'it' : 'them'}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
