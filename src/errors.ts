// The one error class of shipbench. `user` errors are the caller's to fix (bad input, missing
// requirement) and print as one line with exit code 2; `internal` errors are bugs and print a report.
export type ErrorKind = 'user' | 'internal';

export class ShipbenchError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly kind: ErrorKind;

  constructor(code: string, message: string, options: { hint?: string; kind?: ErrorKind; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipbenchError';
    this.code = code;
    this.hint = options.hint;
    this.kind = options.kind ?? 'user';
  }

  /** One line for the terminal: what went wrong, then what to do. */
  oneLine(): string {
    return this.hint ? `${this.message}; ${this.hint}` : this.message;
  }
}

// A user error: bad input or a missing requirement, with what to do about it.
export function userError(code: string, message: string, hint?: string, cause?: unknown): ShipbenchError {
  return new ShipbenchError(code, message, { hint, kind: 'user', cause });
}

export function isShipbenchError(e: unknown): e is ShipbenchError {
  return e instanceof ShipbenchError;
}

// True when an error (or one it was caused by) says a disk or the store is full: retrying does not
// help, freeing space does.
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true;
  }
  return false;
}
