import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '@jiceng/contracts';
import { buildMember, CHANGED_PASSWORD, ENGINES, login, loginChanged, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };

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
      expect(res.json<Err>().error.message).toBe('用户名或密码错误（多次失败后需稍候再试）');
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
      const weak = await a.post<Err>('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'P@ssw0rd' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.details?.fields).toEqual([{ field: 'newPassword', message: '该密码是常见弱密码，很容易被猜中，请换一个' }]);
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

    it('opens nothing but me, password and logout until the temporary password is changed', async () => {
      await newAccount('firstlogin');
      const c = await login(server, 'firstlogin');
      for (const url of ['/api/orgs/tree', '/api/accounts', '/api/notifications']) {
        const res = await c.get<Err>(url);
        expect(res.status, url).toBe(403);
        expect(res.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
        expect(res.body.error.message).toBe('请先修改初始密码或管理员重置的密码，再使用其他功能');
      }
      expect((await c.post<Err>('/api/orgs', { name: 'x' })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await c.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(true);
      // The forced change follows the same password rules.
      const weak = await c.post<Err>('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'Firstlogin@2026' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.message).toBe('密码不能包含用户名');
      expect((await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD })).status).toBe(200);
      expect((await c.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(false);
      expect((await c.get('/api/orgs/tree')).status).toBe(200);
      expect((await c.get('/api/notifications')).status).toBe(200);
      expect((await c.post('/api/auth/logout')).status).toBe(200);
    });

    it('lets an account that must change its password log out', async () => {
      await newAccount('firstlogout');
      const c = await login(server, 'firstlogout');
      expect((await c.post('/api/auth/logout')).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });

    it('refuses a weak initial password with a message on the field, and creates nothing', async () => {
      const before = (await streetA.get<{ total: number }>('/api/accounts')).body.total;
      const cases: [string, string][] = [
        ['Aa123456', '该密码是常见弱密码，很容易被猜中，请换一个'],
        ['weakling2026', '密码需包含大写字母、小写字母、数字、符号中的至少 3 类（还可加入大写字母、符号）'],
        ['Weakacct@2026', '密码不能包含用户名'],
      ];
      for (const [password, message] of cases) {
        const res = await streetA.post<Err>('/api/accounts', { username: 'weakacct', displayName: '弱密码', role: 'secretary', orgId: t.branchA1a, password });
        expect(res.status, password).toBe(400);
        expect(res.body.error.message).toBe(message);
        expect(res.body.error.details?.fields).toEqual([{ field: 'password', message }]);
      }
      expect((await streetA.get<{ total: number }>('/api/accounts')).body.total).toBe(before);
    });

    it('refuses a duplicate username and changes nothing', async () => {
      const before = (await streetA.get<{ total: number }>('/api/accounts')).body.total;
      const res = await streetA.post<Err>('/api/accounts', { username: 'streetB', displayName: '重复', role: 'secretary', orgId: t.branchA1a, password: PASSWORD });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/已被使用/);
      expect((await streetA.get<{ total: number }>('/api/accounts')).body.total).toBe(before);
    });

    it('refuses a role equal to or stronger than the actor’s own, and lets a street create a branch secretary', async () => {
      for (const role of ['admin', 'department', 'street']) {
        const res = await streetA.post<Err>('/api/accounts', { username: `wannabe_${role}`, displayName: '越权', role, orgId: t.branchA1a, password: PASSWORD });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe('不能分配与本人同级或更高级别的角色');
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

    it('disables an account, which ends its sessions and blocks login without saying the password was right', async () => {
      const acc = await newAccount('disableme');
      const c = await login(server, 'disableme');
      expect((await streetA.patch(`/api/accounts/${acc.id}`, { disabled: true })).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
      const res = await tryLogin('disableme', PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(res.json<Err>().error).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误（多次失败后需稍候再试）' });
    });

    it('resets a password to one that must be changed at the next login, refusing a weak one', async () => {
      const acc = await newAccount('resetme');
      await loginChanged(server, 'resetme');
      const weak = await streetA.post<Err>(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'resetme2026' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.details?.fields?.[0]).toEqual({ field: 'newPassword', message: '密码需包含大写字母、小写字母、数字、符号中的至少 3 类（还可加入大写字母、符号）；密码不能包含用户名' });
      expect((await streetA.post(`/api/accounts/${acc.id}/reset-password`, { newPassword: 'Reset@2026' })).status).toBe(200);
      const res = await tryLogin('resetme', 'Reset@2026');
      expect(res.statusCode).toBe(200);
      expect(res.json<{ mustChangePassword: boolean }>().mustChangePassword).toBe(true);
      const c = await login(server, 'resetme', 'Reset@2026');
      expect((await c.get<Err>('/api/orgs/tree')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    });

    it('binds a 党员 account to a member record in scope, once', async () => {
      const m = await streetA.post<{ id: string }>('/api/members', buildMember(t.branchA1a, { name: '关联党员' }));
      const body = (username: string, over: Record<string, unknown> = {}) => ({ username, displayName: '关联党员', role: 'member', orgId: t.branchA1a, password: PASSWORD, memberId: m.body.id, ...over });
      const res = await streetA.post<Account>('/api/accounts', body('bound1'));
      expect(res.status).toBe(201);
      expect(res.body.memberId).toBe(m.body.id);
      const me = await loginChanged(server, 'bound1');
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
