// The sandbox's error answers. An operation throws ApiError(code); the status and message come
// from the contract (../contract): the operation's own documented codes first, then the
// gateway's common ones. A code neither documents is a sandbox bug, and the contract tests
// (test/contract) fail on it: the sandbox may not invent errors the real API cannot give.
import { documentedCodes, documentedError, gatewayError } from '../contract/index.ts';

/** An API error answer. `detail` is appended to the message; it must never quote a secret. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  /** Neither the operation nor the gateway documents this code. */
  undocumented: boolean;
}

export function errorAnswer(action: string, e: ApiError): ErrorAnswer {
  const doc = documentedError(action, e.code) ?? gatewayError(e.code);
  const base = doc?.message ?? 'The request failed.';
  return { status: doc?.status ?? 400, code: e.code, message: e.detail ? `${base} ${e.detail}` : base, undocumented: !doc };
}

/** Whether RestoreTable documents `code` (the behaviour setting for a concurrent restore must be one). */
export function isRestoreTableCode(code: string): boolean {
  return documentedCodes('RestoreTable').includes(code);
}
