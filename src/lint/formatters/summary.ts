// A Markdown summary for $GITHUB_STEP_SUMMARY: annotations show only a few per step, so the
// full list goes to the job summary too, with the rules that could not run and why: a run
// without an inventory is never reported as "no problems".
import type { FileResult } from '../lint.ts';
import type { Need } from '../rule.ts';
import { visibleText } from '../../grammar/visible.ts';
import { markdownText } from '../../grammar/markdown.ts';
import { rangeOf, ruleLabel } from './positions.ts';
import { notChecked, unresolvedText } from './skipped.ts';

/**
 * Text for a table cell, rendered as the text it is (markdownText). Messages quote names from
 * snapshots, and a name must not open a link or an image (a tracking pixel in the job summary),
 * raw HTML or a code span that swallows the rest of the row; names show between their
 * backquotes as the spec writes them.
 */
const cell = markdownText;

// One reason per skipped rule and file: a file without an inventory has no plan either (the plan
// is made against the inventory), so there the inventory is the cause of every skip.
const ORDER: Need[] = ['inventory', 'plan', 'spec'];
const WHY: Record<Need, string> = {
  inventory: 'no inventory: no `NAME.inventory.json` beside the spec, no `--inventory`, and no live read of the instance',
  plan: 'no plan: the spec does not compile against its inventory (the errors above say why: the inventory may not list its backup or time)',
  spec: 'the spec could not be read',
};

function skippedSection(results: readonly FileResult[]): { count: number; text: string[] } {
  const byNeed = new Map<Need, { rules: Set<string>; files: Set<string> }>();
  for (const r of results) {
    const noInventory = r.skipped.some((s) => s.missing.includes('inventory'));
    for (const s of r.skipped) {
      const need = noInventory ? 'inventory' : (ORDER.find((n) => s.missing.includes(n)) ?? s.missing[0]!);
      const entry = byNeed.get(need) ?? byNeed.set(need, { rules: new Set(), files: new Set() }).get(need)!;
      entry.rules.add(s.ruleId);
      entry.files.add(r.file);
    }
  }
  const all = new Set([...byNeed.values()].flatMap((e) => [...e.rules]));
  if (all.size === 0) return { count: 0, text: [] };
  const text = ['', `**${all.size} rule${all.size === 1 ? '' : 's'} did not run**, so this is not a full check:`, ''];
  for (const need of ORDER.filter((n) => byNeed.has(n))) {
    const e = byNeed.get(need)!;
    const files = [...e.files].sort();
    text.push(`- ${WHY[need]} (${files.length === 1 ? cell(files[0]!) : `${files.length} files: ${files.map(cell).join(', ')}`}): ${[...e.rules].sort().map((id) => `\`${id}\``).join(', ')}`);
  }
  if (byNeed.has('inventory')) text.push('', 'To run them: `restorec inventory pull` writes a snapshot to keep beside each spec, or give the job Alibaba Cloud credentials for a live read.');
  return { count: all.size, text };
}

export function formatSummaryMarkdown(results: readonly FileResult[]): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const skipped = skippedSection(results);
  const head = `### restorec lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${skipped.count > 0 ? `, ${skipped.count} rule${skipped.count === 1 ? '' : 's'} skipped` : ''}`;
  const lines = [head, ''];
  const unresolved = notChecked(results).unresolved;
  if (errors + warnings === 0) {
    lines.push(skipped.count > 0 || unresolved.length > 0 ? 'No problems found by the rules that ran.' : 'No problems found.');
  } else {
    lines.push('| file | line | severity | rule | message |', '|---|---|---|---|---|');
    for (const r of results) {
      for (const m of r.messages) {
        const p = rangeOf(r, m);
        lines.push(`| ${cell(r.file)} | ${p.line}:${p.column} | ${m.severity === 2 ? 'error' : 'warning'} | ${cell(ruleLabel(m))} | ${cell(m.message)} |`);
      }
    }
  }
  // restorec's own sentence; the patterns it quotes are bare (no backquote can be in one), so their code spans hold.
  const patterns = unresolved.length > 0 ? ['', visibleText(unresolvedText(unresolved).replace(/\r?\n/g, ' ')) + '.'] : [];
  return [...lines, ...skipped.text, ...patterns].join('\n') + '\n';
}
