import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hardship, HardshipCadre, HardshipSummary, HardshipVisit, Member, TodoPage } from '@jiceng/contracts';
import { fixedClock } from '../../platform/clock.ts';
import { buildMember, ENGINES, login, seedTree, startSeeded, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

const DETAIL = '患尿毒症需长期透析，家庭月收入不足两千元';
const VISIT = { visitDate: '2026-11-20', visitor: '王书记', content: '上门看望，了解治疗情况', amount: '500' };

/** Today is 2026-11-22 (TEST_TODAY): the fourth quarter, past its first month. */
describe.each(ENGINES)('困难党员帮扶 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let supA: Client;

  const member = async (over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const record = async (over: object = {}) => {
    const m = await member();
    const res = await secA1a.post<Hardship & Err>('/api/hardship', { memberId: m.id, type: 'illness', detail: DETAIL, startDate: '2026-01-10', ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const todoKeys = async (c: Client) => (await c.get<TodoPage>('/api/todos?source=hardship.visit&pageSize=200')).body.items.map((x) => x.key);

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a, supA] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a'), login(server, 'supA')]);
  });
  afterAll(() => server.close());

  describe('records and the sensitive detail', () => {
    let h: Hardship;
    beforeAll(async () => {
      h = await record();
    });

    it('stores the detail encrypted, answers it masked, and marks the member 困难', async () => {
      expect(h).toMatchObject({ type: 'illness', detail: '******', unmasked: false, visitStatus: 'overdue', visitDueDate: '2026-10-31', subsidyTotal: '0.00' });
      expect((await secA1a.get<Member>(`/api/members/${h.memberId}`)).body.categories).toContain('hardship');
      const raw = await server.db.rows<Record<string, unknown>>(sql`select * from hardship`);
      const audit = await server.db.rows<Record<string, unknown>>(sql`select * from audit_log`);
      expect(JSON.stringify([raw, audit])).not.toContain('尿毒症');
      const list = await streetA.get<{ items: HardshipSummary[] }>('/api/hardship');
      expect(list.body.items.map((x) => x.id)).toContain(h.id);
      expect(JSON.stringify(list.body)).not.toContain('尿毒症');
      expect(JSON.stringify((await streetA.get(`/api/hardship/${h.id}`)).body)).not.toContain('尿毒症');
    });

    it('shows the detail in full only on request, with personal:unmask, audited', async () => {
      const full = await secA1a.get<Hardship>(`/api/hardship/${h.id}?unmask=true`);
      expect(full.body).toMatchObject({ detail: DETAIL, unmasked: true });
      const audit = await t.admin.get<{ items: { entity: string; actorName: string; after: { fields: string[] } }[] }>(`/api/audit?action=personal.unmask&entityId=${h.id}`);
      expect(audit.body.items).toMatchObject([{ entity: 'hardship', actorName: 'secA1a', after: { fields: ['detail', 'cadrePhone'] } }]);
      const denied = await supA.get<Err>(`/api/hardship/${h.id}?unmask=true`);
      expect(denied.status).toBe(403);
      expect((await supA.get<Hardship>(`/api/hardship/${h.id}`)).body.detail).toBe('******');
    });

    it('refuses a future date, a second open record and bad input, changing nothing', async () => {
      const m = await member();
      const future = await secA1a.post<Err>('/api/hardship', { memberId: m.id, type: 'living', detail: DETAIL, startDate: '2026-12-01' });
      expect(future.status).toBe(400);
      expect(future.body.error.message).toBe('认定日期不能晚于今天');
      const badType = await secA1a.post<Err>('/api/hardship', { memberId: m.id, type: 'poor', detail: DETAIL, startDate: '2026-01-01' });
      expect(badType.body.error.message).toBe('「困难类型」的取值不在允许范围内');
      const twice = await secA1a.post<Err>('/api/hardship', { memberId: h.memberId, type: 'living', detail: DETAIL, startDate: '2026-02-01' });
      expect(twice.status).toBe(409);
      expect((await secA1a.get<{ total: number }>(`/api/hardship?memberId=${m.id}`)).body.total).toBe(0);
      expect((await secA1a.get<Member>(`/api/members/${m.id}`)).body.categories).not.toContain('hardship');
    });

    it('needs member:write (403) and keeps other streets out (404)', async () => {
      const m = await member();
      expect((await supA.post('/api/hardship', { memberId: m.id, type: 'living', detail: DETAIL, startDate: '2026-01-01' })).status).toBe(403);
      expect((await supA.post(`/api/hardship/${h.id}/visits`, VISIT)).status).toBe(403);
      expect((await (await login(server, 'memberA1a')).get('/api/hardship')).status).toBe(403);
      expect((await streetB.post('/api/hardship', { memberId: m.id, type: 'living', detail: DETAIL, startDate: '2026-01-01' })).status).toBe(404);
      expect((await streetB.get(`/api/hardship/${h.id}`)).status).toBe(404);
      expect((await streetB.get(`/api/hardship/${h.id}/visits`)).status).toBe(404);
      expect((await streetB.post(`/api/hardship/${h.id}/visits`, VISIT)).status).toBe(404);
      expect((await streetB.post(`/api/hardship/${h.id}/close`, { closedDate: '2026-11-01', reason: '越权' })).status).toBe(404);
      expect((await streetB.put(`/api/hardship/${h.id}/cadre`, { cadreId: null })).status).toBe(404);
      expect((await streetB.get<{ items: HardshipSummary[] }>('/api/hardship')).body.items).toHaveLength(0);
      expect((await streetB.get(`/api/hardship?orgId=${t.branchA1a}`)).status).toBe(404);
    });

    it('closes the record, drops the 困难 category and takes no more visits', async () => {
      const r = await record({ type: 'disaster' });
      const early = await secA1a.post<Err>(`/api/hardship/${r.id}/close`, { closedDate: '2026-01-01', reason: '已脱困' });
      expect(early.body.error.message).toBe('结束日期不能早于认定日期 2026-01-10');
      const closed = await secA1a.post<Hardship>(`/api/hardship/${r.id}/close`, { closedDate: '2026-11-01', reason: '房屋已修缮，已脱困' });
      expect(closed.body).toMatchObject({ closedDate: '2026-11-01', visitStatus: 'closed', closeReason: '房屋已修缮，已脱困' });
      expect((await secA1a.get<Member>(`/api/members/${r.memberId}`)).body.categories).not.toContain('hardship');
      const late = await secA1a.post<Err>(`/api/hardship/${r.id}/visits`, VISIT);
      expect(late.status).toBe(409);
      expect(late.body.error.message).toBe('该帮扶已于 2026-11-01 结束，不能再登记走访');
      const audit = await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${r.id}`);
      expect(audit.body.items.map((a) => a.action).sort()).toEqual(['hardship.close', 'hardship.create']);
    });
  });

  describe('visits and the quarterly to-do', () => {
    it('makes an overdue visit a to-do for the secretaries in scope until a visit is logged', async () => {
      const r = await record();
      const fresh = await record({ startDate: '2026-11-01' });
      expect(fresh).toMatchObject({ visitStatus: 'due', visitDueDate: '2026-12-31' });
      expect(await todoKeys(secA1a)).toContain(`hardship.visit:${r.id}`);
      expect(await todoKeys(streetA)).toContain(`hardship.visit:${r.id}`);
      expect(await todoKeys(secA1a)).not.toContain(`hardship.visit:${fresh.id}`);
      expect(await todoKeys(streetB)).toEqual([]);
      expect(await todoKeys(supA)).toEqual([]);
      const overdue = await secA1a.get<{ items: HardshipSummary[] }>('/api/hardship?overdue=true&pageSize=200');
      expect(overdue.body.items.every((x) => x.visitStatus === 'overdue')).toBe(true);
      expect(overdue.body.items.map((x) => x.id)).toContain(r.id);

      const visit = await secA1a.post<HardshipVisit>(`/api/hardship/${r.id}/visits`, VISIT);
      expect(visit.status).toBe(201);
      expect(visit.body).toMatchObject({ amount: '500.00', visitor: '王书记', recordedBy: 'secA1a' });
      await secA1a.post(`/api/hardship/${r.id}/visits`, { ...VISIT, visitDate: '2026-06-01', amount: '200.50' });
      expect(await todoKeys(secA1a)).not.toContain(`hardship.visit:${r.id}`);
      const after = await secA1a.get<Hardship>(`/api/hardship/${r.id}`);
      expect(after.body).toMatchObject({ visitStatus: 'visited', lastVisitDate: '2026-11-20', visitCount: 2, subsidyTotal: '700.50' });
      const visits = await secA1a.get<HardshipVisit[]>(`/api/hardship/${r.id}/visits`);
      expect(visits.body.map((v) => v.amount)).toEqual(['500.00', '200.50']);
      const audit = await t.admin.get<{ items: unknown[] }>(`/api/audit?action=hardship.visit_add&entityId=${r.id}`);
      expect(audit.body.items).toHaveLength(2);
    });

    it('refuses a negative or over-precise 慰问金 and a visit before the record, changing nothing', async () => {
      const r = await record();
      for (const amount of ['-5', '12.345', 'abc', '1.5e3']) {
        const res = await secA1a.post<Err>(`/api/hardship/${r.id}/visits`, { ...VISIT, amount });
        expect(res.status, amount).toBe(400);
        expect(res.body.error.message).toBe('慰问金应为不小于 0 的金额，最多保留两位小数（如 500 或 500.00），没有慰问金请填 0');
      }
      const before = await secA1a.post<Err>(`/api/hardship/${r.id}/visits`, { ...VISIT, visitDate: '2026-01-01' });
      expect(before.body.error.message).toBe('走访日期不能早于认定日期 2026-01-10');
      expect((await secA1a.get<unknown[]>(`/api/hardship/${r.id}/visits`)).body).toHaveLength(0);
      expect((await secA1a.post<HardshipVisit>(`/api/hardship/${r.id}/visits`, { ...VISIT, amount: '0' })).body.amount).toBe('0.00');
    });
  });

  describe('helping cadres', () => {
    it('pairs a cadre with at most three members and refuses a fourth', async () => {
      const cadre = await secA1a.post<HardshipCadre>('/api/hardship/cadres', { name: '赵帮扶', phone: '13600000001' });
      expect(cadre.status).toBe(201);
      expect(cadre.body).toMatchObject({ phone: '136****0001', helping: 0, capacity: 3 });
      const records = [await record({ cadreId: cadre.body.id }), await record(), await record(), await record()];
      for (const r of records.slice(1, 3)) expect((await secA1a.put<Hardship>(`/api/hardship/${r.id}/cadre`, { cadreId: cadre.body.id })).body.cadreName).toBe('赵帮扶');
      const fourth = await secA1a.put<Err>(`/api/hardship/${records[3]!.id}/cadre`, { cadreId: cadre.body.id });
      expect(fourth.status).toBe(409);
      expect(fourth.body.error.message).toBe('帮扶干部「赵帮扶」已结对帮扶 3 名困难党员，每名帮扶干部最多帮扶 3 名；请选择其他帮扶干部，或先结束其中一项帮扶');
      expect((await secA1a.get<Hardship>(`/api/hardship/${records[3]!.id}`)).body.cadreId).toBeNull();
      const fifth = await member();
      expect((await secA1a.post<Err>('/api/hardship', { memberId: fifth.id, type: 'living', detail: DETAIL, startDate: '2026-01-01', cadreId: cadre.body.id })).status).toBe(409);
      expect((await secA1a.get<{ total: number }>(`/api/hardship?memberId=${fifth.id}`)).body.total).toBe(0);

      await secA1a.post(`/api/hardship/${records[0]!.id}/close`, { closedDate: '2026-11-01', reason: '已脱困' });
      expect((await secA1a.put<Hardship>(`/api/hardship/${records[3]!.id}/cadre`, { cadreId: cadre.body.id })).status).toBe(200);
      const listed = await secA1a.get<HardshipCadre[]>('/api/hardship/cadres');
      expect(listed.body.find((c) => c.id === cadre.body.id)?.helping).toBe(3);
      const audit = await t.admin.get<{ items: unknown[] }>(`/api/audit?action=hardship.cadre_assign&entityId=${records[3]!.id}`);
      expect(audit.body.items).toHaveLength(1);
    });

    it('refuses a cadre registered twice, and keeps cadres in scope', async () => {
      const first = await secA1a.post<HardshipCadre>('/api/hardship/cadres', { name: '钱帮扶', phone: '13600000002' });
      const dup = await secA1a.post<Err>('/api/hardship/cadres', { name: '钱二', phone: '13600000002' });
      expect(dup.status).toBe(409);
      expect(dup.body.error.message).toBe('该手机号已登记为帮扶干部，请在帮扶干部中直接选择');
      // registered outside the writer's scope: refused without describing the other record, and audited
      const elsewhere = await streetB.post<Err>('/api/hardship/cadres', { name: '钱二', phone: '13600000002' });
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.error.message).toBe('该手机号或党员无法登记为帮扶干部：已有帮扶干部档案使用，请联系上级党组织核实');
      const refusals = await t.admin.get<{ items: { actorName: string; after: unknown }[] }>('/api/audit?action=hardship.cadre_duplicate_refused&pageSize=2');
      expect(refusals.body.items.map((e) => e.actorName)).toEqual(['streetB', 'secA1a']);
      expect(refusals.body.items[0]).toMatchObject({ after: { phone: '136****0002', inScope: false, cadreId: null } });
      expect((await secA1a.post<Err>('/api/hardship/cadres', { name: '孙', phone: '12' })).status).toBe(400);
      expect((await supA.post('/api/hardship/cadres', { name: '孙帮扶', phone: '13600000003' })).status).toBe(403);
      expect((await streetB.get<HardshipCadre[]>('/api/hardship/cadres')).body.map((c) => c.id)).not.toContain(first.body.id);
      const b = await streetB.post<Member>('/api/members', buildMember(t.branchB1a));
      const hb = await streetB.post<Hardship>('/api/hardship', { memberId: b.body.id, type: 'living', detail: DETAIL, startDate: '2026-01-01' });
      expect((await streetB.put(`/api/hardship/${hb.body.id}/cadre`, { cadreId: first.body.id })).status).toBe(404);
    });
  });
});

describe.each(ENGINES)('困难党员帮扶 at the start of a quarter (%s)', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { clock: fixedClock('2027-01-15T04:00:00Z') });
  });
  afterAll(() => server.close());

  it('gives the quarter’s first month before a missing visit is overdue', async () => {
    const t = await seedTree(server);
    const sec = await login(server, 'secA1a');
    const m = await sec.post<Member>('/api/members', buildMember(t.branchA1a));
    const h = await sec.post<Hardship>('/api/hardship', { memberId: m.body.id, type: 'elderly_alone', detail: DETAIL, startDate: '2026-06-01' });
    await sec.post(`/api/hardship/${h.body.id}/visits`, { ...VISIT, visitDate: '2026-12-01' });
    expect((await sec.get<Hardship>(`/api/hardship/${h.body.id}`)).body).toMatchObject({ visitStatus: 'due', visitDueDate: '2027-01-31', lastVisitDate: '2026-12-01' });
    expect((await sec.get<TodoPage>('/api/todos?source=hardship.visit')).body).toEqual({ items: [], total: 0 });
    expect((await sec.get<{ total: number }>('/api/hardship?overdue=true')).body.total).toBe(0);
  });
});
