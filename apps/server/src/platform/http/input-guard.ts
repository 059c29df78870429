import { AppError } from '../errors.ts';

/** Deepest nesting of objects and arrays a request may carry; no contract comes close. */
export const MAX_INPUT_DEPTH = 16;

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and lone UTF-16
 * surrogates: PostgreSQL refuses NUL in text (a 500 before this guard) and none of them is ever typed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;

/** True when `s` holds a character no request may carry (see FORBIDDEN_CHARS). */
export const hasForbiddenChars = (s: string): boolean => FORBIDDEN_CHARS.test(s);

/** Body fields kept exactly as sent: a password's spaces are part of it. */
const UNTRIMMED_KEY = /password/i;

type Part = 'body' | 'querystring' | 'params';
const PART_LABEL: Record<Part, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数' };

function reject(part: Part, field: string, message: string): never {
  throw new AppError('VALIDATION', message, { fields: [{ field: field || part, message }] });
}

/**
 * Checks and normalizes one part of a request before schema validation, for every route at once:
 * refuses control characters and over-deep nesting, and trims strings so length checks see what is
 * stored (a name of three spaces is empty). Mutates `value` in place (it is the parsed request).
 */
export function guardInput(part: Part, value: unknown): void {
  const walk = (v: unknown, path: string, depth: number, trim: boolean): unknown => {
    if (typeof v === 'string') {
      if (FORBIDDEN_CHARS.test(v)) reject(part, path, `「${path || PART_LABEL[part]}」包含不允许的控制字符或无效字符，请删除后重试`);
      return trim ? v.trim() : v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_INPUT_DEPTH) reject(part, path, `${PART_LABEL[part]}的嵌套层级过深（最多 ${MAX_INPUT_DEPTH} 层）`);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i], `${path}[${i}]`, depth + 1, trim);
      return v;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (FORBIDDEN_CHARS.test(key)) reject(part, path, `${PART_LABEL[part]}的字段名包含不允许的字符`);
      const child = path ? `${path}.${key}` : key;
      o[key] = walk(o[key], child, depth + 1, trim && !UNTRIMMED_KEY.test(key));
    }
    return o;
  };
  walk(value, '', 0, part !== 'params');
}
