import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUES_CATEGORY_IDS, duesCategoryLabel, type DuesBasis, type DuesCalcResult, type Member } from '@jiceng/contracts';
import { DUES_CATEGORIES, DUES_RULES_2008 } from '@jiceng/rules';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };
type AuditPage = { items: { action: string; entity: string; actorName: string; before: unknown; after: { month: string; amountFen: number } | null }[] };

const bases = (memberId: string) => `/api/members/${memberId}/dues-bases`;

/** Today is 2026-11-22 (TEST_TODAY). Rule set dues-2008 (中组发〔2008〕3号). */
describe.each(ENGINES)('党费基数 and the calculator over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let supA: Client;
  let memberA1a: Client;

  const member = async (orgId: string, over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await t.admin.post<Member>('/api/members', buildMember(orgId, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const rows = async (memberId: string) =>
    (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_basis where member_id = ${memberId}`))[0]!.n;
  const audits = async (memberId: string) =>
    (await t.admin.get<AuditPage>(`/api/audit?entityId=${memberId}&pageSize=100`)).body.items.filter((a) => a.action.startsWith('dues_basis.'));

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [secA1a, supA, memberA1a] = await Promise.all([login(server, 'secA1a'), login(server, 'supA'), login(server, 'memberA1a')]);
  });
  afterAll(() => server.close());

  it('names the categories as the rule set does', () => {
    expect([...DUES_CATEGORY_IDS]).toEqual([...DUES_CATEGORIES]);
    for (const c of DUES_CATEGORIES) expect(duesCategoryLabel[c], c).toBe(DUES_RULES_2008.categories[c].label);
  });

  it('sets a basis and reads it with the amount: 5100 元 → 76.5 元, one rate on the whole base (第二条, [F4])', async () => {
    const m = await member(t.branchA1a);
    const res = await secA1a.put<DuesBasis>(`${bases(m.id)}/2026-01`, { category: 'salaried', baseFen: 510_000 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['etag']).toBe('"1"');
    expect(res.body).toMatchObject({
      memberId: m.id,
      effectiveMonth: '2026-01',
      category: 'salaried',
      categoryLabel: '在职党员',
      baseFen: 510_000,
      chosenFen: null,
      relief: null,
      amountFen: 7650,
      computedFen: 7650,
      bracket: { label: '5000元以上至10000元（含10000元）', rateBp: 150 },
      ruleSet: 'dues-2008',
      recordedBy: 'secA1a',
      version: 1,
    });
    expect(res.body.explanation).toBe('每月工资收入（税后）5100元，属5000元以上至10000元（含10000元），按1.5%交纳（全额计算）：每月76.5元');
    const later = await secA1a.put<DuesBasis>(`${bases(m.id)}/2026-06`, { category: 'salaried', baseFen: 490_000 });
    expect(later.body).toMatchObject({ amountFen: 4900, bracket: { label: '3000元以上至5000元（含5000元）', rateBp: 100 } });
    const list = await supA.get<DuesBasis[]>(bases(m.id));
    expect(list.status).toBe(200);
    expect(list.body.map((b) => [b.effectiveMonth, b.amountFen])).toEqual([
      ['2026-06', 4900],
      ['2026-01', 7650],
    ]);
    expect(await audits(m.id)).toMatchObject([
      { action: 'dues_basis.save', entity: 'member', actorName: 'secA1a', after: { month: '2026-06', amountFen: 4900 } },
      { action: 'dues_basis.save', entity: 'member', actorName: 'secA1a', after: { month: '2026-01', amountFen: 7650 } },
    ]);
  });

  it('computes every bracket boundary on the calculator, stores nothing (第二条、第五条、第六条)', async () => {
    const calc = async (body: object) => {
      const res = await supA.post<DuesCalcResult>('/api/dues/calculate', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const before = (await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_basis`))[0]!.n;
    for (const [baseFen, amountFen, rateBp] of [
      [300_000, 1500, 50],
      [300_001, 3000, 100],
      [500_000, 5000, 100],
      [500_001, 7500, 150],
      [1_000_000, 15000, 150],
      [1_000_001, 20000, 200],
    ] as const) {
      expect(await calc({ category: 'salaried', baseFen }), String(baseFen)).toMatchObject({ amountFen, bracket: { rateBp } });
    }
    expect(await calc({ category: 'retired', baseFen: 500_000 })).toMatchObject({ amountFen: 2500, bracket: { label: '5000元以下（含5000元）', rateBp: 50 } });
    expect(await calc({ category: 'retired', baseFen: 500_001 })).toMatchObject({ amountFen: 5000, source: '中组发〔2008〕3号 第五条' });
    const student = await calc({ category: 'student', baseFen: 900_000 });
    expect(student).toMatchObject({ amountFen: 20, bracket: null, explanation: '学生党员每月交纳党费0.2元', ruleSetSource: DUES_RULES_2008.source });
    expect(await calc({ category: 'farmer', chosenFen: 50 })).toMatchObject({ amountFen: 50, explanation: '农民党员每月交纳党费0.2元至1元，本人按0.5元交纳' });
    const bad = await supA.post<Err>('/api/dues/calculate', { category: 'farmer', chosenFen: 150 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('农民党员每月交纳党费0.2元至1元');
    expect((await memberA1a.post<Err>('/api/dues/calculate', { category: 'student' })).status).toBe(403);
    expect((await server.db.rows<{ n: number }>(sql`select count(*)::int as n from dues_basis`))[0]!.n).toBe(before);
  });

  it('keeps to the scope: another branch answers 404, a 督导员 reads but may not write, a 党员 neither', async () => {
    const other = await member(t.branchA1b);
    const far = await member(t.branchB1a);
    for (const id of [other.id, far.id]) {
      expect((await secA1a.get<Err>(bases(id))).status).toBe(404);
      const put = await secA1a.put<Err>(`${bases(id)}/2026-01`, { category: 'student' });
      expect(put.status).toBe(404);
      expect(put.body.error.message).toBe('党员不存在或不在您的管理范围内');
      expect((await secA1a.request<Err>('DELETE', `${bases(id)}/2026-01`)).status).toBe(404);
    }
    expect((await supA.get(bases(other.id))).status).toBe(200);
    expect((await supA.get(bases(far.id))).status).toBe(404);
    expect((await supA.put<Err>(`${bases(other.id)}/2026-01`, { category: 'student' })).status).toBe(403);
    expect((await memberA1a.get<Err>(bases(other.id))).status).toBe(403);
    expect(await rows(other.id)).toBe(0);
    expect(await rows(far.id)).toBe(0);
  });

  it('refuses in Chinese with a 400 and changes nothing', async () => {
    const m = await member(t.branchA1a, { joinedDate: '2026-03-15', status: 'probationary', confirmedDate: undefined });
    const refused = async (month: string, body: object, message: string) => {
      const res = await secA1a.put<Err>(`${bases(m.id)}/${month}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toBe(message);
    };
    await refused('2026-04', { category: 'salaried' }, '请填写每月工资收入（税后）');
    await refused('2026-04', { category: 'farmer', chosenFen: 10 }, '农民党员每月交纳党费0.2元至1元');
    await refused('2026-04', { category: 'salaried', baseFen: 300_000, relief: { kind: 'waive', approval: '  ' } }, '「上级党委批准文件或记录」不能为空');
    await refused(
      '2026-04',
      { category: 'salaried', baseFen: 300_000, relief: { kind: 'reduce', approval: '区委组织部批复' } },
      '少交后的金额须为不小于0的金额（精确到分）',
    );
    await refused(
      '2026-04',
      { category: 'salaried', baseFen: 300_000, relief: { kind: 'reduce', amountFen: 1500, approval: '区委组织部批复' } },
      '少交后的金额须低于按规定应交的15元',
    );
    // 预备党员 pay from the month of the 支部大会 that accepted them (第八条)
    await refused('2026-02', { category: 'student' }, '「张建国」2026-03-15入党，自2026年3月起交纳党费，起算月份不能早于2026年3月');
    const month = await secA1a.put<Err>(`${bases(m.id)}/2026-13`, { category: 'student' });
    expect(month.status).toBe(400);
    expect(month.body.error.message).toMatch(/起算月份/);
    const suspended = await member(t.branchA1a, { name: '李停止' });
    expect((await secA1a.post(`/api/members/${suspended.id}/events`, { event: 'suspend', date: '2026-03-01', reason: '失联超过六个月' })).status).toBe(200);
    const s = await secA1a.put<Err>(`${bases(suspended.id)}/2026-04`, { category: 'student' });
    expect(s.status).toBe(400);
    expect(s.body.error.message).toBe('「李停止」已停止党籍，不能设置党费基数');
    expect(await rows(m.id)).toBe(0);
    expect(await rows(suspended.id)).toBe(0);
    expect(await audits(m.id)).toEqual([]);
    const ok = await secA1a.put<DuesBasis>(`${bases(m.id)}/2026-03`, {
      category: 'salaried',
      baseFen: 300_000,
      relief: { kind: 'reduce', amountFen: 500, approval: '区委组织部批复' },
    });
    expect(ok.body).toMatchObject({ amountFen: 500, computedFen: 1500, relief: { kind: 'reduce', amountFen: 500, approval: '区委组织部批复' } });
    expect(ok.body.explanation).toMatch(/；经批准少交，每月5元（区委组织部批复）$/);
  });

  it('replaces the basis of the same month under its version, and deletes it (audited)', async () => {
    const m = await member(t.branchA1a);
    const url = `${bases(m.id)}/2026-05`;
    expect((await secA1a.put<DuesBasis>(url, { category: 'salaried', baseFen: 510_000 })).status).toBe(200);
    const noVersion = await secA1a.put<Err>(url, { category: 'retired', baseFen: 600_000 });
    expect(noVersion.status).toBe(428);
    expect(noVersion.body.error.code).toBe('VERSION_REQUIRED');
    const replaced = await secA1a.put<DuesBasis>(url, { category: 'retired', baseFen: 600_000, version: 1 });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ category: 'retired', amountFen: 6000, version: 2, bracket: { label: '5000元以上', rateBp: 100 } });
    const stale = await secA1a.put<Err>(url, { category: 'student', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await secA1a.get<DuesBasis[]>(bases(m.id))).body.map((b) => [b.effectiveMonth, b.category, b.amountFen])).toEqual([['2026-05', 'retired', 6000]]);
    expect(await rows(m.id)).toBe(1);

    expect((await secA1a.request('DELETE', url)).status).toBe(200);
    expect((await secA1a.get<DuesBasis[]>(bases(m.id))).body).toEqual([]);
    const again = await secA1a.request<Err>('DELETE', url);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('该月党费基数不存在或不在您的管理范围内');
    const log = await audits(m.id);
    expect(log.map((a) => a.action)).toEqual(['dues_basis.delete', 'dues_basis.save', 'dues_basis.save']);
    expect(log[1]).toMatchObject({
      before: { month: '2026-05', category: 'salaried', amountFen: 7650 },
      after: { month: '2026-05', category: 'retired', amountFen: 6000 },
    });
    expect(log[0]).toMatchObject({ before: { month: '2026-05', amountFen: 6000 }, after: null });
  });
});
