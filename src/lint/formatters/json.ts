// ESLint's JSON result shape, so tools that read ESLint output can read restorec's, plus what the
// run could not check per file: `skipped` rules (with what they lacked) and `unresolved` patterns.
import type { FileResult } from '../lint.ts';
import { rangeOf } from './positions.ts';

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.file,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        ...rangeOf(r, m),
        ...(m.ruleId === null ? { fatal: m.code?.startsWith('syntax/') || m.code?.startsWith('input/') || undefined, messageId: m.code } : {}),
      })),
      suppressedMessages: [],
      errorCount: r.errorCount,
      fatalErrorCount: r.messages.filter((m) => m.ruleId === null && m.severity === 2 && (m.code?.startsWith('syntax/') || m.code?.startsWith('input/'))).length,
      warningCount: r.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      skipped: r.skipped.map((s) => ({ ruleId: s.ruleId, missing: s.missing })),
      unresolved: (r.unresolved ?? []).map((u) => ({ what: u.what, pattern: u.pattern, ...(u.database !== undefined ? { database: u.database } : {}), ...rangeOf(r, u) })),
    })),
  );
}
