import { CSRF_HEADER, ErrorCode } from '@jiceng/contracts';

/** An error answered by the API (`{ error: { code, message, details } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The CSRF token of the current session, taken from GET /api/auth/me or POST /api/auth/login. */
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when any request answers UNAUTHENTICATED (session expired): the app goes to login. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x?a=1`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string; details?: unknown } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** Sends a request with the session cookie and, on a state-changing method, the CSRF header. */
export async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (res.ok) return res;
  const data: unknown = await res.json().catch(() => null);
  const err = isErrorBody(data)
    ? new ApiError(res.status, data.error.code, data.error.message, data.error.details)
    : new ApiError(res.status, ErrorCode.INTERNAL, `服务器返回错误（${res.status}），请稍后重试`);
  if (err.code === ErrorCode.UNAUTHENTICATED && path !== '/api/auth/me') onUnauthenticated();
  throw err;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => json<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  del: <T>(path: string) => json<T>('DELETE', path),
};
