/**
 * Error codes shared by the server and the web app. The web app shows the server's Chinese message
 * as it is and branches only on the code, never on the text.
 */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CSRF: 'CSRF',
  LOCKED: 'LOCKED',
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  IMPORT_INVALID: 'IMPORT_INVALID',
  RULE_VIOLATION: 'RULE_VIOLATION',
  /** The account must change its temporary password before anything else. */
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  /** Too many attempts (login throttling); `details.retryAfterSeconds` says how long to wait. */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  /** The record changed since the form was opened (its version moved on): reload and edit again. */
  STALE_VERSION: 'STALE_VERSION',
  /** A write to a versioned record without the version it started from. */
  VERSION_REQUIRED: 'VERSION_REQUIRED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status for each code. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF: 403,
  LOCKED: 423,
  BAD_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  IMPORT_INVALID: 422,
  RULE_VIOLATION: 409,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOO_MANY_ATTEMPTS: 429,
  STALE_VERSION: 409,
  VERSION_REQUIRED: 428,
  INTERNAL: 500,
};

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
