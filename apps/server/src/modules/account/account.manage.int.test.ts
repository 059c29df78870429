import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Me, Member } from '@jiceng/contracts';
import { buildMember, CHANGED_PASSWORD, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type AuditItems = {
  items: {
    actorName: string | null;
    action: string;
    entityId: string | null;
    after: { operation?: string; code?: string; reason?: string; role?: string; mustChangePassword?: boolean } | null;
    before: { disabled?: boolean } | null;
  }[];
  total: number;
};

/**
 * Account management by community (社区) and branch (支部) accounts, and the rules every account
 * holder is held to: the grantable-roles table, the subtree, no equal or higher roles, not oneself;
 * every refusal a Chinese 403/404/409 that changes nothing and is audited.
 */
describe.each(ENGINES)('account management below the street (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let community: Client;
  let secretary: Client;
  let streetA: Client;
  let memberA1a: Member;
  let memberA1b: Member;
  let memberB1a: Member;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [community, secretary, streetA] = await Promise.all([login(server, 'communityA1'), login(server, 'secA1a'), login(server, 'streetA')]);
    const member = async (orgId: string, name: string) => (await t.admin.post<Member>('/api/members', buildMember(orgId, { name }))).body;
    memberA1a = await member(t.branchA1a, '甲一支部党员');
    memberA1b = await member(t.branchA1b, '甲一二支党员');
    memberB1a = await member(t.branchB1a, '乙街道党员');
  });
  afterAll(() => server.close());

  const tryLogin = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const create = (c: Client, username: string, role: string, orgId: string, over: Record<string, unknown> = {}) =>
    c.post<Account & Err>('/api/accounts', { username, displayName: username, role, orgId, password: PASSWORD, ...over });
  const created = async (c: Client, username: string, role: string, orgId: string, over: Record<string, unknown> = {}) => {
    const res = await create(c, username, role, orgId, over);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const total = async () => (await t.admin.get<{ total: number }>('/api/accounts?pageSize=1')).body.total;
  const audit = async (query: string) => (await t.admin.get<AuditItems>(`/api/audit?pageSize=200&${query}`)).body;
  const refusals = async () => (await audit('action=account.manage_refused')).items;
  const idOf = async (username: string) =>
    (await t.admin.get<{ items: Account[] }>(`/api/accounts?q=${username}`)).body.items.find((a) => a.username === username)!.id;

  describe('creating', () => {
    it('lets a community create 党员 (bound to a member in its subtree), 网格员 and 驻区单位 accounts', async () => {
      const m = await created(community, 'c_member', 'member', t.branchA1b, { memberId: memberA1b.id });
      expect(m).toMatchObject({ role: 'member', memberId: memberA1b.id, orgId: t.branchA1b, manageable: true });
      expect((await created(community, 'c_grid', 'grid_worker', t.branchA1a)).roleLabel).toBe('网格员');
      expect((await created(community, 'c_unit', 'resident_unit', t.communityA1)).roleLabel).toBe('驻区单位');
      const me = (await login(server, 'c_member')).me!;
      expect(me.mustChangePassword).toBe(true);
      const rows = (await audit('action=account.create')).items.filter((e) => e.actorName === 'communityA1');
      expect(rows.length).toBe(3);
    });

    it('lets a branch account create them inside its branch only', async () => {
      expect((await created(secretary, 's_member', 'member', t.branchA1a, { memberId: memberA1a.id })).memberId).toBe(memberA1a.id);
      expect((await created(secretary, 's_unit', 'resident_unit', t.branchA1a)).orgId).toBe(t.branchA1a);
      const before = await total();
      const sibling = await create(secretary, 's_sibling', 'grid_worker', t.branchA1b);
      expect(sibling.status).toBe(404);
      expect(sibling.body.error.message).toBe('组织不存在或不在您的管理范围内');
      expect((await create(secretary, 's_up', 'grid_worker', t.communityA1)).status).toBe(404);
      expect(await total()).toBe(before);
    });

    it('refuses every role outside the table with a Chinese 403, audited, creating nothing', async () => {
      const before = await total();
      const cases: [Client, string, string][] = [
        [community, 'admin', '不能分配与本人同级或更高级别的角色'],
        [community, 'street', '不能分配与本人同级或更高级别的角色'],
        [community, 'community', '不能分配与本人同级或更高级别的角色'],
        [community, 'secretary', '本账号只能分配「网格员」、「党员」、「驻区单位」角色'],
        [community, 'supervisor', '本账号只能分配「网格员」、「党员」、「驻区单位」角色'],
        [secretary, 'secretary', '不能分配与本人同级或更高级别的角色'],
        [streetA, 'street', '不能分配与本人同级或更高级别的角色'],
      ];
      for (const [c, role, message] of cases) {
        const res = await create(c, `x_${role}`, role, t.branchA1a);
        expect(res.status, `${c.me!.username} → ${role}`).toBe(403);
        expect(res.body.error).toEqual({ code: 'FORBIDDEN', message });
      }
      expect(await total()).toBe(before);
      const rows = await refusals();
      expect(
        rows
          .filter((e) => e.after?.operation === 'create' && e.after.code === 'FORBIDDEN')
          .map((e) => e.after!.role)
          .sort(),
      ).toEqual(['admin', 'street', 'community', 'secretary', 'supervisor', 'secretary', 'street'].sort());
    });

    it('lets an administrator appoint another administrator and reset its password', async () => {
      const second = await created(t.admin, 'second_admin', 'admin', t.rootId);
      expect(second.roleLabel).toBe('系统管理员');
      expect(second.manageable).toBe(true);
      expect((await t.admin.post(`/api/accounts/${second.id}/reset-password`, { newPassword: 'Second@2026pw' })).status).toBe(200);
      expect((await login(server, 'second_admin', 'Second@2026pw')).me!.mustChangePassword).toBe(true);
    });

    it('binds a 党员 account to a member record of the subtree, or refuses it', async () => {
      const before = await total();
      const none = await create(community, 'm_none', 'member', t.branchA1a);
      expect(none.status).toBe(400);
      expect(none.body.error.details?.fields).toEqual([{ field: 'memberId', message: '党员账号须关联本组织及下级的党员档案，请选择党员' }]);
      const outside = await create(community, 'm_outside', 'member', t.branchA1a, { memberId: memberB1a.id });
      expect(outside.status).toBe(404);
      const wrongBranch = await create(community, 'm_wrong', 'member', t.branchA1b, { memberId: memberA1a.id });
      expect(wrongBranch.status).toBe(400);
      expect(wrongBranch.body.error.message).toBe('账号所属组织应为该党员所在的「甲一社区第一党支部」');
      const taken = await create(community, 'm_taken', 'member', t.branchA1b, { memberId: memberA1b.id });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toBe('该党员已关联账号「c_member」');
      expect(await total()).toBe(before);
      const row = (await refusals()).find((e) => e.after?.operation === 'create' && e.after.code === 'CONFLICT');
      expect(row?.actorName).toBe('communityA1');
    });

    it('binds a 驻区单位 account to a community (village) Party organization only', async () => {
      const res = await create(streetA, 'u_street', 'resident_unit', t.streetA);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('驻区单位账号应属于其报到的社区（村）党组织，「中共甲街道工作委员会」不是社区（村）党组织');
    });

    it('shows the org picker only organizations in the account’s subtree', async () => {
      const names = (await community.get<{ items: { id: string }[] }>('/api/orgs?pageSize=50')).body.items.map((o) => o.id);
      expect(names.sort()).toEqual([t.communityA1, t.branchA1a, t.branchA1b].sort());
      const branch = (await secretary.get<{ items: { id: string }[] }>('/api/orgs?pageSize=50')).body.items.map((o) => o.id);
      expect(branch).toEqual([t.branchA1a]);
    });
  });

  describe('managing', () => {
    it('disables and enables a grid worker: sessions end, login refused, then allowed; audited as 停用/启用', async () => {
      const id = await idOf('c_grid');
      const session = await login(server, 'c_grid');
      const off = await community.patch<Account>(`/api/accounts/${id}`, { disabled: true });
      expect(off.status).toBe(200);
      expect(off.body.disabled).toBe(true);
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await tryLogin('c_grid', PASSWORD)).statusCode).toBe(401);
      const again = await community.patch<Err>(`/api/accounts/${id}`, { disabled: true });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe('该账号已是停用状态');
      expect((await community.patch<Account>(`/api/accounts/${id}`, { disabled: false })).body.disabled).toBe(false);
      expect((await tryLogin('c_grid', PASSWORD)).statusCode).toBe(200);
      expect((await audit(`action=account.disable&entityId=${id}`)).items[0]).toMatchObject({ actorName: 'communityA1', before: { disabled: false } });
      expect((await audit(`action=account.enable&entityId=${id}`)).total).toBe(1);
      expect((await refusals()).some((e) => e.entityId === id && e.after?.operation === 'disable' && e.after.code === 'CONFLICT')).toBe(true);
    });

    it('refuses accounts of roles not grantable, of equal or higher roles, outside the scope, and its own; changes nothing', async () => {
      const secId = await idOf('secA1a');
      const peer = await created(streetA, 'peer_community', 'community', t.communityA1);
      const streetAId = await idOf('streetA');
      const unitB = await created(t.admin, 'unit_b', 'resident_unit', t.communityB1);
      const cases: [Client, string, string, number, string][] = [
        [community, secId, 'secretary', 403, '本账号不能管理「党支部书记/党务工作者」账号，只能管理「网格员」、「党员」、「驻区单位」账号'],
        [community, peer.id, 'peer', 403, '不能管理与本人同级或更高级别的账号'],
        [community, streetAId, 'street', 404, '账号不存在或不在您的管理范围内'],
        [community, unitB.id, 'other street', 404, '账号不存在或不在您的管理范围内'],
        [community, community.me!.id, 'self', 403, '不能在账号管理中修改本人账号：本人密码请在「修改密码」中修改，角色、组织或状态请联系上级管理员'],
        [secretary, await idOf('c_unit'), 'above the branch', 404, '账号不存在或不在您的管理范围内'],
      ];
      for (const [c, id, what, status, message] of cases) {
        const disable = await c.patch<Err>(`/api/accounts/${id}`, { disabled: true });
        expect(disable.status, `disable ${what}`).toBe(status);
        expect(disable.body.error.message).toBe(message);
        const reset = await c.post<Err>(`/api/accounts/${id}/reset-password`, { newPassword: 'Reset@2026x' });
        expect(reset.status, `reset ${what}`).toBe(status);
        const rename = await c.patch<Err>(`/api/accounts/${id}`, { displayName: '改名' });
        expect(rename.status, `rename ${what}`).toBe(status);
      }
      // nothing changed: the targets still log in with their own passwords, enabled
      expect((await tryLogin('secA1a', PASSWORD)).statusCode).toBe(200);
      expect((await tryLogin('peer_community', PASSWORD)).statusCode).toBe(200);
      expect((await t.admin.get<Account>(`/api/accounts/${secId}`)).body).toMatchObject({ disabled: false, displayName: 'secA1a' });
      const rows = (await refusals()).filter((e) => e.actorName === 'communityA1' && e.entityId === secId);
      expect(rows.map((e) => e.after!.operation).sort()).toEqual(['disable', 'reset_password', 'update']);
    });

    it('records an out-of-scope refusal under the actor’s organization, not the target’s', async () => {
      const unitB = await idOf('unit_b');
      const mine = await streetA.get<AuditItems>(`/api/audit?action=account.manage_refused&entityId=${unitB}`);
      expect(mine.body.total).toBeGreaterThan(0);
      const theirs = await login(server, 'streetB');
      expect((await theirs.get<AuditItems>(`/api/audit?action=account.manage_refused&entityId=${unitB}`)).body.total).toBe(0);
    });

    it('refuses a role change to a role not grantable (403) or one that breaks the member binding (400)', async () => {
      const id = await idOf('c_unit');
      const up = await community.patch<Err>(`/api/accounts/${id}`, { role: 'secretary' });
      expect(up.status).toBe(403);
      const toMember = await community.patch<Err>(`/api/accounts/${id}`, { role: 'member' });
      expect(toMember.status).toBe(400);
      expect(toMember.body.error.message).toBe('党员账号须关联党员档案：请新建党员账号并选择党员');
      const memberId = await idOf('c_member');
      const away = await community.patch<Err>(`/api/accounts/${memberId}`, { orgId: t.branchA1a });
      expect(away.status).toBe(400);
      expect(away.body.error.message).toBe('党员账号所属组织应为该党员所在的「甲一社区第二党支部」');
      expect((await t.admin.get<Account>(`/api/accounts/${id}`)).body.role).toBe('resident_unit');
      expect((await t.admin.get<Account>(`/api/accounts/${memberId}`)).body.orgId).toBe(t.branchA1b);
    });

    it('marks in the list which accounts the reader may manage', async () => {
      const items = (await community.get<{ items: Account[] }>('/api/accounts?pageSize=200')).body.items;
      const by = (u: string) => items.find((a) => a.username === u)!.manageable;
      expect([by('communityA1'), by('secA1a'), by('peer_community'), by('c_grid'), by('c_member'), by('s_member')]).toEqual([
        false,
        false,
        false,
        true,
        true,
        true,
      ]);
      expect(items.map((a) => a.username)).not.toContain('unit_b');
    });
  });

  describe('resetting a password', () => {
    it('gives a new initial password that the member must change at the next login, ending its sessions; audited', async () => {
      const id = await idOf('s_member');
      const old = await login(server, 's_member');
      expect((await old.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: CHANGED_PASSWORD })).status).toBe(200);
      const before = await login(server, 's_member', CHANGED_PASSWORD);
      const res = await community.post(`/api/accounts/${id}/reset-password`, { newPassword: 'Reset@2026x' });
      expect(res.status).toBe(200);
      expect((await before.get('/api/auth/me')).status).toBe(401);
      expect((await tryLogin('s_member', CHANGED_PASSWORD)).statusCode).toBe(401);
      const c = await login(server, 's_member', 'Reset@2026x');
      expect(c.me!.mustChangePassword).toBe(true);
      expect((await c.get<Err>('/api/me/member')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await c.post('/api/auth/password', { oldPassword: 'Reset@2026x', newPassword: 'Mine@2026pw' })).status).toBe(200);
      expect((await c.get<Me>('/api/auth/me')).body.mustChangePassword).toBe(false);
      expect((await c.get<{ name: string }>('/api/me/member')).body.name).toBe('甲一支部党员');
      expect((await audit(`action=account.reset_password&entityId=${id}`)).items[0]).toMatchObject({
        actorName: 'communityA1',
        after: { mustChangePassword: true },
      });
    });

    it('refuses a weak password with a Chinese message on the field and keeps the old one', async () => {
      const id = await idOf('c_member');
      const weak = await community.post<Err>(`/api/accounts/${id}/reset-password`, { newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.message).toBe('「新密码」至少需要 8 个字符');
      expect((await tryLogin('c_member', PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('export', () => {
    it('is refused to roles that cannot read accounts', async () => {
      const c = await login(server, 'memberA1a');
      expect((await c.get<Err>('/api/accounts/export')).status).toBe(403);
    });
  });
});
