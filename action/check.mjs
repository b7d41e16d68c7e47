// Step "check": format check, lint (SARIF for code scanning, annotations and the job summary)
// and the plan of each changed spec as Markdown for the pull-request comment. It always exits
// 0 and says what failed in its outputs, so the comment and the SARIF upload still happen; the
// action's last step fails the job. `sarif-file` is set only when lint wrote the file.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate, escapeProperty, restorec, setOutput, summary, words } from './lib.mjs';

const MARKER = `<!-- restorec-plan${process.env.RESTOREC_COMMENT_KEY ? `:${process.env.RESTOREC_COMMENT_KEY}` : ''} -->`;
const specs = words(process.env.RESTOREC_SPECS || '.');
const changed = (process.env.RESTOREC_CHANGED ?? '').split('\n').filter(Boolean);
const tmp = process.env.RUNNER_TEMP ?? '.';
const failed = [];
const echo = (r) => process.stdout.write(r.stdout + r.stderr);

// 1. Format.
const fmt = restorec(['fmt', '--check', ...specs]);
echo(fmt);
if (fmt.status !== 0) {
  failed.push(fmt.status === 1 ? 'unformatted specs' : 'fmt could not read every spec');
  for (const f of fmt.stdout.split('\n').filter(Boolean)) process.stdout.write(`::error file=${escapeProperty(f)},title=restorec fmt::not formatted: run restorec fmt on it\n`);
}

// 2. Lint: SARIF to a file (only uploaded when written), then annotations and the job summary.
const sarif = join(tmp, 'restorec.sarif');
rmSync(sarif, { force: true });
const lintArgs = words(process.env.RESTOREC_LINT_ARGS);
const lint = restorec(['lint', '--format', 'sarif', '--output-file', sarif, ...lintArgs, ...specs]);
process.stdout.write(lint.stderr);
const wrote = existsSync(sarif) && statSync(sarif).size > 0;
setOutput('sarif-file', wrote ? sarif : '');
// Workflow commands on stdout; lint appends the summary itself; its notes are already above.
restorec(['lint', '--format', 'github', ...lintArgs, ...specs], { inherit: true, quiet: true });
if (lint.status !== 0) failed.push(lint.status === 1 ? 'lint found problems' : 'lint could not run');
let counts = 'lint could not run: see the log';
if (wrote) {
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((r) => r.results ?? []);
  const n = (level) => results.filter((r) => r.level === level).length;
  const skipped = /(\d+) rules? skipped/.exec(lint.stderr)?.[1];
  counts = `${n('error')} errors, ${n('warning')} warnings${skipped ? `, **${skipped} rules skipped** (no inventory: see the job summary)` : ''}`;
}

// 3. The plan of every changed spec, each on its own so one that cannot be planned hides no other.
const planArgs = words(process.env.RESTOREC_PLAN_ARGS);
const pages = [];
for (const spec of changed) {
  const plan = restorec(['plan', '--format', 'markdown', ...planArgs, spec]);
  if (plan.status === 0) {
    pages.push(plan.stdout.trim());
    // Planned from the spec alone (no inventory): no requests to review, so not a passing check.
    if (/planned without an inventory/.test(plan.stderr)) {
      failed.push(`no inventory for ${spec}`);
      annotate('error', `restorec plan ${spec}: ${plan.stderr.trim()}`);
    }
  } else {
    failed.push(`no plan for ${spec}`);
    annotate('error', `restorec plan ${spec} failed (exit ${plan.status}): ${plan.stderr.trim()}`);
    pages.push(`### restorec plan: \`${spec}\`: **no plan**\n\n\`\`\`text\n${plan.stderr.trim()}\n\`\`\``);
  }
}
const runUrl = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : '';
const head = (process.env.RESTOREC_HEAD ?? '').slice(0, 12);
let body = [
  MARKER,
  '## restorec',
  '',
  `- **Format:** ${fmt.status === 0 ? 'all specs formatted' : fmt.status === 1 ? 'some specs are not formatted (run `restorec fmt`)' : 'could not read every spec'}`,
  `- **Lint:** ${counts}`,
  `- **Plan:** ${changed.length === 0 ? 'no spec changed' : `${changed.length} changed spec${changed.length === 1 ? '' : 's'} (${process.env.RESTOREC_HOW ?? ''})`}`,
  '',
  ...pages.flatMap((p) => [p, '']),
  `<sub>Updated for ${head || 'this commit'}${runUrl ? ` by [this run](${runUrl})` : ''}. This comment is edited on every push.</sub>`,
].join('\n');
// GitHub refuses comment bodies over 65,536 characters.
if (body.length > 60_000) body = `${body.slice(0, 60_000)}\n\n… the plan is too long for a comment: the job summary and the log have all of it.\n`;
const planFile = join(tmp, 'restorec-plan.md');
writeFileSync(planFile, body);
setOutput('plan-file', planFile);
summary(pages.length ? `### restorec plan\n\n${pages.join('\n\n')}\n` : '### restorec plan\n\nNo spec changed.\n');
setOutput('failed', failed.length ? 'true' : 'false');
setOutput('problems', failed.join('; '));
