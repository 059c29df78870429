import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '@jiceng/contracts';
import { LOGIN_RULES } from '@jiceng/rules';
import {
  ENGINES,
  login,
  loginChanged,
  movableClock,
  PASSWORD,
  seedTree,
  startTestServer,
  type Client,
  type SeededTree,
  type TestServer,
} from '../../test/harness.ts';

type Err = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };
type Audit = { items: { entityId: string | null; after: { reason?: string } | null; ip: string | null }[] };

const FAILED = { error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误（多次失败后需稍候再试）' } };
let ipSeq = 0;
/** A client address no other test uses, so per-address counters do not mix across tests. */
const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

/** Rule login-failure-handling over HTTP: identical refusals, throttling, and the lockout option. */
describe.each(ENGINES)('login answers and throttling (%s)', (engine) => {
  const clock = movableClock();
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    streetA = await login(server, 'streetA');
    streetB = await login(server, 'streetB');
  });
  afterAll(() => server.close());

  const attempt = (username: string, password: string, ip = freshIp()) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const newAccount = async (username: string, over: Record<string, unknown> = {}) => {
    const res = await streetA.post<Account>('/api/accounts', {
      username,
      displayName: '测试用户',
      role: 'secretary',
      orgId: t.branchA1a,
      password: PASSWORD,
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Expects a 429 with the wait in the body and in Retry-After; returns the wait. */
  const expectThrottled = async (username: string, password: string, ip?: string) => {
    const res = await attempt(username, password, ip);
    expect(res.statusCode).toBe(429);
    const body = res.json<Err>();
    expect(body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const wait = body.error.details!.retryAfterSeconds!;
    expect(res.headers['retry-after']).toBe(String(wait));
    expect(body.error.message).toMatch(new RegExp(`^登录失败次数过多，请 ${wait < 60 ? `${wait} 秒` : `${Math.ceil(wait / 60)} 分钟`}后再试`));
    return wait;
  };

  describe('identical refusals', () => {
    it('answers an unknown username, a wrong password and a disabled account with the same status, code and text', async () => {
      const disabled = await newAccount('samedisabled');
      await newAccount('samewrong');
      expect((await streetA.patch(`/api/accounts/${disabled.id}`, { disabled: true })).status).toBe(200);
      const answers = [
        await attempt('no-such-user', PASSWORD),
        await attempt('samewrong', 'Wrong@2026pw'),
        await attempt('samedisabled', PASSWORD),
        await attempt('samedisabled', 'Wrong@2026pw'),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual(FAILED);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    });

    it('audits failed logins of existing accounts, disabled ones included, in the account’s own scope', async () => {
      const acc = await newAccount('auditdisabled');
      expect((await streetA.patch(`/api/accounts/${acc.id}`, { disabled: true })).status).toBe(200);
      const ip = freshIp();
      await attempt('auditdisabled', PASSWORD, ip);
      await attempt('auditdisabled', 'Wrong@2026pw', ip);
      const url = `/api/audit?action=auth.login_failed&entityId=${acc.id}`;
      const mine = await streetA.get<Audit>(url);
      expect(mine.body.items.map((e) => e.after?.reason).sort()).toEqual(['disabled', 'wrong_password']);
      expect(mine.body.items.every((e) => e.ip === ip)).toBe(true);
      expect((await streetB.get<Audit>(url)).body.items).toEqual([]);
    });

    it('audits failed logins with an unknown username at the region root, with the address but not the name', async () => {
      const ip = freshIp();
      await attempt('typo-user', 'Wrong@2026pw', ip);
      const url = '/api/audit?action=auth.login_failed&pageSize=200';
      const root = (await t.admin.get<Audit>(url)).body.items.filter((e) => e.ip === ip);
      expect(root).toEqual([expect.objectContaining({ entityId: null, after: { reason: 'unknown_username' } })]);
      expect(JSON.stringify(root)).not.toContain('typo-user');
      expect((await streetA.get<Audit>(url)).body.items.some((e) => e.ip === ip)).toBe(false);
    });
  });

  describe('throttling', () => {
    it('refuses further attempts on a username after 5 failures with 429, doubling the wait up to a minute, from any address', async () => {
      await newAccount('slowdown');
      for (let i = 0; i < 5; i++) expect((await attempt('slowdown', 'Wrong@2026pw')).json()).toEqual(FAILED);
      // Even the right password waits: the attempt is not checked at all.
      expect(await expectThrottled('slowdown', PASSWORD)).toBe(2);
      const waits: number[] = [];
      for (let i = 0; i < 7; i++) {
        clock.advance(waits.at(-1) ?? 2);
        expect((await attempt('slowdown', 'Wrong@2026pw')).statusCode).toBe(401);
        waits.push(await expectThrottled('slowdown', 'Wrong@2026pw'));
      }
      expect(waits).toEqual([4, 8, 16, 32, 60, 60, 60]);
      expect(LOGIN_RULES.perUsername.maxDelaySeconds).toBe(60);
    });

    it('clears the username’s counter on a successful login', async () => {
      await newAccount('clearme');
      await loginChanged(server, 'clearme');
      for (let i = 0; i < 5; i++) await attempt('clearme', 'Wrong@2026pw');
      await expectThrottled('clearme', 'Changed@2026pw');
      clock.advance(2);
      expect((await attempt('clearme', 'Changed@2026pw')).statusCode).toBe(200);
      // Five free failures again before the next wait.
      for (let i = 0; i < 5; i++) expect((await attempt('clearme', 'Wrong@2026pw')).statusCode).toBe(401);
      expect(await expectThrottled('clearme', 'Changed@2026pw')).toBe(2);
    });

    it('throttles an unknown username exactly like a known one', async () => {
      await newAccount('knownname');
      const known: string[] = [];
      const unknown: string[] = [];
      for (let i = 0; i < 7; i++) {
        known.push((await attempt('knownname', 'Wrong@2026pw')).body);
        unknown.push((await attempt('unknownname', 'Wrong@2026pw')).body);
        clock.advance(i < 5 ? 0 : 2);
      }
      expect(unknown).toEqual(known);
      expect(known.slice(0, 5).every((b) => b === JSON.stringify(FAILED))).toBe(true);
      expect(JSON.parse(known[5]!)).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 2 } } });
    });

    it('throttles one address trying many usernames, longer than a username, without slowing other addresses', async () => {
      const ip = freshIp();
      for (let i = 0; i < 20; i++) expect((await attempt(`spray${i}`, 'Wrong@2026pw', ip)).statusCode).toBe(401);
      expect(await expectThrottled('streetA', PASSWORD, ip)).toBe(2);
      // Another address is not slowed, and the usernames sprayed once are not either.
      expect((await attempt('streetA', PASSWORD)).statusCode).toBe(200);
      expect((await attempt('spray0', 'Wrong@2026pw')).statusCode).toBe(401);
      let wait = 2;
      const waits: number[] = [];
      for (let i = 0; i < 10; i++) {
        clock.advance(wait);
        expect((await attempt(`spray-more${i}`, 'Wrong@2026pw', ip)).statusCode).toBe(401);
        wait = await expectThrottled(`spray-next${i}`, 'Wrong@2026pw', ip);
        waits.push(wait);
      }
      expect(waits).toEqual([4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
      // A right password from the address does not clear its counter: the next failure waits longer still.
      clock.advance(wait);
      expect((await attempt('streetB', PASSWORD, ip)).statusCode).toBe(200);
      expect((await attempt('spray-after', 'Wrong@2026pw', ip)).statusCode).toBe(401);
      expect(await expectThrottled('spray-after2', 'Wrong@2026pw', ip)).toBe(900);
    });

    it('throttles guesses of the old password on the password change too', async () => {
      await newAccount('changeguess');
      const c = await loginChanged(server, 'changeguess');
      for (let i = 0; i < 5; i++) {
        const res = await c.post<Err>('/api/auth/password', { oldPassword: `Guess@${i}pw`, newPassword: 'Another@2026pw' });
        expect(res.body.error.message).toBe('原密码不正确');
      }
      const res = await c.post<Err>('/api/auth/password', { oldPassword: 'Changed@2026pw', newPassword: 'Another@2026pw' });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('2');
      clock.advance(2);
      expect((await c.post('/api/auth/password', { oldPassword: 'Changed@2026pw', newPassword: 'Another@2026pw' })).status).toBe(200);
    });

    it('keeps its counters in the database, hashed, and forgets them after an hour without failures', async () => {
      clock.advance(2 * 60 * 60);
      await server.modules.account.deleteStaleThrottles(); // the earlier tests' counters
      await attempt('forgetme', 'Wrong@2026pw');
      const rows = () =>
        server.db.rows<{ kind: string; key_hash: string; failures: number }>(sql`select kind, key_hash, failures from login_throttle order by kind`);
      const kept = await rows();
      expect(kept.map((r) => [r.kind, r.failures])).toEqual([
        ['ip', 1],
        ['username', 1],
      ]);
      expect(kept.every((r) => /^[A-Za-z0-9_-]{43}$/.test(r.key_hash))).toBe(true);
      clock.advance(59 * 60);
      expect(await server.modules.account.deleteStaleThrottles()).toBe(0);
      clock.advance(2 * 60 * 60);
      expect(await server.modules.account.deleteStaleThrottles()).toBe(2);
      expect(await rows()).toEqual([]);
    });
  });
});

describe.each(ENGINES)('the lockout option, LOGIN_LOCKOUT=true (%s)', (engine) => {
  const clock = movableClock();
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock, env: { LOGIN_LOCKOUT: 'true' } });
    t = await seedTree(server);
    streetA = await login(server, 'streetA');
  });
  afterAll(() => server.close());

  const attempt = (username: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: freshIp() });

  it('locks an account for 15 minutes after 5 wrong passwords, with the same answer as an unknown username', async () => {
    const acc = (
      await streetA.post<Account>('/api/accounts', { username: 'lockme', displayName: '锁定', role: 'secretary', orgId: t.branchA1a, password: PASSWORD })
    ).body;
    for (let i = 0; i < 5; i++) expect((await attempt('lockme', 'Wrong@2026pw')).json()).toEqual(FAILED);
    clock.advance(2); // past the throttle's wait
    const locked = await attempt('lockme', PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe((await attempt('nobody-here', PASSWORD)).body);
    const shown = await streetA.get<Account>(`/api/accounts/${acc.id}`);
    expect(shown.body.lockedUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000 - 2000).toISOString());
    const audit = await streetA.get<Audit>(`/api/audit?action=auth.login_failed&entityId=${acc.id}`);
    expect(audit.body.items.map((e) => e.after?.reason)).toContain('locked');
    clock.advance(15 * 60);
    expect((await attempt('lockme', PASSWORD)).statusCode).toBe(200);
  });

  it('is lifted at once by a password reset', async () => {
    const acc = (
      await streetA.post<Account>('/api/accounts', { username: 'unlockme', displayName: '解锁', role: 'secretary', orgId: t.branchA1a, password: PASSWORD })
    ).body;
    for (let i = 0; i < 5; i++) await attempt('unlockme', 'Wrong@2026pw');
    clock.advance(2);
    expect((await attempt('unlockme', PASSWORD)).statusCode).toBe(401);
    expect((await streetA.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'Reset@2026pw' })).status).toBe(200);
    expect((await streetA.get<Account>(`/api/accounts/${acc.id}`)).body.lockedUntil).toBeNull();
    clock.advance(4); // the username's throttle still waits for its own short delay
    expect((await attempt('unlockme', 'Reset@2026pw')).statusCode).toBe(200);
  });
});
