import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloatingDestination, FloatingInput, FloatingRecord, Member } from '@jiceng/contracts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };
type Page = { items: FloatingRecord[]; total: number };

describe.each(ENGINES)('floating members over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let supA: Client;
  let memberA1a: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a, supA, memberA1a] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a'), login(server, 'supA'), login(server, 'memberA1a')]);
  });
  afterAll(() => server.close());

  const member = async (name = '赵流动') => {
    const res = await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, { name }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const body = (memberId: string, over: Partial<FloatingInput> = {}): FloatingInput => ({
    memberId,
    destinationPlace: '江苏省苏州市工业园区某科技公司',
    destinationOrgId: t.branchB1a,
    reason: 'work',
    contactPhone: '13812340000',
    leftDate: '2026-09-01',
    expectedReturnDate: '2027-06-30',
    certNo: '流证2026001',
    certIssuedDate: '2026-08-25',
    certValidUntil: '2027-08-24',
    ...over,
  });
  const register = async (memberId: string, over: Partial<FloatingInput> = {}) => {
    const res = await secA1a.post<FloatingRecord>('/api/floating', body(memberId, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const categories = async (id: string) => (await secA1a.get<Member>(`/api/members/${id}`)).body.categories;
  const rows = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from floating_member`))!.n;
  const auditOf = async (id: string) => (await t.admin.get<{ items: { action: string; actorName: string }[] }>(`/api/audit?entityId=${id}&pageSize=50`)).body.items;

  describe('流出 → 流入地登记 → 流出地核实 → 返回 across two streets', () => {
    it('runs the whole flow with each side doing only its own step', async () => {
      const m = await member('钱流出');
      const f = await register(m.id);
      expect(f).toMatchObject({ status: 'pending_arrival', memberName: '钱流出', memberGender: 'male', homeOrgName: '甲一社区第一党支部', destinationOrgName: '乙一社区第一党支部', contactPhone: '138****0000', sides: ['out'], transferDueDate: '2027-03-01', transferDue: false });
      expect(f.memberIdNumber).toMatch(/^\d{2}\*{14}\d[\dX]$/);
      expect(await categories(m.id)).toContain('floating');

      // the destination street sees the snapshot, never the member record
      const incoming = await streetB.get<Page>('/api/floating?direction=in');
      expect(incoming.body.items.map((x) => x.id)).toContain(f.id);
      expect(incoming.body.items.find((x) => x.id === f.id)!.sides).toEqual(['in']);
      expect((await streetB.get<Page>('/api/floating?direction=out')).body.items.map((x) => x.id)).not.toContain(f.id);
      expect((await streetB.get(`/api/members/${m.id}`)).status).toBe(404);
      expect((await streetA.get<Page>('/api/floating?direction=in')).body.items.map((x) => x.id)).not.toContain(f.id);

      // 凡进必登 is the destination's: the home side may not register the arrival
      const wrongSide = await secA1a.post<Err>(`/api/floating/${f.id}/arrival`, { date: '2026-09-05', contactPerson: '孙书记' });
      expect(wrongSide.status).toBe(403);
      expect(wrongSide.body.error.message).toBe('流入登记由流入地党组织办理');
      // 凡登必核 only after the registration
      expect((await secA1a.post<Err>(`/api/floating/${f.id}/verify`, { date: '2026-09-06' })).status).toBe(409);

      const arrived = await streetB.post<FloatingRecord>(`/api/floating/${f.id}/arrival`, { date: '2026-09-05', contactPerson: '孙书记', note: '编入第一党小组' });
      expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
      expect(arrived.body).toMatchObject({ status: 'pending_verify', arrivalDate: '2026-09-05', arrivalContact: '孙书记', arrivalBy: 'streetB（中共乙街道工作委员会）' });
      expect((await streetB.post<Err>(`/api/floating/${f.id}/arrival`, { date: '2026-09-06', contactPerson: '孙书记' })).status).toBe(409);

      // 凡登必核 is the home branch's
      expect((await streetB.post<Err>(`/api/floating/${f.id}/verify`, { date: '2026-09-06' })).status).toBe(403);
      const early = await secA1a.post<Err>(`/api/floating/${f.id}/verify`, { date: '2026-09-04' });
      expect(early.status).toBe(400);
      expect(early.body.error.message).toBe('日期不能早于流入登记日期（2026-09-05）');
      const verified = await secA1a.post<FloatingRecord>(`/api/floating/${f.id}/verify`, { date: '2026-09-08', note: '电话核实无误' });
      expect(verified.body).toMatchObject({ status: 'verified', verifiedDate: '2026-09-08', verifiedBy: 'secA1a（甲一社区第一党支部）' });

      // the end is the home branch's; the category goes with it
      expect((await streetB.post<Err>(`/api/floating/${f.id}/return`, { date: '2026-11-01' })).status).toBe(403);
      const back = await secA1a.post<FloatingRecord>(`/api/floating/${f.id}/return`, { date: '2026-11-01', note: '已返回' });
      expect(back.body).toMatchObject({ status: 'returned', returnedDate: '2026-11-01' });
      expect(await categories(m.id)).not.toContain('floating');
      expect((await secA1a.post<Err>(`/api/floating/${f.id}/return`, { date: '2026-11-02' })).status).toBe(409);
      expect((await secA1a.patch<Err>(`/api/floating/${f.id}`, { destinationPlace: '上海' })).status).toBe(400);

      const actions = (await auditOf(f.id)).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['floating.create', 'floating.arrive', 'floating.verify', 'floating.return']));
      // a second registration is possible once the first has ended
      expect((await register(m.id, { leftDate: '2026-11-10', certIssuedDate: null })).status).toBe('pending_arrival');
    });

    it('lets the home side record the arrival when the destination is outside the platform', async () => {
      const m = await member('李外省');
      const f = await register(m.id, { destinationPlace: '广东省深圳市南山区', destinationOrgId: null });
      expect(f.destinationOrgName).toBeNull();
      expect((await streetB.get(`/api/floating/${f.id}`)).status).toBe(404);
      const todos = async (c: Client) => (await c.get<{ items: { key: string }[] }>('/api/todos?source=floating.pending&pageSize=200')).body.items.map((x) => x.key);
      expect(await todos(secA1a)).toContain(`floating.pending:${f.id}`);
      expect(await todos(streetB)).not.toContain(`floating.pending:${f.id}`);
      const res = await secA1a.post<FloatingRecord>(`/api/floating/${f.id}/arrival`, { date: '2026-09-10', contactPerson: '深圳某党支部王书记' });
      expect(res.body.status).toBe('pending_verify');
    });
  });

  describe('registration', () => {
    it('keeps the contact phone encrypted and shows it in full only with the permission, audited', async () => {
      const m = await member();
      const f = await register(m.id, { contactPhone: '13955556666' });
      const raw = await server.db.one<Record<string, unknown>>(sql`select * from floating_member where id = ${f.id}`);
      expect(JSON.stringify(raw)).not.toContain('13955556666');
      const full = await secA1a.get<FloatingRecord>(`/api/floating/${f.id}?unmask=true`);
      expect(full.body).toMatchObject({ contactPhone: '13955556666', unmasked: true });
      expect((await auditOf(f.id)).some((a) => a.action === 'personal.unmask' && a.actorName === 'secA1a')).toBe(true);
      expect((await supA.get<FloatingRecord>(`/api/floating/${f.id}`)).body.contactPhone).toBe('139****6666');
      expect((await supA.get<Err>(`/api/floating/${f.id}?unmask=true`)).status).toBe(403);
    });

    it('rejects bad input with Chinese messages and changes nothing', async () => {
      const m = await member();
      const before = await rows();
      const cases: [Partial<FloatingInput>, RegExp][] = [
        [{ contactPhone: '12345' }, /外出期间联系电话/],
        [{ leftDate: '2026-12-01' }, /外出日期不能晚于今天/],
        [{ expectedReturnDate: '2026-08-01' }, /预计返回日期不能早于外出日期/],
        [{ certValidUntil: '2026-08-01' }, /活动证有效期不能早于发放日期/],
        [{ destinationOrgId: t.communityA1 }, /不是党支部/],
        [{ destinationOrgId: t.branchA1a }, /不能是党员所在的党支部/],
        // trimmed before the schema's length check, so the schema names the field
        [{ destinationPlace: '   ' }, /「流入地」不能为空/],
      ];
      for (const [over, message] of cases) {
        const res = await secA1a.post<Err>('/api/floating', body(m.id, over));
        expect(res.status, JSON.stringify(over)).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      expect(await rows()).toBe(before);
      expect(await categories(m.id)).not.toContain('floating');
    });

    it('refuses a second open registration of the same member', async () => {
      const m = await member();
      await register(m.id);
      const res = await secA1a.post<Err>('/api/floating', body(m.id));
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/已有未结束的流出登记/);
    });

    it('lets exactly one of parallel registrations of one member through', async () => {
      const m = await member();
      const results = await Promise.all(Array.from({ length: 6 }, () => secA1a.post<Err>('/api/floating', body(m.id))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.message.includes('已有未结束的流出登记'))).toBe(true);
    });

    it('restarts 凡进必登 and the six-month count when the destination changes', async () => {
      const m = await member();
      const f = await register(m.id);
      await streetB.post(`/api/floating/${f.id}/arrival`, { date: '2026-09-05', contactPerson: '孙书记' });
      expect((await streetB.patch<Err>(`/api/floating/${f.id}`, { destinationPlace: '改到别处' })).status).toBe(403);
      const res = await secA1a.patch<FloatingRecord>(`/api/floating/${f.id}`, { destinationPlace: '浙江省杭州市', destinationOrgId: null, destinationSince: '2026-10-15' });
      expect(res.body).toMatchObject({ status: 'pending_arrival', arrivalDate: null, destinationSince: '2026-10-15', transferDueDate: '2027-04-15', destinationOrgId: null });
      expect((await streetB.get(`/api/floating/${f.id}`)).status).toBe(404);
      const phone = await secA1a.patch<FloatingRecord>(`/api/floating/${f.id}`, { contactPhone: '13700000001' });
      expect(phone.body).toMatchObject({ status: 'pending_arrival', contactPhone: '137****0001', destinationSince: '2026-10-15' });
    });

    it('offers every active branch of the platform as destination', async () => {
      const res = await secA1a.get<FloatingDestination[]>(`/api/floating/destinations?q=${encodeURIComponent('乙一')}`);
      expect(res.body).toEqual([{ id: t.branchB1a, name: '乙一社区第一党支部', parentName: '中共乙一社区委员会' }]);
    });
  });

  describe('permissions and scope', () => {
    it('answers 403 without member:write and without member:read', async () => {
      const m = await member();
      expect((await supA.post('/api/floating', body(m.id))).status).toBe(403);
      expect((await memberA1a.get('/api/floating')).status).toBe(403);
      expect((await supA.get('/api/floating/destinations?q=abc')).status).toBe(403);
    });

    it('answers 404 to an account on neither side, for every route', async () => {
      const m = await member();
      const f = await register(m.id, { destinationOrgId: t.branchA1b });
      const other = await member('周本街');
      expect((await streetB.post('/api/floating', body(other.id))).status).toBe(404);
      expect((await streetB.get(`/api/floating/${f.id}`)).status).toBe(404);
      expect((await streetB.patch(`/api/floating/${f.id}`, { destinationPlace: '越权' })).status).toBe(404);
      expect((await streetB.post(`/api/floating/${f.id}/arrival`, { date: '2026-09-05', contactPerson: '越权' })).status).toBe(404);
      expect((await streetB.post(`/api/floating/${f.id}/verify`, { date: '2026-09-05' })).status).toBe(404);
      expect((await streetB.post(`/api/floating/${f.id}/return`, { date: '2026-09-05' })).status).toBe(404);
      expect((await streetB.get<Page>('/api/floating?pageSize=200')).body.items.map((x) => x.id)).not.toContain(f.id);
      expect((await streetA.get<Page>('/api/floating?pageSize=200&status=pending_arrival')).body.items.map((x) => x.id)).toContain(f.id);
    });
  });
});
