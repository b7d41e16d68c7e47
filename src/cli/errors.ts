// Exit codes and the error a command throws for bad usage or unreadable input.

export const EXIT_OK = 0;
/** Findings (lint errors, unformatted files) or a failed apply. */
export const EXIT_FINDINGS = 1;
/** Usage errors and input that cannot be read or parsed. */
export const EXIT_USAGE = 2;

/** Marks a UserError across bundles (each split bundle has its own copy of this class). */
const USER_ERROR = Symbol.for('restorec.UserError');

/** A mistake of the user's (bad flag, missing file): printed as one line, never with a stack. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;
  readonly exitCode: number;
  readonly help: string | undefined;
  constructor(message: string, help?: string, exitCode = EXIT_USAGE) {
    super(message);
    this.name = 'UserError';
    this.help = help;
    this.exitCode = exitCode;
  }
}

/** `instanceof UserError`, also for one thrown by another bundle's copy of the class. */
export function isUserError(e: unknown): e is UserError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[USER_ERROR] === true;
}
