// API errors as values people can act on: every documented code maps to what happened and what
// to do, with the call's RequestId. Also the one place that decides what is worth retrying.
import { redact } from './redact.ts';

/**
 * Throttling, server errors and lost connections: the same call may well succeed later. The
 * contract documents several transient codes as HTTP 400 ("retry later" in their names or
 * messages): TimeoutRetryLater and ConnectTimeoutRetryLater (DescribeDBInstanceAttribute),
 * InternalFailure and IO.Exception (DescribeBackupPolicy, DescribeTasks), InvokeServiceFailed.
 */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'Throttling', 'Throttling.User', 'Throttling.Api', 'InternalError', 'ServiceUnavailable',
  'TimeoutRetryLater', 'ConnectTimeoutRetryLater', 'InternalFailure', 'IO.Exception', 'InvokeServiceFailed',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/** What each documented code means for the user: [what happened, what to do]. */
export const ERROR_ADVICE: Readonly<Record<string, readonly [string, string]>> = {
  // RestoreTable (the contract's codes a spec or an instance can cause).
  'InvalidRestoreTime.Format': ['the restore time is not UTC yyyy-MM-ddTHH:mm:ssZ', 'this is a restorec bug: report it with the spec'],
  'MissBackupSetAndRestoreTime.NotFound': ['the request named neither a backup nor a time', 'this is a restorec bug: report it with the spec'],
  'InvalidBackup.NotFound': ['no backup covers the restore time', 'pick a time inside the recovery window (restorec inventory pull shows it)'],
  'InvalidBinlog.NotFound': ['the log backups do not cover the restore time', 'pick a time inside the recovery window, or restore `from backup`'],
  'InvalidBackupSetID.NotFound': ['the backup set does not exist on this instance', 'check `from backup` against DescribeBackups (restorec inventory pull lists them)'],
  IncorrectBackupSetState: ['the backup set cannot be used for a table restore (failed, or taken before table restore was enabled)', 'use a successful backup whose MetaStatus is OK'],
  IncorrectBackupSetMethod: ['the backup set\'s method or format cannot restore individual tables (e.g. CompressType 8)', 'use a backup taken with table restore enabled'],
  'InvalidDBName.Duplicate': ['a target database or table already exists on the instance', 'rename the targets or drop the existing ones; restorec lint shows which'],
  'InvalidParamTableMetaForRestore.Content': ['a table would be restored under its own database and table name', 'give it a new name (restorec lint rule in-place-restore)'],
  'InvalidParamTableMeta.TooManyTables': ['more than 100 tables in one request', 'this is a restorec bug (it splits requests at 100 tables): report it with the spec'],
  'InvalidParamTableMeta.Content': ['two tables would get the same target name', 'see restorec lint rule target-collision'],
  'InvalidParamTableMeta.Duplicate': ['a table is listed twice, or a system database is named', 'see restorec lint rules table-matched-twice and system-schema'],
  InvalidParamTableMeta: ['TableMeta was refused as malformed', 'this is a restorec bug: report it with the spec'],
  'InvalidSourceRestoreDBName.NotFound': ['a database to restore is not in the backup', 'pull the inventory again and check the spec against it'],
  'InvalidDB.NotFound': ['a database or table to restore does not exist in the backup (or cannot be restored now)', 'pull the inventory again and check the spec against it'],
  'DiskSize.NotEnough': ['the instance has too little free disk for the restore', 'expand the storage, or restore fewer tables (restorec lint rule disk-space)'],
  'InvalidBakHistory.DbVersionMismatch': ['the backup was taken on another engine version than the instance runs now', 'restore from a backup taken after the version upgrade'],
  ChildDBInstanceExists: ['the instance has read-only, guard or temporary instances attached', 'release them, or restore on an instance without children'],
  IncorrectDBInstanceType: ['this instance type (engine, version, edition or storage) cannot restore individual tables', 'see restorec lint rule instance-eligibility'],
  'InvalidParameters.Format': ['a parameter was refused as malformed', 'check the names in the spec; if they are valid, report this with the spec'],
  InsufficientResourceCapacity: ['the region has no capacity for the restore right now', 'try again later'],
  MissingUserID: ['the service could not identify the account', 'check the credentials and the account status, then retry'],
  MissingUID: ['the service could not identify the account', 'check the credentials and the account status, then retry'],
  IncorrectDBInstanceState: ['the instance is not in a state that allows a restore (not Running, locked, or another restore or task runs)', 'wait until it is Running with no task, then apply again'],
  IncorrectDBInstanceLockMode: ['the instance is locked', 'unlock it (expired subscription, full disk) and apply again'],
  IncorrectEngineVersion: ['this engine, version or edition does not support table-level restore', 'see restorec lint rule instance-eligibility'],
  InvalidBackupLogStatus: ['log backup is off, so a point-in-time restore is impossible', 'enable log backup, or restore `from backup`'],
  'InvalidMeta.TooLarge': ['the backup lists too many tables (over 50,000) for table restore', 'restore the whole instance instead'],
  'InvalidMeta.Empty': ['the backup\'s table list is empty or failed', 'use another backup (its MetaStatus must be OK)'],
  'InvalidDBInstance.NotFound': ['the instance does not exist in this region', 'check the instance id and --region (or the spec\'s region statement)'],
  'InvalidDBInstanceId.NotFound': ['the instance does not exist in this region', 'check the instance id and --region (or the spec\'s region statement)'],
  LogBackupNotEnabled: ['log backup is off on this instance', 'enable log backup, or restore `from backup`'],
  // RestoreDdrTable and the cross-region reads.
  'InvalidBakset.Invalid': ['the cross-region backup set cannot be used for this restore (failed, without table lists, or not restorable to this region)', 'see restorec lint rule cross-region-backup-usable'],
  'InvalidRestoreType.Format': ['the RestoreType was refused', 'this is a restorec bug: report it with the spec'],
  'RestoreType.NotFound': ['the RestoreType was refused', 'this is a restorec bug: report it with the spec'],
  'InvalidRegion.Format': ['the region was refused', 'check the region id of `from region` (DescribeRegions lists them)'],
  CrossBackupNotSupport: ['the region does not support cross-region backup', 'see restorec lint rule cross-region-supported'],
  NoAvailableDisasterRestoreBakset: ['no cross-region backup set is available for a disaster restore', 'see restorec lint rule cross-region-backup-available'],
  NoAvailableLogBackup: ['the source has no cross-region log backup', 'restore a cross-region backup set instead (restorec lint rule cross-region-time-window)'],
  ParameterAbsence: ['a parameter the call needs was missing', 'this is a restorec bug: report it with the command you ran'],
  IdempotentParameterMismatch: ['this ClientToken was already used with different parameters', 'the spec changed after a restore with the same token; this should not happen: report it'],
  // Paging (the inventory reader).
  InvalidPageSize: ['the service refused the page size', 'report this: restorec sends documented page sizes only'],
  InvalidPageIndex: ['the service refused the page index', 'report this: restorec pages from 1'],
  'InvalidMaxRecordsPerPage.Malformed': ['the service refused the page size', 'report this: restorec sends documented page sizes only'],
  'Param.Invalid': ['the service refused a parameter of the task query', 'report this with the command you ran (--verbose shows the call)'],
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
  InternalFailure: ['the service failed internally', 'retried with backoff; try again later'],
  'IO.Exception': ['the service failed internally', 'retried with backoff; try again later'],
  InvokeServiceFailed: ['the service failed internally', 'retried with backoff; try again later'],
  TimeoutRetryLater: ['the service timed out', 'retried with backoff; try again later'],
  ConnectTimeoutRetryLater: ['the service timed out', 'retried with backoff; try again later'],
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
  // pop-core parses with json-bigint, which throws a plain {name: 'SyntaxError'} object on an
  // answer that is not JSON (an HTML error page, a cut-off body, an empty one).
  if (r.name === 'SyntaxError' || r instanceof SyntaxError) return 'BAD_RESPONSE';
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
  if (code === 'BAD_RESPONSE') return ['the answer was not a JSON object with a RequestId (a proxy or gateway error page, or a cut-off answer?)', 'check --endpoint and any proxy in between; --verbose shows the start of each answer'];
  if (NETWORK_CODES.has(code)) return ['the connection was lost', 'check the network and retry'];
  return ['the call failed', 'run again with --verbose for details'];
}

/** Turns whatever the client threw into a CloudError whose message has no secret in it. */
export function toCloudError(action: string, e: unknown, attempts = 1): CloudError {
  if (e instanceof CloudError) return e;
  const r = (e ?? {}) as RawError;
  const code = errorCode(e).slice(0, 100);
  const requestId = typeof r.data?.RequestId === 'string' ? r.data.RequestId.slice(0, 100) : undefined;
  // Codes are data from the network: `constructor` or `__proto__` must not find Object's members.
  const advice = (Object.hasOwn(ERROR_ADVICE, code) ? ERROR_ADVICE[code] : undefined) ?? (r.data?.Code !== undefined ? undefined : describeNetwork(code));
  const full = typeof r.data?.Message === 'string' ? r.data.Message : typeof r.message === 'string' ? r.message : String(e);
  const apiMessage = full.length > 300 ? `${full.slice(0, 300)}...` : full;
  const what = advice ? advice[0] : `the service answered ${code}: ${apiMessage}`;
  const todo = advice ? advice[1] : 'see the RDS API error documentation for this code';
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const message = `${action} failed${tries}: ${what} (${code}${requestId ? `, RequestId ${requestId}` : ''}). ${todo}.`;
  return new CloudError(action, code, redact(message), requestId, isRetryable(code), attempts);
}
