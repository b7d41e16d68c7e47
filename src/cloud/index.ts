// The RDS side of restorec: the API client (credentials, retries, limits, error mapping,
// redaction) and applying compiled requests exactly once.
export { RdsClient, cleanParams, API_VERSION, DEFAULT_RETRY, DEFAULT_LIMIT, DEFAULT_TIMEOUT_MS, type RdsClientOptions, type RetryPolicy, type Params, type ApiBody } from './client.ts';
export { CloudError, ERROR_ADVICE, RETRYABLE_CODES, isRetryable, errorCode, toCloudError } from './errors.ts';
export { cloudConfigured, credentialsSource, staticCredentials, endpointFor, CredentialsError, type CloudCredentials, type CredentialsSource } from './credentials.ts';
export { redact, redactUrls, registerSecret, clearSecrets } from './redact.ts';
export { Limiter, type LimitOptions } from './limiter.ts';
export { Applier, DEFAULT_RESTORE_TASK_TYPE, type ApplyOptions, type ApplyEvent, type RequestOutcome, type OutcomeStatus, type ApiCaller, ENDED_STATUSES } from './apply.ts';
export { requestTargets, targetPresence, withoutTargets, type RequestTargets, type Presence } from './targets.ts';
