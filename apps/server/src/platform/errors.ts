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
/** The record moved on since the form was opened (optimistic locking; see http/versioning.ts). */
export const staleVersion = (what = '该记录') => new AppError('STALE_VERSION', `${what}已被他人修改，您看到的不是最新内容。请刷新查看最新内容后再保存`);

/**
 * Optimistic locking: the write must name the version it started from, and it must be the record's
 * current one. Call after the scope check, so an out-of-scope caller still learns nothing.
 */
export function assertVersion(current: number, expected: number | null, what = '该记录'): asserts expected is number {
  if (expected === null) throw new AppError('VERSION_REQUIRED', '缺少记录版本：请先打开记录再保存（提交读取时返回的 version，或 If-Match 头）');
  if (current !== expected) throw staleVersion(what);
}
