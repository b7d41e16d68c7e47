// A stand-in for the part of GitHub's REST API the action calls (issue comments: list with
// pagination, create, update) on 127.0.0.1, in memory, recording every call. Requests must
// carry the expected token, as GitHub's would.
import { createServer, type Server } from 'node:http';

export interface Comment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

export interface GithubStandIn {
  url: string;
  calls: { method: string; path: string }[];
  comments(issue: number): Comment[];
  add(issue: number, body: string, login?: string): Comment;
  close(): Promise<void>;
}

export async function startGithubApi(repo: string, token: string): Promise<GithubStandIn> {
  const byIssue = new Map<number, Comment[]>();
  const calls: { method: string; path: string }[] = [];
  let nextId = 1000;
  const add = (issue: number, body: string, login = 'someone') => {
    const c = { id: nextId++, body, user: { login }, html_url: `https://github.com/${repo}/pull/${issue}#issuecomment-${nextId - 1}` };
    (byIssue.get(issue) ?? byIssue.set(issue, []).get(issue)!).push(c);
    return c;
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      calls.push({ method: req.method ?? '', path: url.pathname + url.search });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
      const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if ((list?.[1] ?? one?.[1]) !== repo) return send(404, { message: 'Not Found' });
      if (list && req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        return send(200, (byIssue.get(Number(list[2])) ?? []).slice((page - 1) * perPage, page * perPage));
      }
      if (list && req.method === 'POST') return send(201, add(Number(list[2]), JSON.parse(raw).body, 'github-actions[bot]'));
      if (one && req.method === 'PATCH') {
        const c = [...byIssue.values()].flat().find((x) => x.id === Number(one[2]));
        if (!c) return send(404, { message: 'Not Found' });
        c.body = JSON.parse(raw).body;
        return send(200, c);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    comments: (issue) => byIssue.get(issue) ?? [],
    add,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
