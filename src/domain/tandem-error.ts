/**
 * The one error type for problems a user can act on: bad input, unknown ids, unreadable files.
 * It carries a stable machine-readable `code`, the HTTP status the API answers with and the exit
 * code the CLI ends with. Anything else that is thrown is a bug and is reported as one.
 */
export type ErrorCode =
  | 'bad-input'
  | 'unreadable-file'
  | 'unknown-format'
  | 'invalid-file'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'local-only'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  /** A request whose body arrived too slowly to be waited for. */
  | 'timeout'
  | 'source-failed'
  /** Something the machine lacks (Chromium for the PDF brief, the master key that opens encrypted records): the message says what to do. */
  | 'unavailable';

/** Each code's HTTP status: the API answers with it, and the OpenAPI document lists it. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  'bad-input': 400,
  'unreadable-file': 400,
  'unknown-format': 400,
  'invalid-file': 400,
  'not-found': 404,
  unauthenticated: 401,
  forbidden: 403,
  'local-only': 403,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  timeout: 408,
  // An outside source (ACLED's or UCDP's API) refused or failed: a gateway's error, not the caller's.
  'source-failed': 502,
  unavailable: 503,
};

export interface TandemErrorOptions {
  /** Extra machine-readable detail (for example the problems found in a file). */
  details?: unknown;
  cause?: unknown;
}

export class TandemError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: TandemErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'TandemError';
    this.code = code;
    this.details = options.details;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  /** User errors end the CLI with 2; `forbidden` and `not-found` too, so scripts can tell. */
  get exitCode(): number {
    return 2;
  }
}

export function isTandemError(e: unknown): e is TandemError {
  return e instanceof TandemError;
}
