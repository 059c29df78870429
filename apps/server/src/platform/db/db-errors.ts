import { AppError } from '../errors.ts';

/**
 * What either driver reports for a failed statement (Drizzle wraps the driver's error in `cause`),
 * and the answers the platform gives for it, so no module turns a database refusal into a 500.
 */
export interface DbError {
  /** SQLSTATE, e.g. 23505. */
  code: string;
  constraint: string | null;
  message: string;
}

/** The driver error inside `e` (followed through `cause`), or null when `e` is not one. */
export function dbErrorOf(e: unknown): DbError | null {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const d = x as { code?: unknown; constraint?: unknown; message?: unknown };
    if (typeof d.code === 'string' && /^[0-9A-Z]{5}$/.test(d.code)) {
      const message = String(d.message ?? '');
      // PGlite leaves `constraint` empty on some paths; its message names the constraint in quotes.
      const constraint = typeof d.constraint === 'string' && d.constraint ? d.constraint : (/constraint "([^"]+)"/.exec(message)?.[1] ?? null);
      return { code: d.code, constraint, message };
    }
  }
  return null;
}

/** True for a unique violation (of `constraint`, when given). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const d = dbErrorOf(e);
  return d?.code === '23505' && (constraint === undefined || d.constraint === constraint);
}

/** Deadlock and serialization failure: the transaction lost a race and may simply be run again. */
export const isRetryable = (e: unknown): boolean => ['40001', '40P01'].includes(dbErrorOf(e)?.code ?? '');

/** Chinese answers for unique constraints, registered by the module that owns the table. */
const uniqueAnswers = new Map<string, string>();

/**
 * Registers what a unique violation of each constraint means to the user, e.g.
 * `{ member_id_number_hash_key: '该公民身份号码已登记…' }`. The answer must not describe the other
 * record (it may lie outside the writer's scope).
 */
export function describeUniqueConstraints(answers: Record<string, string>): void {
  for (const [k, v] of Object.entries(answers)) uniqueAnswers.set(k, v);
}

/**
 * The answer to a database error that reached the HTTP layer, or null for a real server fault:
 * a unique violation is a 409 (a concurrent twin got there first), a race lost after the retries a
 * 409, a foreign key a 409 (the referenced record went away meanwhile), invalid data a 400.
 */
export function answerForDbError(e: unknown): AppError | null {
  const d = dbErrorOf(e);
  if (!d) return null;
  if (d.code === '23505')
    return new AppError('CONFLICT', (d.constraint && uniqueAnswers.get(d.constraint)) || '与已有记录重复（可能刚被他人登记），请刷新后核对');
  if (d.code === '40001' || d.code === '40P01' || d.code === '55P03') return new AppError('CONFLICT', '其他人正在修改同一记录，请稍后重试');
  if (d.code === '23503') return new AppError('CONFLICT', '关联的记录不存在或刚被删除，请刷新后重试');
  if (d.code === '23514' || d.code === '23502') return new AppError('VALIDATION', '提交的数据不符合要求，请检查后重试');
  if (d.code.startsWith('22')) return new AppError('VALIDATION', '提交的数据格式无效（数值、日期或文字超出允许范围），请检查后重试');
  return null;
}
