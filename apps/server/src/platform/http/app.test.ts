import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type App, type AppOptions } from './app.ts';
import type { Actor } from './actor.ts';

/** The HTTP layer on its own (no database): settings and answers that come before any module. */
const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  regionId: '320102',
  username: 'u',
  displayName: 'u',
  role: 'admin',
  orgId: '00000000-0000-4000-8000-000000000002',
  orgPath: 'x',
  orgName: 'x',
  permissions: [],
  scope: 'subtree',
  csrfToken: 'c',
  mustChangePassword: false,
  memberId: null,
  ip: null,
};

let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function build(opts: Partial<AppOptions> = {}): Promise<App> {
  app = await createHttpApp({ logLevel: 'silent', resolveSession: async (token) => (token === 'good' ? actor : null), ...opts });
  app.get('/api/ip', { config: { access: 'public' } }, (req) => ({ ip: req.ip }));
  app.get('/api/x', { config: { access: 'authenticated' } }, () => ({ ok: true }));
  await app.ready();
  return app;
}

/** Sends raw bytes to a listening app and returns what came back. */
async function raw(a: App, request: string): Promise<string> {
  await a.listen({ port: 0, host: '127.0.0.1' });
  const { port } = a.server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('HTTP layer', () => {
  it("answers a query string over 16 KB with a Chinese 431, not the parser's English one", async () => {
    const a = await build();
    const answer = await raw(a, `GET /api/x?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('请求地址或请求头过长');
  });

  it('believes X-Forwarded-For only from the configured proxies', async () => {
    const open = await build();
    const forged = await open.inject({ url: '/api/ip', headers: { 'x-forwarded-for': '6.6.6.6' }, remoteAddress: '10.0.0.9' });
    expect(forged.json()).toEqual({ ip: '10.0.0.9' });
    await open.close();
    const proxied = await build({ trustProxy: ['10.0.0.0/8'] });
    const viaProxy = await proxied.inject({ url: '/api/ip', headers: { 'x-forwarded-for': '203.0.113.7' }, remoteAddress: '10.0.0.9' });
    expect(viaProxy.json()).toEqual({ ip: '203.0.113.7' });
    const notProxy = await proxied.inject({ url: '/api/ip', headers: { 'x-forwarded-for': '203.0.113.7' }, remoteAddress: '192.0.2.1' });
    expect(notProxy.json()).toEqual({ ip: '192.0.2.1' });
  });

  it('serves /api/docs to anyone, after login, or not at all, as configured', async () => {
    const pub = await build({ apiDocs: 'public' });
    expect((await pub.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
    await pub.close();
    const login = await build({ apiDocs: 'login' });
    const anonymous = await login.inject({ url: '/api/docs/json' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<{ error: { message: string } }>().error.message).toContain('请先登录');
    expect((await login.inject({ url: '/api/docs/json', cookies: { jc_sid: 'good' } })).statusCode).toBe(200);
    await login.close();
    const off = await build({ apiDocs: 'off' });
    expect((await off.inject({ url: '/api/docs/json' })).statusCode).toBe(404);
  });

  it("describes the session cookie, the CSRF header and each route's error answers in OpenAPI", async () => {
    const a = await build();
    a.swagger();
    const doc = (await a.inject({ url: '/api/docs/json' })).json<{
      components: { securitySchemes: Record<string, { in: string; name: string }> };
      paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
    }>();
    expect(doc.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'jc_sid' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ in: 'header', name: 'x-csrf-token' });
    expect(Object.keys(doc.paths['/api/x']!.get!.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
    expect(doc.paths['/api/x']!.get!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/ip']!.get!.security).toEqual([]);
  });
});
