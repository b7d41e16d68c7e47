// Shared by the action's steps (action.yml): GitHub's environment files, the event, running
// restorec, and the spec paths the `specs` input selects. GitHub's file formats:
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Sets a step output; multi-line values use the heredoc form with a delimiter not in the value. */
export function setOutput(name, value) {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) throw new Error('GITHUB_OUTPUT is not set: run this as a step of the action');
  let delimiter;
  do delimiter = `restorec_${randomBytes(8).toString('hex')}`;
  while (value.includes(delimiter));
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Appends Markdown to the job summary (a no-op outside Actions). */
export function summary(markdown) {
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

/** The webhook payload of the event that started the workflow. */
export function event() {
  const path = process.env.GITHUB_EVENT_PATH;
  return path ? JSON.parse(readFileSync(path, 'utf8')) : {};
}

/** Whitespace-separated words of an input (spec paths, extra arguments). */
export const words = (s) => (s ?? '').split(/\s+/).filter(Boolean);

/** Runs restorec; output captured unless `inherit` (then to the log as it comes; `quiet`: no stderr). */
export function restorec(args, { inherit = false, quiet = false } = {}) {
  const stdio = inherit ? ['ignore', 'inherit', quiet ? 'ignore' : 'inherit'] : ['ignore', 'pipe', 'pipe'];
  const r = spawnSync('restorec', args, { encoding: 'utf8', stdio, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run restorec: ${r.error.message} (did the install step run?)`);
  return { status: r.status ?? 2, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function git(args) {
  return spawnSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Whether a path is one the `specs` input selects: `.` for all, a directory, or a file. */
export function selected(path, specs) {
  return specs.some((s) => {
    const p = s.replace(/^\.\//, '').replace(/\/+$/, '');
    return p === '.' || p === '' || path === p || path.startsWith(`${p}/`);
  });
}

const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Prints a workflow command (annotation) for the log. */
export function annotate(kind, message) {
  process.stdout.write(`::${kind}::${escapeData(message)}\n`);
}
