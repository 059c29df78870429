import { CSRF_HEADER, ErrorResponse, RESIDENT_COOKIE, SESSION_COOKIE, type RouteAccess } from '@jiceng/contracts';

/** The OpenAPI security schemes: the session cookie, and the CSRF header on state-changing calls. */
export const securitySchemes = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录后由 POST /api/auth/login 设置的会话 Cookie' },
  csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: '写操作须携带的 CSRF 令牌（见 GET /api/auth/me 或 /api/resident/me 的 csrfToken）' },
  resident: { type: 'apiKey', in: 'cookie', name: RESIDENT_COOKIE, description: '群众以手机号和验证码登录后由 POST /api/resident/login 设置的会话 Cookie' },
} as const;

const errorAnswer = (description: string) => ({ ...ErrorResponse, description });

interface Described {
  method: string | string[];
  url: string;
  schema?: Record<string, unknown> & { response?: Record<string, unknown>; security?: unknown; consumes?: string[] };
  config?: { access?: RouteAccess };
}

/**
 * Adds to a route's schema what every route really answers besides its success: the error body for
 * each 4xx it can give (validation when it takes input, session and permission unless public, not
 * found when it addresses a record, conflicts when it writes) and the security it requires. A route
 * may declare its own answer for a status; that one is kept.
 */
export function describeRoute(r: Described): void {
  if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
  const schema = (r.schema ??= {});
  const methods = [r.method].flat();
  const writes = methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m));
  const access = r.config?.access;
  const answers: Record<string, unknown> = {};
  answers[400] = errorAnswer('VALIDATION：请求格式或字段不符合要求（message 为中文说明，details.fields 逐项列出）');
  if (access !== 'public') {
    answers[401] = errorAnswer('UNAUTHENTICATED：未登录或登录已失效');
    answers[403] = errorAnswer('FORBIDDEN：无此权限；CSRF：写操作缺少或伪造令牌；PASSWORD_CHANGE_REQUIRED：须先修改初始密码');
  }
  if (r.url.includes('/:')) answers[404] = errorAnswer('NOT_FOUND：记录不存在或不在您的管理范围内');
  if (writes) answers[409] = errorAnswer('CONFLICT：与现有记录冲突；STALE_VERSION：记录已被他人修改；RULE_VIOLATION：不符合规定（message 说明依据）');
  if (methods.some((m) => m === 'PATCH' || m === 'PUT'))
    answers[428] = errorAnswer('VERSION_REQUIRED：修改须带读取时返回的 version 字段或 If-Match 头（适用于带版本的记录）');
  if (schema.consumes?.includes('multipart/form-data')) {
    answers[413] = errorAnswer('VALIDATION：上传文件过大');
    answers[422] = errorAnswer('IMPORT_INVALID：文件内容有误，details 逐行列出');
  }
  if (r.url === '/api/auth/login' || r.url === '/api/resident/code')
    answers[429] = errorAnswer('TOO_MANY_ATTEMPTS：尝试过于频繁，details.retryAfterSeconds 秒后再试');
  schema.response = { ...answers, ...(schema.response ?? {}) };
  const session = access === 'resident' ? 'resident' : 'session';
  if (schema.security === undefined) schema.security = access === 'public' ? [] : [writes ? { [session]: [], csrf: [] } : { [session]: [] }];
}
