import type { FormInstance } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler, withQuery } from './client.ts';
import { applyFieldErrors, fieldErrorsOf } from './errors.ts';

const jsonResponse = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves empty values out of the query string', () => {
    expect(withQuery('/api/orgs', { q: '社区', parentId: undefined, page: 2, type: '' })).toBe('/api/orgs?q=%E7%A4%BE%E5%8C%BA&page=2');
    expect(withQuery('/api/orgs', {})).toBe('/api/orgs');
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    await api.get('/api/x');
    await api.post('/api/y', { a: 1 });
    const headersOf = (i: number) => (fetch.mock.calls[i] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headersOf(0)['x-csrf-token']).toBeUndefined();
    expect(headersOf(1)['x-csrf-token']).toBe('tok');
  });

  it('turns an error body into an ApiError with code, message and details, and reports UNAUTHENTICATED', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } })));
    const onUnauth = vi.fn();
    setUnauthenticatedHandler(onUnauth);
    const err = await api.get('/api/orgs').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('UNAUTHENTICATED');
    expect((err as ApiError).message).toBe('登录已失效，请重新登录');
    expect(onUnauth).toHaveBeenCalledOnce();
  });
});

describe('field errors', () => {
  const validation = new ApiError(400, 'VALIDATION', '…', {
    fields: [
      { field: 'name', message: '「组织全称」至少需要 2 个字符' },
      { field: 'units.0.creditCode', message: '代码无效' },
      { field: 'parentId', message: '党支部下不能设立党支部' },
      { field: 'unknown', message: '表单里没有' },
    ],
  });

  it('reads details.fields only from VALIDATION and CONFLICT errors', () => {
    expect(fieldErrorsOf(validation)).toHaveLength(4);
    expect(fieldErrorsOf(new ApiError(403, 'FORBIDDEN', '…', { fields: [{ field: 'a', message: 'b' }] }))).toEqual([]);
    expect(fieldErrorsOf(new Error('x'))).toEqual([]);
  });

  it('maps messages onto the form fields that exist, following aliases', () => {
    const setFields = vi.fn();
    const form = {
      getFieldsError: () => [{ name: ['name'] }, { name: ['type'] }, { name: ['units', 0, 'creditCode'] }],
      setFields,
    } as unknown as FormInstance;
    expect(applyFieldErrors(form, validation, { parentId: 'type' })).toBe(3);
    expect(setFields).toHaveBeenCalledWith([
      { name: ['name'], errors: ['「组织全称」至少需要 2 个字符'] },
      { name: ['units', 0, 'creditCode'], errors: ['代码无效'] },
      { name: ['type'], errors: ['党支部下不能设立党支部'] },
    ]);
  });
});
