// One analysis of one spec text: the parser, then `restorec lint`'s own engine with the same
// config and snapshot, turned into LSP diagnostics (same codes, severities and suppressions).
// Hover, completion, definition and code actions read the latest analysis of a document.
import { visibleText } from '../grammar/visible.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver';
import { parse, type ParseResult, type SourceFile, type Span } from '../grammar/index.ts';
import { hintsFrom } from '../grammar/zones.ts';
import { lint, type FileResult, type LintMessage } from '../lint/lint.ts';
import { rules } from '../lint/registry.ts';
import type { ConfigState, SnapshotState } from './files.ts';
import { toRange } from './positions.ts';

export interface AnalysisInput {
  uri: string;
  version: number;
  text: string;
  /** The spec's path, or its URI when it has none (an unsaved editor). */
  name: string;
  config: ConfigState;
  snapshot: SnapshotState;
  now: Date;
  /** The editor's restorec.timeZone setting: a likely zone for a time written without one. */
  timeZone?: string | undefined;
}

export interface Analysis {
  uri: string;
  version: number;
  parsed: ParseResult;
  config: ConfigState;
  snapshot: SnapshotState;
  /** Absent when the config is broken: `restorec lint` refuses to run with it too. */
  result?: FileResult;
  diagnostics: LspDiagnostic[];
}

/** What a diagnostic carries for its code action. */
export interface DiagnosticData {
  fix?: TextEdit;
}

const SOURCE = 'restorec';

/** The rule's doc page in the installed package (docs/ ships with it), when it is there. */
const docsDir = new URL('../../docs/rules/', import.meta.url);
const docLinks = new Map<string, string | undefined>();
export function ruleDocUrl(ruleId: string): string | undefined {
  if (!docLinks.has(ruleId)) {
    const url = new URL(`${ruleId}.md`, docsDir);
    docLinks.set(ruleId, url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url.href : undefined);
  }
  return docLinks.get(ruleId);
}

function related(uri: string, source: SourceFile, m: LintMessage): DiagnosticRelatedInformation[] | undefined {
  return m.related?.map((r) => ({ location: { uri, range: toRange(source, r.span) }, message: visibleText(r.message) }));
}

export function toLspDiagnostic(uri: string, source: SourceFile, m: LintMessage): LspDiagnostic {
  const d: LspDiagnostic = {
    range: toRange(source, m.span),
    severity: m.severity === 2 ? 1 : 2,
    source: SOURCE,
    code: m.ruleId ?? m.code ?? SOURCE,
    // Editors show it as plain text: a bidi or control character from a name would act there too.
    message: visibleText(m.help ? `${m.message}\nhelp: ${m.help}` : m.message),
  };
  const href = m.ruleId ? ruleDocUrl(m.ruleId) : undefined;
  if (href) d.codeDescription = { href };
  const rel = related(uri, source, m);
  if (rel?.length) d.relatedInformation = rel;
  if (m.fix) d.data = { fix: { range: toRange(source, m.fix.span), newText: m.fix.text } } satisfies DiagnosticData;
  return d;
}

/** The first line: where problems of the whole file (config, snapshot) are shown. */
function firstLine(source: SourceFile): Span {
  return { start: 0, end: source.lineText(1).length };
}

/** `file:line:col: message` problems (config and snapshot errors) → links into that file. */
function problemLinks(problems: readonly string[]): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const p of problems) {
    const m = /^(.+?):(\d+):(\d+): (.*)$/s.exec(p);
    if (!m) continue;
    const position = { line: Number(m[2]) - 1, character: Number(m[3]) - 1 };
    out.push({ location: { uri: pathToFileURL(m[1]!).href, range: { start: position, end: position } }, message: visibleText(m[4]!) });
  }
  return out;
}

function fileProblem(source: SourceFile, code: string, message: string, problems: readonly string[]): LspDiagnostic {
  const d: LspDiagnostic = { range: toRange(source, firstLine(source)), severity: 1, source: SOURCE, code, message: visibleText([message, ...problems].join('\n')) };
  const links = problemLinks(problems);
  if (links.length > 0) d.relatedInformation = links;
  return d;
}

export function analyze(input: AnalysisInput): Analysis {
  const configZone = input.config.kind === 'ok' ? input.config.config.timeZone : undefined;
  const parsed = parse(input.text, input.name, [], { timestamps: hintsFrom(configZone, input.timeZone ? [{ zone: input.timeZone, why: 'restorec.timeZone in the editor' }] : []) });
  const { source } = parsed;
  const base = { uri: input.uri, version: input.version, parsed, config: input.config, snapshot: input.snapshot };
  const diagnostics: LspDiagnostic[] = [];
  if (input.config.kind === 'broken') {
    diagnostics.push(fileProblem(source, 'editor/config-error', `${input.config.message}; only syntax is checked until it is fixed`, input.config.problems));
    for (const d of parsed.diagnostics) {
      if (d.severity === 'info') continue;
      diagnostics.push(toLspDiagnostic(input.uri, source, { ruleId: null, severity: d.severity === 'error' ? 2 : 1, message: d.message, span: d.span, code: d.code, ...(d.help ? { help: d.help } : {}), ...(d.related ? { related: d.related } : {}), ...(d.fix ? { fix: d.fix } : {}) }));
    }
    return { ...base, diagnostics };
  }
  const config = input.config.kind === 'ok' ? input.config.config : {};
  const snapshot = input.snapshot.kind === 'ok' ? input.snapshot.snapshot : undefined;
  const [result] = lint([{ ...parsed, ...(snapshot ? { inventory: snapshot.inventory } : {}) }], { config, rules, now: input.now });
  if (input.snapshot.kind === 'broken') {
    diagnostics.push(fileProblem(source, 'editor/snapshot-error', `${input.snapshot.path} is not a valid inventory snapshot; linted without it`, input.snapshot.problems));
  }
  for (const m of result!.messages) diagnostics.push(toLspDiagnostic(input.uri, source, m));
  const skipped = [...new Set(result!.skipped.map((s) => s.ruleId))].sort();
  if (skipped.length > 0 && input.snapshot.kind === 'none') {
    const where = input.snapshot.path ? `no ${input.snapshot.path.split(/[\\/]/).pop()} beside this spec` : 'an unsaved spec has no snapshot beside it';
    diagnostics.push({
      range: toRange(source, firstLine(source)),
      severity: 3,
      source: SOURCE,
      code: 'editor/rules-skipped',
      message: `${skipped.length} rule${skipped.length === 1 ? '' : 's'} skipped without an inventory (${where}): ${skipped.join(', ')}\nhelp: restorec inventory pull --instance ID ... -o NAME.inventory.json writes one`,
    });
  }
  return { ...base, result: result!, diagnostics };
}
