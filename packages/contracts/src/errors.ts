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
  INTERNAL: 500,
};

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
