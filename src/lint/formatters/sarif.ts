// SARIF 2.1.0 for GitHub code scanning: rule metadata in tool.driver.rules (with each rule's doc
// page as help.markdown), paths relative to the repository root under %SRCROOT%, a partial
// fingerprint from the rule, file and line text (not the line number), so moving a statement
// does not open a new alert, and what the run could not check as a notification and in the run's
// properties.
import { sha256Hex } from '../../compiler/hash.ts';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { HOMEPAGE, VERSION } from '../../version.ts';
import type { FileResult } from '../lint.ts';
import type { LintRule } from '../rule.ts';
import { rangeOf, ruleLabel } from './positions.ts';
import { notChecked, notCheckedText } from './skipped.ts';
import { ruleDocMarkdown } from '../rule-docs.ts';

const level = (s: 'off' | 'warn' | 'error'): 'error' | 'warning' | 'none' => (s === 'error' ? 'error' : s === 'warn' ? 'warning' : 'none');

export interface SarifOptions {
  /** Where the files were named from (default: the working directory). */
  cwd?: string;
  /** The repository root URIs are relative to (%SRCROOT%); default: `cwd`. */
  root?: string;
  /** A rule's doc page as Markdown (default: docs/rules/ID.md of this install). */
  ruleDoc?: (id: string) => string | undefined;
}

/** A file's URI: relative to the root (percent-encoded segments), or absolute outside it. */
function fileUri(file: string, cwd: string, root: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const abs = resolve(cwd, file);
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(results: readonly FileResult[], rules: readonly LintRule[], opts: SarifOptions = {}): string {
  const cwd = opts.cwd ?? process.cwd();
  const root = opts.root ?? cwd;
  const ruleDoc = opts.ruleDoc ?? ruleDocMarkdown;
  const descriptors: ReportingDescriptor[] = rules.map((r) => {
    const helpUri = `${HOMEPAGE}/blob/main/docs/rules/${r.id}.md`;
    const markdown = ruleDoc(r.id);
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: r.description + (r.predicts?.length ? ` Predicts the API error${r.predicts.length > 1 ? 's' : ''} ${r.predicts.join(', ')}.` : '') },
      helpUri,
      ...(markdown ? { help: { text: `${r.description} See ${helpUri}`, markdown } } : {}),
      defaultConfiguration: { level: level(r.defaultSeverity) },
    };
  });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const extra = new Map<string, number>();
  const out: Result[] = [];
  for (const r of results) {
    const location = fileUri(r.file, cwd, root);
    const uri = location.uri;
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const id = ruleLabel(m);
      let ruleIndex = index.get(id);
      if (ruleIndex === undefined) {
        ruleIndex = extra.get(id);
        if (ruleIndex === undefined) {
          ruleIndex = descriptors.length;
          extra.set(id, ruleIndex);
          descriptors.push({ id, shortDescription: { text: `restorec ${id}` }, helpUri: `${HOMEPAGE}/blob/main/docs/diagnostics.md`, defaultConfiguration: { level: 'error' } });
        }
      }
      const p = rangeOf(r, m);
      const lineText = r.source.lineText(p.line).trim();
      const key = `${id}\0${uri}\0${lineText}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const result: Result = {
        ruleId: id,
        ruleIndex,
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.help ? `${m.message}. ${m.help}` : m.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.line === p.endLine ? p.column + 1 : 1) } } }],
        partialFingerprints: { 'restorecLineHash/v1': sha256Hex(`${key}\0${n}`).slice(0, 32) },
      };
      if (m.related?.length) {
        result.relatedLocations = m.related.map((rel, i) => {
          const rp = rangeOf(r, rel);
          return { id: i, message: { text: rel.message }, physicalLocation: { artifactLocation: location, region: { startLine: rp.line, startColumn: rp.column } } };
        });
      }
      out.push(result);
    }
  }
  const missed = notChecked(results);
  const note = notCheckedText(missed);
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'restorec', version: VERSION, informationUri: HOMEPAGE, rules: descriptors } },
        automationDetails: { id: 'restorec/' },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/'), description: { text: 'The repository root.' } } },
        // What the run could not check: a run that skipped rules is not a clean bill of health.
        invocations: [
          {
            executionSuccessful: true,
            ...(note ? { toolExecutionNotifications: [{ level: 'note' as const, descriptor: { id: 'restorec/not-a-full-check' }, message: { text: note } }] } : {}),
          },
        ],
        properties: {
          skippedRules: missed.rules,
          unresolvedPatterns: missed.unresolved.map((u) => ({ ...fileUri(u.file, cwd, root), line: u.line, column: u.column, what: u.what, pattern: u.pattern })),
        },
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
