import { errorStatus, type ErrorCode } from '@jiceng/contracts';

/**
 * The one error type. `message` is Chinese and tells the user what to do; `details` carries
 * structured data (field errors, import row errors) for the web app.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const forbidden = (msg = '您没有执行此操作的权限') => new AppError('FORBIDDEN', msg);
export const conflict = (msg: string, details?: unknown) => new AppError('CONFLICT', msg, details);
export const invalid = (msg: string, details?: unknown) => new AppError('VALIDATION', msg, details);
