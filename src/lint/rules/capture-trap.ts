// A `*` template that drops literal text of its source: `table order_items_* as *_bak` restores
// order_items_2026 as 2026_bak, since `*` in a target is only what the wildcard matched. From
// the spec text offline (with a made-up example name); with a plan, the example is a real match.
import type { NameNode, Span } from '../../grammar/index.ts';
import { compileName, isDiagnostic } from '../../compiler/glob.ts';
import { parseGlob, type GlobNode } from '../../compiler/glob-syntax.ts';
import { applyTemplate, parseTemplate, type Template } from '../../compiler/template.ts';
import type { RestorePlan } from '../../compiler/plan.ts';
import { defineRule, type RuleContext } from '../rule.ts';

/** The literal runs of a pattern (text outside wildcards, classes and brace sets). */
function literalRuns(nodes: readonly GlobNode[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const n of nodes) {
    if (n.kind === 'char' && n.test.kind === 'literal') run += n.test.char;
    else {
      if (run) runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** A name the pattern matches, made up to show the expansion: `2026` for the first `*`. */
function sampleName(nodes: readonly GlobNode[], stars = { n: 0 }): string {
  return nodes
    .map((n) => {
      if (n.kind === 'star') return ['2026', 'x', 'y', 'z'][Math.min(stars.n++, 3)];
      if (n.kind === 'alt') return sampleName(n.alternatives[0] ?? [], stars);
      const t = n.test;
      return t.kind === 'literal' ? t.char : t.kind === 'any' ? 'x' : t.negated ? 'x' : String.fromCharCode(t.ranges[0]?.[0] ?? 120);
    })
    .join('');
}

const SEPARATORS = /^[-_$]+|[-_$]+$/g;

/** The literal text of `source` that the template does not write back, or [] when none is dropped. */
function dropped(nodes: readonly GlobNode[], template: Template): string[] {
  const text = template.parts.map((p) => (p.kind === 'text' ? p.text : '\u0000')).join('').toLowerCase();
  return literalRuns(nodes).filter((run) => {
    const core = run.replace(SEPARATORS, '').toLowerCase();
    return core.length > 0 && !text.includes(core);
  });
}

/** The first real source the plan restores from each spec position (db entries renamed, and table rows). */
function realExamples(plan: RestorePlan | undefined): Map<number, string> {
  const out = new Map<number, string>();
  for (const db of plan?.databases ?? []) {
    if (db.source !== db.target && !out.has(db.origin.start)) out.set(db.origin.start, db.source);
    for (const t of db.tables) if (!out.has(t.origin.start)) out.set(t.origin.start, t.source);
  }
  return out;
}

export default defineRule({
  id: 'capture-trap',
  description: 'A `*` in a target drops literal text of its source pattern (`table order_items_* as *_bak` restores order_items_2026 as 2026_bak).',
  defaultSeverity: 'warn',
  recommended: true,
  needs: ['spec'],
  messages: {
    dropped: 'the target {{target}} keeps only what the wildcards of {{source}} matched, dropping {{text}}: {{example}} is restored as {{result}}',
  },
  check(ctx) {
    // Built only when a template drops text: the plan may hold a million rows.
    let examples: Map<number, string> | undefined;
    const example = (origin: Span) => (examples ??= realExamples(ctx.plan)).get(origin.start);
    for (const s of ctx.document.statements) {
      if (s.kind !== 'Restore') continue;
      if (s.target) check(ctx, example, s.source, s.target, s.source.span, 'db');
      for (const item of s.block?.items ?? []) if (item.kind === 'Table' && item.target) check(ctx, example, item.source, item.target, item.span, 'table');
    }
  },
});

function check(ctx: RuleContext, realExample: (origin: Span) => string | undefined, source: NameNode, target: NameNode, origin: Span, what: 'db' | 'table'): void {
  if (!source.pattern || target.quoted || !target.pattern) return;
  const template = parseTemplate(target);
  if ('severity' in template || template.slots === 0 || template.parts.some((p) => p.kind === 'name')) return;
  const matcher = compileName(source, ctx.plan?.caseInsensitive ?? true, what === 'db' ? 'database' : 'table');
  if (isDiagnostic(matcher) || matcher.kind !== 'pattern' || template.slots > matcher.wildcards) return; // other rules report these
  const nodes = parseGlob(source.value);
  const lost = dropped(nodes, template);
  if (lost.length === 0) return;
  const real = realExample(origin);
  const example = real ?? sampleName(nodes);
  const captures = matcher.capture(example);
  if (!captures) return;
  const result = applyTemplate(template, example, captures);
  const single = template.slots === 1;
  // What `{name}` in place of the one slot gives.
  const kept = single ? applyTemplate({ ...template, parts: template.parts.map((p) => (p.kind === 'slot' ? { kind: 'name' } : p)) }, example, captures) : '';
  const named = target.value.replace(/\*+|\?+/, '{name}');
  const inline = single && matcher.wildcards === 1 && !/[[{?]/.test(source.value) ? target.value.replace(/\*+|\?+/, source.value) : undefined;
  const help = single
    ? `write \`${named}\` to keep the whole name (${'`'}${kept}${'`'})${inline ? `, or \`${inline}\`` : ''}`
    : 'write `{name}` where the whole source name belongs, or write the dropped text into the target';
  ctx.report({
    messageId: 'dropped',
    data: { target: `\`${target.value}\``, source: `\`${source.value}\``, text: lost.map((t) => `\`${t}\``).join(' and '), example: `${real ? '' : 'e.g. '}\`${example}\``, result: `\`${result}\`` },
    span: target.span,
    help,
    ...(single ? { fix: { span: target.span, text: named } } : {}),
  });
}
