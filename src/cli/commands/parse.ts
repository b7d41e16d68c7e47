// `restorec parse FILES`: the syntax tree as JSON, for tooling and for seeing what the parser read.
import { parseBytes, MAX_SOURCE_BYTES } from '../../grammar/parse.ts';
import { hintsNear } from '../zone-hints.ts';
import { EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
import { expandPaths, readInput, SPEC_EXTENSION } from '../files.ts';
import { reportDiagnostics } from '../report.ts';

export function parseCommand(opts: { files: string[]; spans: boolean }): number {
  const out: unknown[] = [];
  let errors = 0;
  const files = expandPaths(opts.files);
  // As lint, compile and fmt: a directory without specs is a mistake in the arguments.
  if (files.length === 0) throw new UserError(`no ${SPEC_EXTENSION} files found in ${opts.files.join(', ')}`);
  for (const file of files) {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const result = parseBytes(file === '-' ? '<stdin>' : file, bytes, size, { timestamps: hintsNear(process.cwd()) });
    errors += reportDiagnostics(result, undefined, true);
    out.push({ file: result.source.name, document: result.document });
  }
  const replacer = opts.spans ? undefined : (key: string, value: unknown) => (key === 'span' || key === 'rawSpan' ? undefined : value);
  process.stdout.write(JSON.stringify(out, replacer, 2) + '\n');
  return errors > 0 ? EXIT_USAGE : EXIT_OK;
}
