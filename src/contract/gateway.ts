// Errors the API gateway answers for any operation, before the operation runs (Alibaba Cloud's
// common error codes), and the common request parameters every RPC call carries. A missing
// required parameter is refused by the gateway as 400 `Missing<Name>`.

/** Code → [HTTP status, message]. */
export const GATEWAY_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  MissingParameter: [400, 'The input parameter that is mandatory for processing this request is not supplied.'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidParameter: [400, 'The specified parameter "Action or Version" is not valid.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation.'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  InvalidSignatureMethod: [400, 'Specified signature method is not supported.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidSecurityToken.Expired': [400, 'Specified SecurityToken is expired.'],
  'InvalidSecurityToken.Malformed': [400, 'Specified SecurityToken is malformed.'],
  'InvalidSecurityToken.MismatchWithAccessKey': [400, 'Specified SecurityToken mismatch with the AccessKey.'],
  'Forbidden.RAM': [403, 'User not authorized to operate on the specified resource.'],
  IdempotentParameterMismatch: [400, 'The request is retried with updated parameters.'],
  Throttling: [400, 'Request was denied due to request throttling.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  'Throttling.Api': [400, 'Request was denied due to api flow control.'],
  InternalError: [500, 'The request processing has failed due to some unknown error.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
};

/** The gateway's answer to a request without a required parameter. */
export function missingParameter(name: string): { code: string; status: number; message: string } {
  return { code: `Missing${name}`, status: 400, message: `${name} is mandatory for this action.` };
}

export function gatewayError(code: string): { status: number; message: string } | undefined {
  if (/^Missing[A-Z]\w*$/.test(code)) return { status: 400, message: `${code.slice(7)} is mandatory for this action.` };
  const e = Object.hasOwn(GATEWAY_ERRORS, code) ? GATEWAY_ERRORS[code] : undefined;
  return e ? { status: e[0], message: e[1] } : undefined;
}

/** Parameters of the RPC protocol itself, not of any operation. */
export const COMMON_PARAMETERS: ReadonlySet<string> = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce',
  'Timestamp', 'Signature', 'SecurityToken', 'SignatureType',
]);
