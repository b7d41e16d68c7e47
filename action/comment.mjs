// Step "comment": the plan as ONE pull-request comment, found again by its hidden marker and
// edited on every push instead of adding another. GitHub REST: list, create and update issue
// comments (a pull request is an issue): https://docs.github.com/rest/issues/comments
// A token that may not comment (a pull request from a fork) gets a warning, not a failed job.
import { readFileSync } from 'node:fs';
import { event, setOutput } from './lib.mjs';

const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
const repo = process.env.GITHUB_REPOSITORY;
const token = process.env.RESTOREC_TOKEN;
const number = event().pull_request?.number;
const body = readFileSync(process.env.RESTOREC_PLAN_FILE, 'utf8');
const marker = body.split('\n', 1)[0];

if (!number || !repo) {
  process.stdout.write('restorec: not a pull request: no comment\n');
  process.exit(0);
}
if (!token) {
  process.stdout.write('::warning::restorec: no github-token: the plan is in the job summary only\n');
  process.exit(0);
}

async function call(method, path, payload) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'restorec-action',
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    body: payload ? JSON.stringify(payload) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw Object.assign(new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`), { status: res.status });
  }
  return res.json();
}

try {
  // Every page: on a long discussion the comment may be far back.
  let found;
  for (let page = 1; !found; page++) {
    const comments = await call('GET', `/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    found = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
    if (comments.length < 100) break;
  }
  const comment = found
    ? await call('PATCH', `/repos/${repo}/issues/comments/${found.id}`, { body })
    : await call('POST', `/repos/${repo}/issues/${number}/comments`, { body });
  setOutput('comment-id', String(comment.id));
  process.stdout.write(`restorec: plan comment ${found ? 'updated' : 'created'}: ${comment.html_url ?? comment.id}\n`);
} catch (e) {
  const denied = e.status === 403 || e.status === 404;
  process.stdout.write(`::warning::restorec: could not ${denied ? 'comment (the token may not write to this pull request, e.g. one from a fork: give the job pull-requests: write)' : 'post the plan comment'}: ${e.message}\n`);
}
