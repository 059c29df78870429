import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { RESIDENT_LOGIN_RULES_2026 } from '@jiceng/rules';
import { ENGINES, lastResidentCode, movableClock, residentLogin, startTestServer, type TestServer } from '../../test/harness.ts';

const post = (server: TestServer, url: string, payload: object, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': '10.0.0.1', ...headers } });

describe.each(ENGINES)('residents log in by phone and one-time code (%s)', (engine) => {
  let server: TestServer;
  const clock = movableClock();

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
  });
  afterAll(() => server.close());

  it('logs in with the logged code, registers the phone once, and keeps only its hash and cipher', async () => {
    const a = await residentLogin(server, '13800001111', '王阿姨');
    expect(a.resident.phone).toBe('138****1111');
    const me = await a.get<{ name: string; phone: string }>('/api/resident/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: '王阿姨', phone: '138****1111' });
    clock.advance(RESIDENT_LOGIN_RULES_2026.resendAfterSeconds + 1);
    const again = await residentLogin(server, '13800001111');
    expect(again.resident.id).toBe(a.resident.id);
    const stored = await server.db.rows<{ phone_enc: string; phone_hash: string }>(
      sql`select phone_enc, phone_hash from resident where region_id = ${server.regionId}`,
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('13800001111');
    const codes = await server.db.rows<{ code_hash: string }>(sql`select code_hash from resident_code where region_id = ${server.regionId}`);
    expect(codes.every((c) => !/^\d{6}$/.test(c.code_hash))).toBe(true);
  });

  it('refuses a wrong code with the tries left, spends the code after the last, and a used code twice', async () => {
    clock.advance(3600);
    const phone = '13900002222';
    expect((await post(server, '/api/resident/code', { phone })).statusCode).toBe(200);
    const code = await lastResidentCode(server);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await post(server, '/api/resident/login', { phone, code: wrong });
    expect(first.statusCode).toBe(400);
    expect(first.json().error.message).toBe(`验证码不正确，还可尝试${RESIDENT_LOGIN_RULES_2026.maxAttempts - 1}次`);
    for (let i = 1; i < RESIDENT_LOGIN_RULES_2026.maxAttempts; i++) await post(server, '/api/resident/login', { phone, code: wrong });
    const spent = await post(server, '/api/resident/login', { phone, code });
    expect(spent.statusCode).toBe(400);
    expect(spent.json().error.message).toBe('验证码已失效，请重新获取');

    clock.advance(RESIDENT_LOGIN_RULES_2026.resendAfterSeconds + 1);
    await post(server, '/api/resident/code', { phone });
    const fresh = await lastResidentCode(server);
    expect((await post(server, '/api/resident/login', { phone, code: fresh })).statusCode).toBe(200);
    expect((await post(server, '/api/resident/login', { phone, code: fresh })).json().error.message).toBe('验证码已失效，请重新获取');
  });

  it('expires a code after its time', async () => {
    clock.advance(3600);
    const phone = '13700003333';
    await post(server, '/api/resident/code', { phone });
    const code = await lastResidentCode(server);
    clock.advance(RESIDENT_LOGIN_RULES_2026.codeTtlSeconds + 1);
    expect((await post(server, '/api/resident/login', { phone, code })).json().error.message).toBe('验证码已失效，请重新获取');
  });

  it('limits codes: one a minute per phone (429 with Retry-After), a few an hour', async () => {
    clock.advance(3600);
    const phone = '13600004444';
    expect((await post(server, '/api/resident/code', { phone })).statusCode).toBe(200);
    const soon = await post(server, '/api/resident/code', { phone });
    expect(soon.statusCode).toBe(429);
    expect(soon.headers['retry-after']).toBe(String(RESIDENT_LOGIN_RULES_2026.resendAfterSeconds));
    expect(soon.json().error.message).toMatch(/^验证码已发送，请\d+秒后再重新获取$/);
    for (let i = 1; i < RESIDENT_LOGIN_RULES_2026.perPhonePerHour; i++) {
      clock.advance(RESIDENT_LOGIN_RULES_2026.resendAfterSeconds + 1);
      expect((await post(server, '/api/resident/code', { phone })).statusCode).toBe(200);
    }
    clock.advance(RESIDENT_LOGIN_RULES_2026.resendAfterSeconds + 1);
    const hourly = await post(server, '/api/resident/code', { phone });
    expect(hourly.statusCode).toBe(429);
    expect(hourly.json().error.message).toBe('该号码一小时内获取验证码次数过多，请稍后再试');
  });

  it('refuses a malformed phone in Chinese, a resident route without a session, and a write without the CSRF token', async () => {
    const bad = await post(server, '/api/resident/code', { phone: '1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/手机号码/);
    expect((await server.app.inject({ method: 'GET', url: '/api/resident/me' })).json().error.message).toBe('请先用手机号登录');
    clock.advance(3600);
    const r = await residentLogin(server, '13500005555');
    const forged = await r.request('POST', '/api/resident/logout', { body: {}, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect((await r.get('/api/resident/me')).status).toBe(200);
    expect((await r.post('/api/resident/logout')).status).toBe(200);
    expect((await r.get('/api/resident/me')).status).toBe(401);
  });

  it('a resident session opens no account route', async () => {
    clock.advance(3600);
    const r = await residentLogin(server, '13500006666');
    expect((await r.get('/api/auth/me')).status).toBe(401);
  });
});
