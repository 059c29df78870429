import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '@jiceng/contracts';
import { buildMember, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

describe.each(ENGINES)('accounts, sessions and audit (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    streetA = await login(server, 'streetA');
    streetB = await login(server, 'streetB');
  });
  afterAll(() => server.close());

  const tryLogin = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const newAccount = async (username: string, orgId = t.branchA1b, role = 'secretary') => {
    const res = await streetA.post<Account>('/api/accounts', { username, displayName: '测试用户', role, orgId, password: PASSWORD });
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('login', () => {
    it('sets an httpOnly SameSite cookie and returns the CSRF token', async () => {
      const res = await tryLogin('streetA', PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(res.json<{ csrfToken: string }>().csrfToken.length).toBeGreaterThan(20);
    });

    it('answers a wrong password in Chinese without telling which part was wrong', async () => {
      const res = await tryLogin('nobody', 'x');
      expect(res.statusCode).toBe(401);
      expect(res.json<Err>().error.message).toMatch(/用户名或密码错误/);
    });

    it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
      await newAccount('lockme');
      for (let i = 0; i < 4; i++) expect((await tryLogin('lockme', 'wrong-password')).statusCode).toBe(401);
      const fifth = await tryLogin('lockme', 'wrong-password');
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json<Err>().error.message).toMatch(/锁定 15 分钟/);
      expect((await tryLogin('lockme', PASSWORD)).statusCode).toBe(423);
      // 15 minutes later
      await server.db.run(sql`update account set locked_until = now() - interval '1 second' where username = 'lockme'`);
      expect((await tryLogin('lockme', PASSWORD)).statusCode).toBe(200);
      const failures = await t.admin.get<{ total: number }>('/api/audit?action=auth.login_failed&pageSize=1');
      expect(failures.body.total).toBeGreaterThanOrEqual(5);
    });

    it('ends an expired session', async () => {
      const c = await login(server, 'communityA1');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      await server.db.run(sql`update session set expires_at = now() - interval '1 second' where account_id = ${c.me!.id}`);
      const res = await c.get<Err>('/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('logs out and the cookie no longer works', async () => {
      const c = await login(server, 'communityA1');
      expect((await c.post('/api/auth/logout')).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('password change', () => {
    it('checks the old password, then ends the other sessions', async () => {
      await newAccount('pwuser');
      const a = await login(server, 'pwuser');
      const b = await login(server, 'pwuser');
      expect((await a.post<Err>('/api/auth/password', { oldPassword: 'wrong', newPassword: 'NewPass@2026' })).status).toBe(400);
      const short = await a.post<Err>('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.error.message).toMatch(/新密码/);
      expect((await a.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'NewPass@2026' })).status).toBe(200);
      expect((await a.get('/api/auth/me')).status).toBe(200);
      expect((await b.get('/api/auth/me')).status).toBe(401);
      expect((await tryLogin('pwuser', 'NewPass@2026')).statusCode).toBe(200);
    });
  });

  describe('account management', () => {
    it('creates an account that must change its password, and audits it', async () => {
      const acc = await newAccount('newsec');
      expect(acc.roleLabel).toBe('党支部书记/党务工作者');
      const me = (await login(server, 'newsec')).me!;
      expect(me.mustChangePassword).toBe(true);
      const audit = await t.admin.get<{ items: { entityId: string }[] }>('/api/audit?action=account.create');
      expect(audit.body.items.some((e) => e.entityId === acc.id)).toBe(true);
    });

    it('refuses a duplicate username and changes nothing', async () => {
      const before = (await streetA.get<{ total: number }>('/api/accounts')).body.total;
      const res = await streetA.post<Err>('/api/accounts', { username: 'streetB', displayName: '重复', role: 'secretary', orgId: t.branchA1a, password: PASSWORD });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/已被使用/);
      expect((await streetA.get<{ total: number }>('/api/accounts')).body.total).toBe(before);
    });

    it('refuses a role stronger than the actor’s own, and lets a street create a branch secretary', async () => {
      for (const role of ['admin', 'department']) {
        const res = await streetA.post<Err>('/api/accounts', { username: `wannabe_${role}`, displayName: '越权', role, orgId: t.branchA1a, password: PASSWORD });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe('不能分配高于本人级别的角色');
      }
      const community = await login(server, 'communityA1');
      const res = await community.post<Err>('/api/accounts', { username: 'wannabe_street', displayName: '越权', role: 'street', orgId: t.branchA1a, password: PASSWORD });
      expect(res.status).toBe(403);
      expect((await streetA.post('/api/accounts', { username: 'newsecretary', displayName: '新书记', role: 'secretary', orgId: t.branchA1a, password: PASSWORD })).status).toBe(201);
    });

    it('keeps other streets out of scope', async () => {
      const res = await streetA.post('/api/accounts', { username: 'otherstreet', displayName: '他街', role: 'secretary', orgId: t.branchB1a, password: PASSWORD });
      expect(res.status).toBe(404);
      const list = await streetA.get<{ items: Account[] }>('/api/accounts?pageSize=200');
      expect(list.body.items.map((a) => a.username)).not.toContain('streetB');
      const streetBId = (await t.admin.get<{ items: Account[] }>('/api/accounts?q=streetB')).body.items[0]!.id;
      expect((await streetA.get(`/api/accounts/${streetBId}`)).status).toBe(404);
      expect((await streetA.patch(`/api/accounts/${streetBId}`, { disabled: true })).status).toBe(404);
    });

    it('disables an account, which ends its sessions and blocks login', async () => {
      const acc = await newAccount('disableme');
      const c = await login(server, 'disableme');
      expect((await streetA.patch(`/api/accounts/${acc.id}`, { disabled: true })).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
      const res = await tryLogin('disableme', PASSWORD);
      expect(res.statusCode).toBe(403);
      expect(res.json<Err>().error.message).toMatch(/停用/);
    });

    it('resets a password, unlocking the account', async () => {
      const acc = await newAccount('resetme');
      for (let i = 0; i < 5; i++) await tryLogin('resetme', 'wrong-password');
      expect((await tryLogin('resetme', PASSWORD)).statusCode).toBe(423);
      expect((await streetA.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'Reset@2026' })).status).toBe(200);
      const res = await tryLogin('resetme', 'Reset@2026');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);
    });

    it('binds a 党员 account to a member record in scope, once', async () => {
      const m = await streetA.post<{ id: string }>('/api/members', buildMember(t.branchA1a, { name: '关联党员' }));
      const body = (username: string, over: Record<string, unknown> = {}) => ({ username, displayName: '关联党员', role: 'member', orgId: t.branchA1a, password: PASSWORD, memberId: m.body.id, ...over });
      const res = await streetA.post<Account>('/api/accounts', body('bound1'));
      expect(res.status).toBe(201);
      expect(res.body.memberId).toBe(m.body.id);
      const me = await login(server, 'bound1');
      expect((await me.get<{ name: string }>('/api/me/member')).body.name).toBe('关联党员');
      const again = await streetA.post<Err>('/api/accounts', body('bound2'));
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe('该党员已关联账号「bound1」');
      expect((await streetA.post<Err>('/api/accounts', body('bound3', { role: 'secretary' }))).status).toBe(400);
      expect((await streetA.post<Err>('/api/accounts', body('bound4', { orgId: t.branchA1b }))).body.error.message).toMatch(/账号所属组织应为/);
      const other = await streetB.post<Err>('/api/accounts', body('bound5', { orgId: t.branchB1a }));
      expect(other.status).toBe(404);
    });

    it('does not let an account disable itself', async () => {
      expect((await streetA.patch(`/api/accounts/${streetA.me!.id}`, { disabled: true })).status).toBe(403);
    });

    it('rejects bad input with Chinese messages', async () => {
      const res = await streetA.post<Err>('/api/accounts', { username: '中文名', displayName: '', role: 'boss', orgId: 'x', password: '1' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/用户名/);
      expect(res.body.error.message).toMatch(/角色/);
    });
  });

  describe('audit log', () => {
    it('is append-only in the database', async () => {
      await expect(server.db.run(sql`update audit_log set action = 'x'`)).rejects.toThrow();
      await expect(server.db.run(sql`delete from audit_log`)).rejects.toThrow();
    });

    it('shows a street only the entries of its own subtree', async () => {
      const mine = await streetA.get<{ items: { entityId: string | null }[]; total: number }>('/api/audit?pageSize=200&entity=org');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((e) => e.entityId)).not.toContain(t.communityB1);
      const all = await t.admin.get<{ items: { entityId: string | null }[] }>('/api/audit?pageSize=200&entity=org');
      expect(all.body.items.map((e) => e.entityId)).toContain(t.communityB1);
    });

    it('records before and after for an edit', async () => {
      const { version } = (await streetA.get<{ version: number }>(`/api/orgs/${t.branchA1b}`)).body;
      await streetA.patch(`/api/orgs/${t.branchA1b}`, { shortName: '甲一二支', version });
      const res = await streetA.get<{ items: { before: { shortName: string | null }; after: { shortName: string } ; ip: string | null }[] }>(`/api/audit?action=org.update&entityId=${t.branchA1b}`);
      expect(res.body.items[0]!.before.shortName).toBeNull();
      expect(res.body.items[0]!.after.shortName).toBe('甲一二支');
      expect(res.body.items[0]!.ip).toBeTruthy();
    });
  });
});
