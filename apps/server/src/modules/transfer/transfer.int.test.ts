import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, Transfer, TransferReceiver } from '@jiceng/contracts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { PENDING_KEY } from './transfer.repository.ts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

describe.each(ENGINES)('transfers within the deployment (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let supA: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a, supA] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a'), login(server, 'supA')]);
  });
  afterAll(() => server.close());

  const member = async (over: Parameters<typeof buildMember>[1] = {}, orgId = t.branchA1a) => {
    const res = await secA1a.post<Member>('/api/members', buildMember(orgId, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const start = (c: Client, memberId: string, toOrgId: string, reason = '工作调动') => c.post<Transfer & Err>('/api/transfers', { memberId, toOrgId, reason });
  const transferCount = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from transfer`))!.n;
  const orgOf = async (memberId: string) => (await server.db.one<{ org_id: string }>(sql`select org_id from member where id = ${memberId}`))!.org_id;

  it('finds receiving branches across the whole region, outside the sender’s scope too', async () => {
    const res = await secA1a.get<TransferReceiver[]>(`/api/transfers/receivers?q=${encodeURIComponent('乙一')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: t.branchB1a, name: '乙一社区第一党支部', parentName: '中共乙一社区委员会' }]);
    expect((await secA1a.get<TransferReceiver[]>(`/api/transfers/receivers?q=${encodeURIComponent('社区委员会')}`)).body).toEqual([]);
  });

  it('moves the member only on acceptance: the receiver sees a snapshot until then, the sender loses sight after', async () => {
    const m = await member({ name: '周转接' });
    const res = await start(streetA, m.id, t.branchB1a);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'internal', status: 'pending', statusText: '待接收', memberName: '周转接', memberIdNumber: m.idNumber, memberStatus: 'full', fromOrgName: '甲一社区第一党支部', toOrgName: '乙一社区第一党支部', actions: ['cancel'] });
    expect(await orgOf(m.id)).toBe(t.branchA1a);

    const incoming = await streetB.get<{ items: Transfer[] }>('/api/transfers?direction=in&status=pending');
    const seen = incoming.body.items.find((x) => x.id === res.body.id)!;
    expect(seen).toMatchObject({ memberName: '周转接', memberGender: 'male', memberAge: m.age, actions: ['accept', 'return'] });
    expect(seen).not.toHaveProperty('memberBirthDate');
    expect((await streetB.get(`/api/members/${m.id}`)).status).toBe(404);
    expect((await streetB.get<{ items: Transfer[] }>('/api/transfers?direction=out')).body.items.map((x) => x.id)).not.toContain(res.body.id);

    const accepted = await streetB.post<Transfer>(`/api/transfers/${res.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', completedOn: '2026-11-22', decidedByName: 'streetB', actions: [] });
    expect(await orgOf(m.id)).toBe(t.branchB1a);
    expect((await streetB.get<Member>(`/api/members/${m.id}`)).body.orgId).toBe(t.branchB1a);
    expect((await streetA.get(`/api/members/${m.id}`)).status).toBe(404);
    expect((await streetA.get<Transfer>(`/api/transfers/${res.body.id}`)).body.status).toBe('accepted');
    const audit = await t.admin.get<{ items: { entityId: string; actorName: string }[] }>('/api/audit?action=transfer.accept');
    expect(audit.body.items.some((e) => e.entityId === res.body.id && e.actorName === 'streetB')).toBe(true);
  });

  it('shows a 党员 account its own transfers and nobody else’s', async () => {
    const m = await member({ name: '自查转接' });
    expect((await start(secA1a, m.id, t.branchA1b)).status).toBe(201);
    await server.modules.account.bootstrap({ username: 'zicha', displayName: '自查转接', role: 'member', orgId: t.branchA1a, password: 'Test@2026pw', mustChangePassword: false });
    await server.db.run(sql`update account set member_id = ${m.id} where username = 'zicha'`);
    const me = await login(server, 'zicha');
    const mine = await me.get<Transfer[]>('/api/me/transfers');
    expect(mine.body.map((x) => x.memberName)).toEqual(['自查转接']);
    expect((await me.get('/api/transfers')).status).toBe(403);
    const unbound = await login(server, 'memberA1a');
    expect((await unbound.get<Transfer[]>('/api/me/transfers')).body).toEqual([]);
  });

  it('refuses bad requests in Chinese and changes nothing', async () => {
    const m = await member();
    const before = await transferCount();
    const same = await start(secA1a, m.id, t.branchA1a);
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe('不能转到原所在党支部，请选择其他接收党支部');
    const notBranch = await start(secA1a, m.id, t.communityB1);
    expect(notBranch.body.error.message).toBe('党员的组织关系应转入党支部，「中共乙一社区委员会」不是党支部');
    const missing = await secA1a.post<Err>('/api/transfers', { memberId: m.id });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/接收党支部/);
    const unknown = await start(secA1a, m.id, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await transferCount()).toBe(before);
  });

  it('keeps starts and decisions to the right accounts: 403 without the permission or on the wrong side, 404 outside the scope', async () => {
    const m = await member();
    expect((await start(supA, m.id, t.branchB1a)).status).toBe(403);
    const outOfScope = await start(streetB, m.id, t.branchB1a);
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body.error.message).toMatch(/党员不存在或不在您的管理范围内/);

    const within = await start(secA1a, m.id, t.branchA1b);
    expect(within.status).toBe(201);
    const id = within.body.id;
    for (const path of ['', '/letter']) expect((await streetB.get(`/api/transfers/${id}${path}`)).status).toBe(404);
    expect((await streetB.post(`/api/transfers/${id}/accept`)).status).toBe(404);
    expect((await streetB.post(`/api/transfers/${id}/cancel`, {})).status).toBe(404);
    expect((await streetB.post(`/api/transfers/${id}/return`, { reason: '越权退回' })).status).toBe(404);
    expect((await streetB.post(`/api/transfers/${id}/receipt`, { receivedDate: '2026-11-20' })).status).toBe(404);
    expect((await supA.post(`/api/transfers/${id}/accept`)).status).toBe(403);
    const sender = await secA1a.post<Err>(`/api/transfers/${id}/accept`);
    expect(sender.status).toBe(403);
    expect(sender.body.error.message).toBe('只有接收方党组织可以接收或退回该转接');
    expect((await supA.get<Transfer>(`/api/transfers/${id}`)).body.actions).toEqual([]);
    expect((await streetA.get<Transfer>(`/api/transfers/${id}`)).body.actions).toEqual(['accept', 'return', 'cancel']);
    expect((await streetA.post<Transfer>(`/api/transfers/${id}/accept`)).body.status).toBe('accepted');
    expect(await orgOf(m.id)).toBe(t.branchA1b);
  });

  it('returns with a reason, then refuses to accept; cancelling frees the member for a new transfer', async () => {
    const m = await member();
    const first = await start(secA1a, m.id, t.branchB1a);
    const again = await start(secA1a, m.id, t.branchA1b);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该党员已有未办结的转接（转往「乙一社区第一党支部」），请办结或撤销后再发起');
    const noReason = await streetB.post<Err>(`/api/transfers/${first.body.id}/return`, { reason: '' });
    expect(noReason.status).toBe(400);
    const returned = await streetB.post<Transfer>(`/api/transfers/${first.body.id}/return`, { reason: '党费缴纳情况不清，请核实' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '党费缴纳情况不清，请核实' });
    const late = await streetB.post<Err>(`/api/transfers/${first.body.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('已退回的转接不能接收');
    expect(await orgOf(m.id)).toBe(t.branchA1a);

    const second = await start(secA1a, m.id, t.branchA1b);
    expect(second.status).toBe(201);
    const cancelled = await secA1a.post<Transfer>(`/api/transfers/${second.body.id}/cancel`, { reason: '本人暂缓调动' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '本人暂缓调动' });
    expect((await streetA.post<Err>(`/api/transfers/${second.body.id}/accept`)).body.error.message).toBe('已撤销的转接不能接收');
    expect((await start(secA1a, m.id, t.branchA1b)).status).toBe(201);
  });

  it('refuses to accept a member who left the party while the transfer waited', async () => {
    const m = await member();
    const tr = (await start(secA1a, m.id, t.branchB1a)).body;
    expect((await secA1a.post(`/api/members/${m.id}/events`, { event: 'leave', date: '2026-11-20', reason: '病故', leaveReason: 'deceased' })).status).toBe(200);
    const res = await streetB.post<Err>(`/api/transfers/${tr.id}/accept`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('该人员已出党，不能办理组织关系转接；请退回该转接');
    expect(await orgOf(m.id)).toBe(t.branchA1a);
    expect((await streetB.get<Transfer>(`/api/transfers/${tr.id}`)).body.status).toBe('pending');
  });

  it('lets exactly one of 100 parallel starts for one member through; the others get a Chinese 409', async () => {
    const m = await member();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => start(secA1a, m.id, i % 2 ? t.branchB1a : t.branchA1b)));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.error.message.startsWith('该党员已有未办结的转接'))).toBe(true);
    const rows = await server.db.rows<{ id: string }>(sql`select id from transfer where member_id = ${m.id}`);
    expect(rows.map((r) => r.id)).toEqual([created[0]!.body.id]);
  });

  it('refuses a second open transfer of one member in the database itself', async () => {
    const m = await member();
    const first = await start(secA1a, m.id, t.branchB1a);
    const cols = sql.raw('region_id, kind, status, member_id, from_org_id, to_org_id, from_org_name, to_org_name, member_name, member_gender, member_birth_date, member_id_number_masked, member_status, started_on');
    const err = await server.db.run(sql`insert into transfer (id, ${cols}) select gen_random_uuid(), ${cols} from transfer where id = ${first.body.id}`).catch((e: unknown) => e);
    expect(isUniqueViolation(err, PENDING_KEY)).toBe(true);
  });

  it('lets exactly one of a parallel accept and cancel win, and the branch follows the winner', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await member();
      const tr = (await start(streetA, m.id, t.branchB1a)).body;
      const [accept, cancel] = await Promise.all([streetB.post<Transfer & Err>(`/api/transfers/${tr.id}/accept`), streetA.post<Transfer & Err>(`/api/transfers/${tr.id}/cancel`, {})]);
      expect([accept.status, cancel.status].sort()).toEqual([200, 409]);
      const loser = accept.status === 200 ? cancel : accept;
      expect(loser.body.error.message).toMatch(/^(已接收的转接不能撤销|已撤销的转接不能接收|该转接刚刚已被办理)/);
      expect(await orgOf(m.id)).toBe(accept.status === 200 ? t.branchB1a : t.branchA1a);
      const status = (await server.db.one<{ status: string }>(sql`select status from transfer where id = ${tr.id}`))!.status;
      expect(status).toBe(accept.status === 200 ? 'accepted' : 'cancelled');
    }
  });

  it('lists by direction, status and year, and refuses a bad filter', async () => {
    const out = await secA1a.get<{ items: Transfer[]; total: number }>('/api/transfers?direction=out&year=2026&pageSize=200');
    expect(out.body.total).toBeGreaterThan(0);
    expect(out.body.items.every((x) => x.fromOrgId === t.branchA1a)).toBe(true);
    expect((await secA1a.get<{ total: number }>('/api/transfers?year=2025')).body.total).toBe(0);
    const bad = await secA1a.get<Err>('/api/transfers?direction=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/方向/);
  });
});
