// Where in a spec a rule about the instance, the source or a plan entry should point.
import { sourceOf } from '../../compiler/source.ts';
import type { Span } from '../../grammar/index.ts';
import type { ProjectFile } from '../rule.ts';

const START: Span = { start: 0, end: 0 };

/** The instance id in `instance ID`. */
export function instanceSpan(file: ProjectFile): Span {
  const s = file.document.statements.find((x) => x.kind === 'Instance');
  return s?.kind === 'Instance' ? s.id.span : START;
}

/** The backup id of `from backup` or `from cross-region backup`, or the time of `at`. */
export function sourceSpan(file: ProjectFile): Span {
  return sourceOf(file.document)?.span ?? START;
}
