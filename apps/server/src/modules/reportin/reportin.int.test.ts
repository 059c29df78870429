import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, type Member, type MemberReportIn, type MyReportIn, type UnitReportIn } from '@jiceng/contracts';
import { buildMember, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };
type ReportPage<T> = { items: T[]; total: number; reported: number; cancelled: number };

const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;
const UNIT = {
  unitName: '南京某科技有限公司',
  contactName: '周经理',
  phone: '13512340000',
  resources: '会议室一间，每月志愿服务一次',
  reportDate: '2026-09-01',
};

describe.each(ENGINES)('双报到 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let communityA1: Client;
  let communityB1: Client;
  let unitB1: Client;
  let supA: Client;

  const account = async (username: string, role: string, orgId: string) => {
    await server.modules.account.bootstrap({ username, displayName: username, role, orgId, password: PASSWORD, mustChangePassword: false });
    return login(server, username);
  };
  const member = async (c: Client, orgId: string, over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await c.post<Member>('/api/members', buildMember(orgId, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const report = (c: Client, memberId: string, communityId: string, over: object = {}) =>
    c.post<MemberReportIn & Err>('/api/report-ins/members', { memberId, communityId, reportDate: '2026-10-01', intentions: '法律咨询、义务家教', ...over });
  const countRows = async (table: 'member_report_in' | 'unit_report_in') =>
    (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a, communityA1, supA] = await Promise.all([
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'secA1a'),
      login(server, 'communityA1'),
      login(server, 'supA'),
    ]);
    communityB1 = await account('communityB1', 'community', t.communityB1);
    unitB1 = await account('unitB1', 'resident_unit', t.communityB1);
  });
  afterAll(() => server.close());

  describe('in-service members', () => {
    let m: Member;
    let reportId: string;
    beforeAll(async () => {
      m = await member(secA1a, t.branchA1a, { name: '宋志远', phone: '13911112222' });
    });

    it('lets a member of street A report to a community of street B, who sees the home branch but not the record', async () => {
      const res = await report(secA1a, m.id, t.communityB1);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        memberName: '宋志远',
        communityName: '中共乙一社区委员会',
        homeOrgName: '甲一社区第一党支部',
        phone: '139****2222',
        status: 'reported',
      });
      reportId = res.body.id;

      const list = await communityB1.get<ReportPage<MemberReportIn>>('/api/report-ins/members');
      expect(list.body.items.map((r) => [r.memberName, r.homeOrgName, r.phone])).toEqual([['宋志远', '甲一社区第一党支部', '139****2222']]);
      expect(list.body).toMatchObject({ total: 1, reported: 1, cancelled: 0 });
      expect(JSON.stringify(list.body)).not.toContain('13911112222');
      expect((await communityB1.get(`/api/members/${m.id}`)).status).toBe(404);

      const street = await streetB.get<ReportPage<MemberReportIn>>(`/api/report-ins/members?communityId=${t.communityB1}`);
      expect(street.body.items.map((r) => r.id)).toEqual([reportId]);
      const home = await streetA.get<ReportPage<MemberReportIn>>('/api/report-ins/members?view=home');
      expect(home.body.items.map((r) => r.id)).toContain(reportId);
      expect((await streetA.get<ReportPage<MemberReportIn>>('/api/report-ins/members')).body.items.map((r) => r.id)).not.toContain(reportId);

      const audit = await t.admin.get<{ items: { entityId: string; actorName: string }[] }>(`/api/audit?action=reportin.member_report&entityId=${reportId}`);
      expect(audit.body.items.map((a) => a.actorName)).toEqual(['secA1a']);
    });

    it('refuses bad input with a Chinese message and changes nothing', async () => {
      const other = await member(secA1a, t.branchA1a);
      const before = await countRows('member_report_in');
      const future = await report(secA1a, other.id, t.communityB1, { reportDate: '2027-01-01' });
      expect(future.status).toBe(400);
      expect(future.body.error.message).toBe('报到日期不能晚于今天');
      const street = await report(secA1a, other.id, t.streetB);
      expect(street.status).toBe(400);
      expect(street.body.error.message).toBe('「中共乙街道工作委员会」不是社区（村）党组织，请选择居住地所在的社区（村）党组织');
      const retired = await member(secA1a, t.branchA1a, { categories: ['retired'], occupation: 'retired' });
      expect((await report(secA1a, retired.id, t.communityB1)).body.error.message).toMatch(/^双报到面向在职党员/);
      const twice = await report(secA1a, m.id, t.communityA1);
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toMatch(/已于 2026-10-01 向「中共乙一社区委员会」报到/);
      expect(await countRows('member_report_in')).toBe(before);
    });

    it('needs member:write (403) and the member in scope (404)', async () => {
      const other = await member(secA1a, t.branchA1a);
      expect((await report(supA, other.id, t.communityA1)).status).toBe(403);
      expect((await report(streetB, other.id, t.communityB1)).status).toBe(404);
      expect((await streetA.get(`/api/report-ins/members?communityId=${t.communityB1}`)).status).toBe(404);
      expect((await communityA1.post(`/api/report-ins/members/${reportId}/cancel`, { date: '2026-11-01', reason: '已搬家' })).status).toBe(200);
      const b = await member(streetB, t.branchB1a);
      const rb = await report(streetB, b.id, t.communityB1);
      expect((await communityA1.post(`/api/report-ins/members/${rb.body.id}/cancel`, { date: '2026-11-01', reason: '越权注销' })).status).toBe(404);
      const cancelled = await communityB1.post<MemberReportIn & Err>(`/api/report-ins/members/${rb.body.id}/cancel`, { date: '2026-09-01', reason: '搬家' });
      expect(cancelled.body.error.message).toBe('注销日期不能早于报到日期 2026-10-01');
      expect(
        (await communityB1.post<MemberReportIn>(`/api/report-ins/members/${rb.body.id}/cancel`, { date: '2026-11-01', reason: '已搬离本社区' })).body.status,
      ).toBe('cancelled');
      const counts = await communityB1.get<ReportPage<MemberReportIn>>('/api/report-ins/members?status=cancelled');
      expect(counts.body).toMatchObject({ total: 2, reported: 0, cancelled: 2 });
    });

    it('lets a 党员 account report itself, see its community, and nobody else', async () => {
      const self = await member(secA1a, t.branchA1a, { name: '林小雨' });
      const someoneElse = await member(secA1a, t.branchA1a);
      await server.modules.account.bootstrap({
        username: 'linxy',
        displayName: '林小雨',
        role: 'member',
        orgId: t.branchA1a,
        password: PASSWORD,
        mustChangePassword: false,
      });
      await server.db.run(sql`update account set member_id = ${self.id} where username = 'linxy'`);
      const me = await login(server, 'linxy');
      const refused = await report(me, someoneElse.id, t.communityB1);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('党员本人只能为自己办理到社区报到');
      const ok = await report(me, self.id, t.communityB1, { intentions: '擅长书法' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      const mine = await me.get<MyReportIn>('/api/me/report-in');
      expect(mine.body.current).toMatchObject({ communityName: '中共乙一社区委员会', intentions: '擅长书法' });
      expect((await me.get('/api/report-ins/members')).status).toBe(403);
      expect((await me.post(`/api/report-ins/members/${reportId}/cancel`, { date: '2026-11-01', reason: '越权注销' })).status).toBe(404);
      expect((await me.post<MemberReportIn>(`/api/report-ins/members/${ok.body.id}/cancel`, { date: '2026-11-02', reason: '已搬家' })).body.status).toBe(
        'cancelled',
      );
      const after = await me.get<MyReportIn>('/api/me/report-in');
      expect(after.body).toMatchObject({ current: null, history: [{ id: ok.body.id, status: 'cancelled' }] });
      expect((await (await login(server, 'memberA1a')).get('/api/me/report-in')).status).toBe(404);
    });

    it('offers communities of the whole region to pick from', async () => {
      const res = await secA1a.get<{ id: string; name: string }[]>(`/api/report-ins/communities?q=${encodeURIComponent('乙一')}`);
      expect(res.body.map((c) => c.id)).toEqual(expect.arrayContaining([t.communityB1, t.branchB1a]));
      expect(res.body.map((c) => c.id)).not.toContain(t.streetB);
      expect((await (await login(server, 'memberA1a')).get('/api/report-ins/communities')).status).toBe(200);
    });
  });

  describe('resident units', () => {
    it('is filed by the community with the phone encrypted and masked, and listed with counts', async () => {
      const code = creditCode('91320102MA1N4K7P3');
      const res = await communityB1.post<UnitReportIn & Err>('/api/report-ins/units', { ...UNIT, communityId: t.communityB1, creditCode: code.toLowerCase() });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ unitName: UNIT.unitName, creditCode: code, phone: '135****0000', unmasked: false });
      const raw = await server.db.one<Record<string, unknown>>(sql`select * from unit_report_in where id = ${res.body.id}`);
      expect(JSON.stringify(raw)).not.toContain(UNIT.phone);
      const list = await streetB.get<ReportPage<UnitReportIn>>('/api/report-ins/units');
      expect(list.body).toMatchObject({ total: 1, reported: 1, cancelled: 0 });
      expect((await streetA.get<ReportPage<UnitReportIn>>('/api/report-ins/units')).body.total).toBe(0);
      const dup = await communityB1.post<Err>('/api/report-ins/units', { ...UNIT, communityId: t.communityB1, creditCode: code });
      expect(dup.status).toBe(409);

      const full = await communityB1.get<UnitReportIn>(`/api/report-ins/units/${res.body.id}?unmask=true`);
      expect(full.body).toMatchObject({ phone: UNIT.phone, unmasked: true });
      const audit = await t.admin.get<{ items: { entityId: string }[] }>(`/api/audit?action=personal.unmask&entityId=${res.body.id}`);
      expect(audit.body.items).toHaveLength(1);
      expect((await supA.get(`/api/report-ins/units/${res.body.id}?unmask=true`)).status).toBe(403);
      expect((await streetA.get(`/api/report-ins/units/${res.body.id}`)).status).toBe(404);
    });

    it('refuses an invalid credit code with a Chinese message, changing nothing', async () => {
      const before = await countRows('unit_report_in');
      const bad = await communityB1.post<Err>('/api/report-ins/units', { ...UNIT, communityId: t.communityB1, creditCode: '91320102MA1N4K7P3Z' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe('统一社会信用代码「91320102MA1N4K7P3Z」无效（应为 18 位且校验位正确），请核对营业执照');
      const noPhone = await communityB1.post<Err>('/api/report-ins/units', {
        ...UNIT,
        communityId: t.communityB1,
        creditCode: creditCode('91320102MA1N4K7P4'),
        phone: '12345',
      });
      expect(noPhone.body.error.message).toBe('「联系电话」格式不正确');
      expect(await countRows('unit_report_in')).toBe(before);
    });

    it('lets a 驻区单位 account report to its own community only, and see its own reports', async () => {
      const own = await unitB1.post<UnitReportIn & Err>('/api/report-ins/units', {
        ...UNIT,
        unitName: '乙一物业公司',
        communityId: t.communityB1,
        creditCode: creditCode('91320102MA1N4K7P5'),
      });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      const elsewhere = await unitB1.post<Err>('/api/report-ins/units', { ...UNIT, communityId: t.communityA1, creditCode: creditCode('91320102MA1N4K7P6') });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.error.message).toBe('驻区单位账号只能向本账号所属的社区报到');
      const mine = await unitB1.get<ReportPage<UnitReportIn>>('/api/report-ins/units');
      expect(mine.body.items.map((u) => u.unitName)).toEqual(['乙一物业公司']);
      expect((await unitB1.get<UnitReportIn>(`/api/report-ins/units/${own.body.id}`)).body.unitName).toBe('乙一物业公司');
      expect((await unitB1.post<UnitReportIn>(`/api/report-ins/units/${own.body.id}/cancel`, { date: '2026-11-01', reason: '单位迁出' })).body.status).toBe(
        'cancelled',
      );
      const audit = await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${own.body.id}`);
      expect(audit.body.items.map((a) => a.action).sort()).toEqual(['reportin.unit_cancel', 'reportin.unit_report']);
    });

    it('needs org:write in scope (403 / 404)', async () => {
      const body = { ...UNIT, communityId: t.communityA1, creditCode: creditCode('91320102MA1N4K7P7') };
      expect((await supA.post('/api/report-ins/units', body)).status).toBe(403);
      expect((await streetB.post('/api/report-ins/units', body)).status).toBe(404);
      expect((await secA1a.post('/api/report-ins/units', body)).status).toBe(404);
      expect((await (await login(server, 'memberA1a')).post('/api/report-ins/units', body)).status).toBe(403);
      expect((await communityA1.post('/api/report-ins/units', body)).status).toBe(201);
      expect((await streetB.get(`/api/report-ins/units?communityId=${t.communityA1}`)).status).toBe(404);
    });
  });
});
