// Request authentication, both schemes RDS clients use:
// - RPC signature v1 (pop-core): HMAC-SHA1 over `METHOD&%2F&` + the encoded canonical query of
//   every parameter but Signature, keyed with `secret + "&"`.
// - ACS3-HMAC-SHA256 (the generated SDK @alicloud/rds20140815 via @alicloud/openapi-core): an
//   `Authorization` header over a canonical request of method, path, query, signed headers and
//   the body's SHA-256; Action, Version, date and nonce travel in x-acs-* headers.
// Either way: known AccessKeyId, fresh timestamp, unused nonce, matching STS token when configured.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.ts';
import { percentEncode, type RpcRequest } from './protocol.ts';

export interface Credential {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set, requests with this key must carry exactly this STS token. */
  securityToken?: string;
}

export interface AuthContext {
  credentials: readonly Credential[];
  nowMs: number;
  maxSkewMs: number;
  /** Nonces seen, with the time each may be forgotten (once its timestamp can no longer pass). */
  nonces: Map<string, number>;
}

export interface Authenticated {
  scheme: 'rpc-v1' | 'acs3';
  accessKeyId: string;
  action: string;
  version: string;
}

/** Parameters that authenticate a request rather than say what to do (left out of idempotency checks). */
export const COMMON_PARAMETERS = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce',
  'Timestamp', 'Signature', 'SecurityToken', 'SignatureType',
]);

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

function checkTimestamp(value: string | undefined, ctx: AuthContext): void {
  if (value === undefined || value === '') throw new ApiError('MissingParameter', 'Timestamp is required.');
  const ms = TIMESTAMP.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new ApiError('InvalidTimeStamp.Format');
  if (Math.abs(ctx.nowMs - ms) > ctx.maxSkewMs) throw new ApiError('InvalidTimeStamp.Expired');
}

function findCredential(id: string | undefined, ctx: AuthContext): Credential {
  if (id === undefined || id === '') throw new ApiError('MissingParameter', 'AccessKeyId is required.');
  const cred = ctx.credentials.find((c) => c.accessKeyId === id);
  if (!cred) throw new ApiError('InvalidAccessKeyId.NotFound');
  return cred;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkToken(cred: Credential, sent: string | undefined): void {
  if (cred.securityToken === undefined) {
    if (sent !== undefined && sent !== '') throw new ApiError('InvalidSecurityToken.Malformed');
  } else if (sent === undefined || !sameText(sent, cred.securityToken)) {
    throw new ApiError('InvalidSecurityToken.MismatchWithAccessKey');
  }
}

/** Recorded only after the signature holds, so forged requests cannot burn a client's nonces. */
function useNonce(id: string, nonce: string | undefined, ctx: AuthContext): void {
  if (nonce === undefined || nonce === '') throw new ApiError('MissingParameter', 'SignatureNonce is required.');
  for (const [k, until] of ctx.nonces) if (until < ctx.nowMs) ctx.nonces.delete(k);
  const key = `${id}\n${nonce}`;
  if (ctx.nonces.has(key)) throw new ApiError('SignatureNonceUsed');
  ctx.nonces.set(key, ctx.nowMs + 2 * ctx.maxSkewMs);
}

export function rpcV1Signature(method: string, params: Map<string, string>, secret: string): string {
  const canonical = [...params.keys()]
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params.get(k) ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

function verifyRpcV1(req: RpcRequest, ctx: AuthContext): Authenticated {
  const p = req.params;
  const method = p.get('SignatureMethod');
  if (method !== 'HMAC-SHA1') throw new ApiError('InvalidSignatureMethod');
  if ((p.get('SignatureVersion') ?? '1.0') !== '1.0') throw new ApiError('IncompleteSignature', 'SignatureVersion must be 1.0.');
  checkTimestamp(p.get('Timestamp'), ctx);
  const cred = findCredential(p.get('AccessKeyId'), ctx);
  if (!sameText(rpcV1Signature(req.method.toUpperCase(), p, cred.accessKeySecret), p.get('Signature') ?? '')) throw new ApiError('SignatureDoesNotMatch');
  checkToken(cred, p.get('SecurityToken'));
  useNonce(cred.accessKeyId, p.get('SignatureNonce'), ctx);
  return { scheme: 'rpc-v1', accessKeyId: cred.accessKeyId, action: p.get('Action') ?? '', version: p.get('Version') ?? '' };
}

const ACS3 = /^ACS3-HMAC-SHA256 Credential=([^,]*),SignedHeaders=([^,]*),Signature=([0-9a-f]+)$/;
/** Headers an ACS3 signature must cover, or they could be changed in flight. */
const MUST_SIGN = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

export function acs3Signature(req: RpcRequest, signedHeaders: string[], secret: string): string {
  const query = [...req.query.keys()]
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(req.query.get(k) ?? '')}`)
    .join('&');
  const headers = signedHeaders.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const payload = req.headers['x-acs-content-sha256'] ?? '';
  const canonical = [req.method.toUpperCase(), req.path || '/', query, headers, signedHeaders.join(';'), payload].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

function verifyAcs3(req: RpcRequest, auth: string, ctx: AuthContext): Authenticated {
  const m = ACS3.exec(auth);
  if (!m) throw new ApiError('IncompleteSignature', 'Only ACS3-HMAC-SHA256 is supported in the Authorization header.');
  const signed = (m[2] ?? '').split(';');
  const missing = MUST_SIGN.filter((h) => !signed.includes(h));
  if (missing.length > 0) throw new ApiError('IncompleteSignature', `SignedHeaders must include ${missing.join(', ')}.`);
  checkTimestamp(req.headers['x-acs-date'], ctx);
  const cred = findCredential(m[1], ctx);
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  if (!sameText(bodyHash, req.headers['x-acs-content-sha256'] ?? '')) throw new ApiError('SignatureDoesNotMatch', 'The body does not match x-acs-content-sha256.');
  if (!sameText(acs3Signature(req, signed, cred.accessKeySecret), m[3] ?? '')) throw new ApiError('SignatureDoesNotMatch');
  checkToken(cred, req.headers['x-acs-security-token']);
  useNonce(cred.accessKeyId, req.headers['x-acs-signature-nonce'], ctx);
  return { scheme: 'acs3', accessKeyId: cred.accessKeyId, action: req.headers['x-acs-action'] ?? '', version: req.headers['x-acs-version'] ?? '' };
}

/** Authenticates a request or throws the ApiError to answer with. Messages never quote a secret. */
export function authenticate(req: RpcRequest, ctx: AuthContext): Authenticated {
  const auth = req.headers['authorization'];
  if (auth !== undefined && auth.startsWith('ACS3-')) return verifyAcs3(req, auth, ctx);
  if (req.params.has('Signature')) return verifyRpcV1(req, ctx);
  throw new ApiError('IncompleteSignature', 'No Signature parameter and no ACS3 Authorization header.');
}
