// API errors as values people can act on: every documented code maps to what happened and what
// to do, with the call's RequestId. Also the one place that decides what is worth retrying.
import { redact } from './redact.ts';

/** Throttling, server errors and lost connections: the same call may well succeed later. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['Throttling', 'Throttling.User', 'Throttling.Api', 'InternalError', 'ServiceUnavailable']);

const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/** What each documented code means for the user: [what happened, what to do]. */
export const ERROR_ADVICE: Readonly<Record<string, readonly [string, string]>> = {
  // RestoreTable (rds-api.md).
  'InvalidRestoreType.Format': ['the request did not give exactly one of BackupId and RestoreTime', 'this is a restorec bug: report it with the spec'],
  'InvalidRestoreTime.Format': ['the restore time is not UTC yyyy-MM-ddTHH:mm:ssZ', 'this is a restorec bug: report it with the spec'],
  'InvalidBackup.NotFound': ['no backup covers the restore time', 'pick a time inside the recovery window (restorec inventory pull shows it)'],
  'InvalidBackupSetID.NotFound': ['the backup set does not exist on this instance', 'check `from backup` against DescribeBackups (restorec inventory pull lists them)'],
  IncorrectBackupSetState: ['the backup set cannot be used for a table restore (failed, or taken before table restore was enabled)', 'use a successful backup whose MetaStatus is OK'],
  'InvalidDBName.Duplicate': ['a target database or table already exists on the instance', 'rename the targets or drop the existing ones; restorec lint shows which'],
  ChildDBInstanceExists: ['the instance has read-only, guard or temporary instances attached', 'release them, or restore on an instance without children'],
  'InvalidParameters.Format': ['a parameter was refused as malformed', 'check the names in the spec; if they are valid, report this with the spec'],
  InsufficientResourceCapacity: ['the region has no capacity for the restore right now', 'try again later'],
  MissingUserID: ['the service could not identify the account', 'check the credentials and the account status, then retry'],
  MissingUID: ['the service could not identify the account', 'check the credentials and the account status, then retry'],
  IncorrectDBInstanceState: ['the instance is not in a state that allows a restore (not Running, or another restore or migration runs)', 'wait until it is Running with no task, then apply again'],
  IncorrectDBInstanceLockMode: ['the instance is locked', 'unlock it (expired subscription, full disk) and apply again'],
  IncorrectEngineVersion: ['this engine, version or edition does not support table-level restore', 'see restorec lint rule instance-eligibility'],
  InvalidBackupLogStatus: ['log backup is off, so a point-in-time restore is impossible', 'enable log backup, or restore `from backup`'],
  'InvalidMeta.TooLarge': ['too many databases or tables (over the per-restore or per-instance limit)', 'lower --max-entries, or restore from a backup with fewer tables'],
  'InvalidMeta.Empty': ['the backup lists no databases or tables to restore', 'use another backup (its MetaStatus must be OK)'],
  'InvalidMeta.NotFound': ['a database or table to restore is not in the backup', 'pull the inventory again and check the spec against it'],
  'InvalidDBInstance.NotFound': ['the instance does not exist in this region', 'check the instance id and --region (or the spec\'s region statement)'],
  LogBackupNotEnabled: ['log backup is off on this instance', 'enable log backup, or restore `from backup`'],
  IdempotentParameterMismatch: ['this ClientToken was already used with different parameters', 'the spec changed after a restore with the same token; this should not happen: report it'],
  // Paging (the inventory reader).
  InvalidPageSize: ['the service refused the page size', 'report this: restorec sends documented page sizes only'],
  InvalidPageIndex: ['the service refused the page index', 'report this: restorec pages from 1'],
  // Credentials and the gateway.
  IncompleteSignature: ['the request signature was refused as incomplete (its string-to-sign is not shown: it quotes the signed parameters)', 'check the AccessKey pair and the STS token (ALIBABA_CLOUD_SECURITY_TOKEN) belong together and have not expired'],
  SignatureDoesNotMatch: ['the request signature did not match: the AccessKey secret is wrong', 'check ALIBABA_CLOUD_ACCESS_KEY_SECRET or the profile in ~/.aliyun/config.json'],
  'InvalidAccessKeyId.NotFound': ['the AccessKey id does not exist', 'check ALIBABA_CLOUD_ACCESS_KEY_ID or the profile in ~/.aliyun/config.json'],
  'InvalidAccessKeyId.Inactive': ['the AccessKey is disabled', 'enable it or use another one'],
  'Forbidden.RAM': ['the RAM user or role lacks permission for this action', 'grant the rds: permission named in the action below to the RAM identity'],
  Forbidden: ['the request was forbidden', 'check the RAM permissions of these credentials'],
  'InvalidSecurityToken.Expired': ['the STS token has expired', 'get a fresh token (ALIBABA_CLOUD_SECURITY_TOKEN) and retry'],
  'InvalidSecurityToken.Malformed': ['the STS token is malformed', 'check ALIBABA_CLOUD_SECURITY_TOKEN'],
  'InvalidSecurityToken.MismatchWithAccessKey': ['the STS token does not belong to this AccessKey', 'use the token issued with this AccessKey id'],
  'InvalidTimeStamp.Expired': ['the request timestamp is too far from the service clock', 'fix this machine\'s clock (NTP)'],
  SignatureNonceUsed: ['a signature nonce was reused', 'retry; if it persists, report it'],
  'InvalidAction.NotFound': ['the endpoint does not know this action', 'check --endpoint and --region'],
  InvalidVersion: ['the endpoint does not speak API version 2014-08-15', 'check --endpoint'],
  MissingParameter: ['a required parameter is missing', 'report this with the command you ran'],
  // Transient.
  Throttling: ['the service throttled the requests', 'retried with backoff; lower --rate or try again later'],
  'Throttling.User': ['the account\'s request rate was exceeded', 'retried with backoff; lower --rate or try again later'],
  'Throttling.Api': ['the API\'s request rate was exceeded', 'retried with backoff; lower --rate or try again later'],
  InternalError: ['the service failed internally', 'retried with backoff; try again later'],
  ServiceUnavailable: ['the service is temporarily unavailable', 'retried with backoff; try again later'],
};

/** A failed API call (or one that never got an answer), ready to print. */
export class CloudError extends Error {
  override readonly name = 'CloudError';
  constructor(
    readonly action: string,
    /** The API's code, or a network code such as ECONNRESET / TIMEOUT. */
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly retryable: boolean,
    readonly attempts = 1,
  ) {
    super(message);
  }
}

interface RawError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  data?: { RequestId?: unknown; Message?: unknown; Code?: unknown } | undefined;
}

/** The code of a raw client error: the API's `Code`, a socket code, or TIMEOUT. */
export function errorCode(e: unknown): string {
  const r = (e ?? {}) as RawError;
  if (typeof r.data?.Code === 'string') return r.data.Code;
  if (typeof r.name === 'string' && /Timeout/i.test(r.name)) return 'TIMEOUT';
  if (typeof r.code === 'string') return r.code;
  if (r instanceof SyntaxError) return 'BAD_RESPONSE';
  if (typeof r.message === 'string' && /socket hang up/i.test(r.message)) return 'ECONNRESET';
  return 'UNKNOWN';
}

/** Throttling, 5xx, timeouts, resets and unreadable (gateway) answers are retried; nothing else. */
export function isRetryable(code: string): boolean {
  return RETRYABLE_CODES.has(code) || NETWORK_CODES.has(code) || code === 'TIMEOUT' || code === 'BAD_RESPONSE';
}

function describeNetwork(code: string): readonly [string, string] {
  if (code === 'TIMEOUT') return ['no answer within the timeout', 'check the network and --endpoint, or raise --timeout'];
  if (code === 'ECONNREFUSED') return ['the endpoint refused the connection', 'check --endpoint / --region'];
  if (code === 'ENOTFOUND') return ['the endpoint host name does not resolve', 'check --endpoint / --region'];
  if (code === 'BAD_RESPONSE') return ['the answer was not JSON (a proxy or gateway error page?)', 'check --endpoint and any proxy in between'];
  if (NETWORK_CODES.has(code)) return ['the connection was lost', 'check the network and retry'];
  return ['the call failed', 'run again with --verbose for details'];
}

/** Turns whatever the client threw into a CloudError whose message has no secret in it. */
export function toCloudError(action: string, e: unknown, attempts = 1): CloudError {
  if (e instanceof CloudError) return e;
  const r = (e ?? {}) as RawError;
  const code = errorCode(e);
  const requestId = typeof r.data?.RequestId === 'string' ? r.data.RequestId : undefined;
  const advice = ERROR_ADVICE[code] ?? (r.data?.Code !== undefined ? undefined : describeNetwork(code));
  const apiMessage = typeof r.data?.Message === 'string' ? r.data.Message : typeof r.message === 'string' ? r.message : String(e);
  const what = advice ? advice[0] : `the service answered ${code}: ${apiMessage}`;
  const todo = advice ? advice[1] : 'see the RDS API error documentation for this code';
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const message = `${action} failed${tries}: ${what} (${code}${requestId ? `, RequestId ${requestId}` : ''}). ${todo}.`;
  return new CloudError(action, code, redact(message), requestId, isRetryable(code), attempts);
}
