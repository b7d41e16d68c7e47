// `restorec parse FILES`: the syntax tree as JSON, for tooling and for seeing what the parser read.
import { parseBytes, MAX_SOURCE_BYTES } from '../../grammar/parse.ts';
import { EXIT_OK, EXIT_USAGE } from '../errors.ts';
import { expandPaths, readInput } from '../files.ts';
import { reportDiagnostics } from '../report.ts';

export function parseCommand(opts: { files: string[]; spans: boolean }): number {
  const out: unknown[] = [];
  let errors = 0;
  for (const file of expandPaths(opts.files)) {
    const { bytes, size } = readInput(file, MAX_SOURCE_BYTES);
    const result = parseBytes(file === '-' ? '<stdin>' : file, bytes, size);
    errors += reportDiagnostics(result, undefined, true);
    out.push({ file: result.source.name, document: result.document });
  }
  const replacer = opts.spans ? undefined : (key: string, value: unknown) => (key === 'span' || key === 'rawSpan' ? undefined : value);
  process.stdout.write(JSON.stringify(out, replacer, 2) + '\n');
  return errors > 0 ? EXIT_USAGE : EXIT_OK;
}
