import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, type Permission } from '@jiceng/contracts';
import { ENGINES, login, residentLogin, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

const ZERO_ID = '00000000-0000-4000-8000-000000000000';
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, ZERO_ID);
const apiRoutes = (server: TestServer) =>
  server.app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

describe.each(ENGINES)('every route declares and enforces its access (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let member: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    member = await login(server, 'memberA1a');
  });
  afterAll(() => server.close());

  it('has no API route without a declared access', () => {
    const routes = apiRoutes(server);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of apiRoutes(server).filter((x) => x.access !== 'public')) {
      const res = await server.app.inject({ method: r.method as 'GET', url: fill(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 401 to every resident route with an account session, and to every account route with a resident session', async () => {
    const resident = await residentLogin(server, '13800007777');
    const routes = apiRoutes(server).filter((x) => x.access !== 'public');
    expect(routes.filter((r) => r.access === 'resident').length).toBeGreaterThan(1);
    for (const r of routes) {
      const as = r.access === 'resident' ? t.admin : resident;
      const res = await as.request(r.method, fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} });
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to every route whose permission the account lacks', async () => {
    const held = new Set<string>(rolePermissions.member);
    const denied = apiRoutes(server).filter(
      (r) => r.access && r.access !== 'public' && r.access !== 'authenticated' && r.access !== 'resident' && !held.has(r.access as Permission),
    );
    expect(denied.length).toBeGreaterThan(5);
    for (const r of denied) {
      const res = await member.request(r.method, fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? {} : { body: {} });
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('rejects a state-changing request without the CSRF token and changes nothing', async () => {
    const res = await t.admin.request('POST', '/api/orgs', { body: { name: '无令牌党支部' }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('CSRF');
    const found = await t.admin.get<{ total: number }>(`/api/orgs?q=${encodeURIComponent('无令牌')}`);
    expect(found.body.total).toBe(0);
  });

  it('answers an unknown API path with a Chinese 404', async () => {
    const res = await t.admin.get<{ error: { code: string; message: string } }>('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
  });

  it('answers the health check without a session', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine });
  });

  it('serves the OpenAPI document', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ paths: object }>().paths)).toContain('/api/orgs');
  });
});
