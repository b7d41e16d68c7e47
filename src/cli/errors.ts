// Exit codes and the error a command throws for bad usage or unreadable input.

export const EXIT_OK = 0;
/** Findings (lint errors, unformatted files) or a failed apply. */
export const EXIT_FINDINGS = 1;
/** Usage errors and input that cannot be read or parsed. */
export const EXIT_USAGE = 2;

/** A mistake of the user's (bad flag, missing file): printed as one line, never with a stack. */
export class UserError extends Error {
  readonly exitCode: number;
  readonly help: string | undefined;
  constructor(message: string, help?: string, exitCode = EXIT_USAGE) {
    super(message);
    this.name = 'UserError';
    this.help = help;
    this.exitCode = exitCode;
  }
}
