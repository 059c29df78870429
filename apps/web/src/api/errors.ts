import type { FormInstance } from 'antd';
import { ErrorCode } from '@jiceng/contracts';
import { ApiError } from './client.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** The `details.fields` of a VALIDATION (or CONFLICT) error, if it has them. */
export function fieldErrorsOf(err: unknown): FieldError[] {
  if (!(err instanceof ApiError) || (err.code !== ErrorCode.VALIDATION && err.code !== ErrorCode.CONFLICT)) return [];
  const d = err.details;
  if (typeof d !== 'object' || d === null || !('fields' in d)) return [];
  const fields = (d as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldError => typeof f === 'object' && f !== null && typeof (f as FieldError).field === 'string' && typeof (f as FieldError).message === 'string');
}

/** `units.0.creditCode` → ['units', 0, 'creditCode'] (antd's name path). */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field messages under the matching form fields. A field the form does not have
 * is left to the message already shown; `aliases` sends a server field to another form field
 * (e.g. `parentId` problems to the 组织类别 select). Returns how many fields were marked.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, aliases: Record<string, string> = {}): number {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  for (const f of fieldErrorsOf(err)) {
    const name = namePath(aliases[f.field] ?? f.field);
    const key = name.join('.');
    if (!registered.has(key)) continue;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((e) => ({ name: e.name, errors: e.errors })));
  return byField.size;
}

/** The Chinese message to show for any thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作失败，请稍后重试';
}

/** Seconds to wait before trying again, from a TOO_MANY_ATTEMPTS answer (login throttling); else null. */
export function retryAfterOf(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== ErrorCode.TOO_MANY_ATTEMPTS) return null;
  const d = err.details;
  const s = typeof d === 'object' && d !== null && 'retryAfterSeconds' in d ? (d as { retryAfterSeconds: unknown }).retryAfterSeconds : null;
  return typeof s === 'number' && s > 0 ? s : null;
}

/** True when a save was refused because someone else saved the record first (optimistic locking). */
export const isStaleVersion = (err: unknown): boolean => err instanceof ApiError && err.code === ErrorCode.STALE_VERSION;
