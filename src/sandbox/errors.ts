// The API errors the sandbox answers with: code, HTTP status and message, in one table, so a test
// can list every code and a doc can be checked against it. Statuses follow docs/rds-api.md;
// codes marked there UNCONFIRMED keep the status the sibling APIs use.

export const ERRORS = {
  // Gateway: signature, credentials, common parameters.
  MissingParameter: [400, 'A required parameter is missing.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation.'],
  'IncompleteSignature': [400, 'The request signature does not conform to Aliyun standards.'],
  'InvalidSignatureMethod': [400, 'Specified signature method is not supported.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified SecurityToken mismatch with the AccessKey.'],
  'InvalidSecurityToken.Malformed': [400, 'Specified SecurityToken is malformed.'],
  // Transient (fault injection).
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  InternalError: [500, 'The request processing has failed due to some unknown error.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
  // Operation parameters.
  'InvalidParameters.Format': [400, 'The specified parameter format is invalid.'],
  InvalidPageSize: [400, 'Specified page size is not valid.'],
  InvalidPageIndex: [400, 'Specified page index is not valid.'],
  'InvalidRestoreType.Format': [400, 'Specified restore type is not valid.'],
  'InvalidRestoreTime.Format': [400, 'Specified restore time is not valid.'],
  IdempotentParameterMismatch: [400, 'The request uses the same client token as a previous, but non-identical request.'],
  // Resources and their state.
  InsufficientResourceCapacity: [404, 'There is not enough resource for your request; try again later.'],
  'InvalidDBInstance.NotFound': [404, 'Specified instance does not exist.'],
  'InvalidBackupSetID.NotFound': [404, 'Specified backup set ID does not exist.'],
  'InvalidBackup.NotFound': [404, 'No backup covers the specified restore time.'],
  IncorrectBackupSetState: [403, 'Current backup set state does not support this operation.'],
  'InvalidDBName.Duplicate': [400, 'Specified target database or table already exists.'],
  ChildDBInstanceExists: [403, 'The instance has child instances (read-only, guard or temporary).'],
  IncorrectDBInstanceState: [403, 'Current DB instance state does not support this operation.'],
  IncorrectDBInstanceLockMode: [403, 'Current DB instance lock mode does not support this operation.'],
  'InvalidMeta.TooLarge': [403, 'Too many databases or tables.'],
  'InvalidMeta.Empty': [403, 'No database or table to restore.'],
  'InvalidMeta.NotFound': [404, 'A database or table to restore is not in the backup.'],
  InvalidBackupLogStatus: [403, 'Log backup is not enabled on this instance.'],
  LogBackupNotEnabled: [400, 'Log backup is not enabled on this instance.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** An API error answer. `detail` is appended to the message; it must never quote a secret. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: ErrorCode, detail?: string) {
    const [status, message] = ERRORS[code];
    super(detail ? `${message} ${detail}` : message);
    this.code = code;
    this.status = status;
  }
}
