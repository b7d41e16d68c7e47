// Where in a spec a rule about the instance, the source or a plan entry should point.
import type { Span } from '../../grammar/index.ts';
import type { ProjectFile } from '../rule.ts';

const START: Span = { start: 0, end: 0 };

/** The instance id in `instance ID`. */
export function instanceSpan(file: ProjectFile): Span {
  const s = file.document.statements.find((x) => x.kind === 'Instance');
  return s?.kind === 'Instance' ? s.id.span : START;
}

/** The `from backup ID` or `at TIME` statement. */
export function sourceSpan(file: ProjectFile): Span {
  const s = file.document.statements.find((x) => x.kind === 'FromBackup' || x.kind === 'At');
  if (s?.kind === 'FromBackup') return s.backupId.span;
  if (s?.kind === 'At') return s.rawSpan;
  return START;
}
