// SARIF 2.1.0 for GitHub code scanning: rule metadata in tool.driver.rules, relative paths
// under %SRCROOT%, and a partial fingerprint from the rule, file and line text (not the line
// number), so moving a statement does not open a new alert.
import { sha256Hex } from '../../compiler/hash.ts';
import { relative, sep } from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { HOMEPAGE, VERSION } from '../../version.ts';
import type { FileResult } from '../lint.ts';
import type { LintRule } from '../rule.ts';
import { rangeOf, ruleLabel } from './positions.ts';

const level = (s: 'off' | 'warn' | 'error'): 'error' | 'warning' | 'none' => (s === 'error' ? 'error' : s === 'warn' ? 'warning' : 'none');

export function formatSarif(results: readonly FileResult[], rules: readonly LintRule[], cwd = process.cwd()): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: r.description + (r.predicts?.length ? ` Predicts the API error${r.predicts.length > 1 ? 's' : ''} ${r.predicts.join(', ')}.` : '') },
    helpUri: `${HOMEPAGE}/blob/main/docs/rules/${r.id}.md`,
    defaultConfiguration: { level: level(r.defaultSeverity) },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const extra = new Map<string, number>();
  const out: Result[] = [];
  for (const r of results) {
    const uri = relative(cwd, r.file).split(sep).join('/');
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
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.line === p.endLine ? p.column + 1 : 1) } } }],
        partialFingerprints: { 'restorecLineHash/v1': sha256Hex(`${key}\0${n}`).slice(0, 32) },
      };
      if (m.related?.length) {
        result.relatedLocations = m.related.map((rel, i) => {
          const rp = rangeOf(r, rel);
          return { id: i, message: { text: rel.message }, physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: rp.line, startColumn: rp.column } } };
        });
      }
      out.push(result);
    }
  }
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'restorec', version: VERSION, informationUri: HOMEPAGE, rules: descriptors } },
        automationDetails: { id: 'restorec/' },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + cwd.split(sep).join('/').replace(/\/?$/, '/') } },
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
