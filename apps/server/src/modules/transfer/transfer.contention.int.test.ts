import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * State changes of member records racing each other: transfers, floating registration, lifecycle
 * events, report-in and hardship. Each has exactly one legal winner; the losers are Chinese 4xx
 * refusals; the data and the audit log agree.
 */
describe.each(ENGINES)('member state changes under contention (%s)', (engine) => {
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

  const member = async (over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await streetA.post<Member>('/api/members', buildMember(t.branchA1a, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const refusals = ['CONFLICT', 'RULE_VIOLATION'];

  it('10 concurrent transfers of one member: one open transfer', async () => {
    const m = await member({ name: '并发转出' });
    await race(10, () => streetA.post('/api/transfers', { memberId: m.id, toOrgId: t.branchB1a, reason: '工作调动' }), { successes: 1, refusals });
    expect(await count(sql`select count(*)::int as n from transfer where member_id = ${m.id}`)).toBe(1);
  });

  it('10 concurrent acceptances of one transfer: accepted once, the member moved once, one audit row', async () => {
    const m = await member({ name: '并发接收' });
    const tr = await streetA.post<{ id: string }>('/api/transfers', { memberId: m.id, toOrgId: t.branchB1a, reason: '工作调动' });
    await race(10, () => streetB.post(`/api/transfers/${tr.body.id}/accept`), { successes: 1, refusals });
    expect((await server.db.one<{ org_id: string }>(sql`select org_id from member where id = ${m.id}`))!.org_id).toBe(t.branchB1a);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'transfer.accept' and entity_id = ${tr.body.id}`)).toBe(1);
  });

  it('accept, return and cancel of one transfer at once: exactly one of them happens', async () => {
    const m = await member({ name: '三方并发' });
    const tr = await streetA.post<{ id: string }>('/api/transfers', { memberId: m.id, toOrgId: t.branchB1a, reason: '工作调动' });
    const fire = [
      () => streetB.post(`/api/transfers/${tr.body.id}/accept`),
      () => streetB.post(`/api/transfers/${tr.body.id}/return`, { reason: '材料不全，请补充' }),
      () => streetA.post(`/api/transfers/${tr.body.id}/cancel`, { reason: '撤回' }),
    ];
    await race(3, (i) => fire[i]!(), { successes: 1, refusals });
    const audits = await count(sql`select count(*)::int as n from audit_log where entity = 'transfer' and entity_id = ${tr.body.id} and action <> 'transfer.start'`);
    expect(audits).toBe(1);
  });

  it('10 concurrent 流出登记 of one member: one record', async () => {
    const m = await member({ name: '并发流出' });
    const body = { memberId: m.id, destinationPlace: '上海市浦东新区', reason: 'work', contactPhone: '13912340000', leftDate: '2026-10-01' };
    await race(10, () => streetA.post('/api/floating', body), { successes: 1, refusals });
    expect(await count(sql`select count(*)::int as n from floating_member where member_id = ${m.id}`)).toBe(1);
  });

  it('5 concurrent 转正 of one probationary member: confirmed once, one history row', async () => {
    const m = await member({ name: '并发转正', status: 'probationary', joinedDate: '2025-10-01', confirmedDate: null });
    await race(5, () => streetA.post(`/api/members/${m.id}/events`, { event: 'confirm', date: '2026-10-08', reason: '预备期满，支部大会讨论通过' }), { successes: 1, refusals: [...refusals, 'VALIDATION'] });
    expect(await count(sql`select count(*)::int as n from member_status_event where member_id = ${m.id} and event = 'confirm'`)).toBe(1);
  });

  it('10 concurrent 双报到 of one member: one report', async () => {
    const m = await member({ name: '并发报到', categories: ['employed'] });
    await race(10, () => streetA.post('/api/report-ins/members', { memberId: m.id, communityId: t.communityB1, reportDate: '2026-11-01' }), { successes: 1, refusals });
    expect(await count(sql`select count(*)::int as n from member_report_in where member_id = ${m.id}`)).toBe(1);
  });
});
