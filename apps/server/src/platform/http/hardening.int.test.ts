import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

interface Err {
  error: { code: string; message: string };
}
const HAN = /\p{Script=Han}/u;

/**
 * Malformed input found by an outside review (each answered 500 or was stored), now refused at the
 * shared schema level with a Chinese 400 and no change.
 */
describe.each(ENGINES)('malformed input is refused in Chinese and changes nothing (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  const auditCount = async () => (await t.admin.get<{ total: number }>('/api/audit?pageSize=1')).body.total;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('refuses a NUL byte on the login route, without a session', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<Err>().error.message).toMatch(HAN);
  });

  it('refuses a NUL byte in a body string and in a query string', async () => {
    const before = await auditCount();
    const body = await t.admin.post<Err>('/api/orgs', buildOrg(t.communityA1, { name: '第三\u0000党支部' }));
    expect(body.status).toBe(400);
    const query = await t.admin.get<Err>(`/api/orgs?q=${encodeURIComponent('\u0000')}`);
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('控制字符');
    expect(await auditCount()).toBe(before);
  });

  it.each(['2026-02-30', '0000-00-00', '2025-02-29', '2026-13-01'])('refuses the impossible date %s in a body and a query', async (d) => {
    const body = await t.admin.post<Err>('/api/members', buildMember(t.branchA1a, { joinedDate: d }));
    expect(body.status).toBe(400);
    expect(body.body.error.message).toContain('不是有效的日期');
    const query = await t.admin.get<Err>(`/api/audit?from=${d}`);
    expect(query.status).toBe(400);
  });

  it('refuses JSON nested 10,000 deep', async () => {
    const payload = `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await t.admin.request<Err>('POST', '/api/orgs', { payload, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('嵌套层级过深');
  });

  it.each(['/api/orgs', '/api/members', '/api/accounts', '/api/audit', '/api/transfers'])('refuses page=99999999999999999999 on %s', async (url) => {
    const res = await t.admin.get<Err>(`${url}?page=99999999999999999999`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('页码');
  });

  it('refuses unknown body fields instead of writing them to the audit log', async () => {
    const before = await auditCount();
    for (const extra of [{ role: 'admin' }, { regionId: '999999' }, { junk: 'x'.repeat(900_000) }]) {
      const res = await t.admin.post<Err>('/api/orgs', { ...buildOrg(t.communityA1), ...extra });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/不允许的字段/);
    }
    expect(await auditCount()).toBe(before);
  });

  it('does not coerce body types: a number for a string, a one-element array for a scalar', async () => {
    const asNumber = await t.admin.post<Err>('/api/orgs', { ...buildOrg(t.communityA1), name: 12345 });
    expect(asNumber.status).toBe(400);
    const asArray = await t.admin.post<Err>('/api/orgs', { ...buildOrg(t.communityA1), type: ['branch'] });
    expect(asArray.status).toBe(400);
    expect(asArray.body.error.message).toMatch(HAN);
  });

  it('trims before length checks: a name of three spaces is empty', async () => {
    const res = await t.admin.post<Err>('/api/orgs', buildOrg(t.communityA1, { name: '   ' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('不能为空');
    const padded = await t.admin.post<{ name: string }>('/api/orgs', buildOrg(t.communityA1, { name: '  甲一社区第九党支部  ' }));
    expect(padded.status).toBe(201);
    expect(padded.body.name).toBe('甲一社区第九党支部');
  });

  it('marks every API answer no-store, so no cache keeps personal data', async () => {
    for (const url of ['/api/auth/me', '/api/members', '/api/no-such-thing']) {
      const res = await t.admin.get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('believes no X-Forwarded-For by default: the audit log keeps the socket address', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Test@2026pw' },
      headers: { 'x-forwarded-for': '6.6.6.6' },
      remoteAddress: '10.1.2.3',
    });
    const log = await t.admin.get<{ items: { action: string; ip: string | null }[] }>('/api/audit?action=auth.login&pageSize=1');
    expect(log.body.items[0]!.ip).toBe('10.1.2.3');
  });
});
