// The RPC wire format: parameters from the query string and from a form body, Alibaba's percent
// encoding, and JSON answers (a RequestId on every one; errors as {RequestId,HostId,Code,Message,Recommend}).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RpcRequest {
  method: string;
  path: string;
  /** Query parameters only (ACS3 signs these separately from the body). */
  query: Map<string, string>;
  /** Query and form parameters merged; the form wins on a clash. */
  params: Map<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

/** RFC 3986 encoding as Alibaba signs it: `A-Za-z0-9-_.~` kept, space as %20, `!'()*` encoded. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes `k=v&...`; `+` is a space as in any form encoding (clients percent-encode a real `+`). */
export function parsePairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const raw = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    try {
      out.set(raw(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : raw(part.slice(eq + 1)));
    } catch {
      throw new SyntaxError('malformed percent-encoding');
    }
  }
  return out;
}

export const MAX_BODY_BYTES = 1 << 20;

export async function readRequest(req: IncomingMessage): Promise<RpcRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const query = parsePairs(q < 0 ? '' : url.slice(q + 1));
  const params = new Map(query);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of parsePairs(body.toString('utf8'))) params.set(k, v);
  }
  return { method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), query, params, headers, body };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function errorBody(requestId: string, hostId: string, code: string, message: string): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: code,
    Message: message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Rds&requestId=${requestId}`,
  };
}
