/**
 * An error meant for a person: the message says what happened and what to do next.
 * Everything else that escapes is a bug and is reported generically (never as a stack trace on screen).
 */
export class UserError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** A message safe to show: user errors as written, anything else as a generic line. */
export function describeError(e: unknown): string {
  if (isUserError(e)) return e.message;
  return 'Internal error: the operation did not complete. Run `checkpoint doctor` and report this to the technician.';
}
