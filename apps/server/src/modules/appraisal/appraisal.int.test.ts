import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppraisalSheet, Disposition, Member, MyAppraisal, TodoPage } from '@jiceng/contracts';
import { fixedClock } from '../../platform/clock.ts';
import { buildMember, ENGINES, login, PASSWORD, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string; details?: { needsOverride?: boolean; excellent?: number; limit?: number; appraised?: number } } };

describe.each(ENGINES)('民主评议党员 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let streetB: Client;
  let sup: Client;
  /** Six members appraised in 支部A1a: five full, one probationary. */
  let ids: string[];
  let suspended: Member;
  let left: Member;
  let other: Member;

  const create = async (orgId: string, name: string, over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await sec.post<Member>('/api/members', buildMember(orgId, { name, ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const sheet = async (year = 2026) => (await sec.get<AppraisalSheet>(`/api/appraisals?orgId=${t.branchA1a}&year=${year}`)).body;
  const grade = (body: Record<string, unknown>, c: Client = sec) =>
    c.put<AppraisalSheet & Err>('/api/appraisals/grade', { orgId: t.branchA1a, year: 2026, ...body });
  const bulk = (grades: Record<string, unknown>[], extra: Record<string, unknown> = {}, c: Client = sec) =>
    c.put<AppraisalSheet & Err>('/api/appraisals', { orgId: t.branchA1a, year: 2026, grades, ...extra });
  const audit = async (action: string) =>
    (await t.admin.get<{ items: { entityId: string; after: Record<string, unknown> }[] }>(`/api/audit?action=${action}`)).body.items;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock: fixedClock('2026-11-22T04:00:00Z') });
    t = await seedTree(server);
    [sec, streetB, sup] = await Promise.all([login(server, 'secA1a'), login(server, 'streetB'), login(server, 'supA')]);
    ids = [];
    for (const name of ['甲一', '甲二', '甲三', '甲四', '甲五']) ids.push((await create(t.branchA1a, name)).id);
    ids.push((await create(t.branchA1a, '甲六', { status: 'probationary', joinedDate: '2026-03-01', appliedDate: '2024-01-01' })).id);
    suspended = await create(t.branchA1a, '乙停');
    expect((await sec.post(`/api/members/${suspended.id}/events`, { event: 'suspend', date: '2026-03-01', reason: '失联超过六个月' })).status).toBe(200);
    left = await create(t.branchA1a, '乙出');
    expect((await sec.post(`/api/members/${left.id}/events`, { event: 'leave', date: '2026-06-01', reason: '病故', leaveReason: 'deceased' })).status).toBe(
      200,
    );
    other = (await (await login(server, 'communityA1')).post<Member>('/api/members', buildMember(t.branchA1b, { name: '丙外' }))).body;
  });
  afterAll(() => server.close());

  describe('the branch-year sheet', () => {
    it('lists full and probationary members, leaves out suspended and left ones, with counts and the one-third limit', async () => {
      const s = await sheet();
      expect(s.rows.map((r) => r.name).sort()).toEqual(['甲一', '甲二', '甲三', '甲四', '甲五', '甲六'].sort());
      expect(s).toMatchObject({ orgName: '甲一社区第一党支部', appraisedCount: 6, excellentLimit: 2, counts: { ungraded: 6, excellent: 0 } });
    });

    it('refuses a future year and an organization that is not a branch, in Chinese', async () => {
      const future = await sec.get<Err>(`/api/appraisals?orgId=${t.branchA1a}&year=2027`);
      expect(future.status).toBe(400);
      expect(future.body.error.message).toMatch(/2027 年度尚未开始/);
      const community = await (await login(server, 'communityA1')).get<Err>(`/api/appraisals?orgId=${t.communityA1}&year=2026`);
      expect(community.status).toBe(400);
      expect(community.body.error.message).toMatch(/不是党支部/);
    });

    it('answers 404 to another street and 403 without the permission', async () => {
      expect((await streetB.get(`/api/appraisals?orgId=${t.branchA1a}&year=2026`)).status).toBe(404);
      expect((await grade({ memberId: ids[0], grade: 'qualified' }, streetB)).status).toBe(404);
      expect((await bulk([{ memberId: ids[0], grade: 'qualified' }], {}, streetB)).status).toBe(404);
      expect((await grade({ memberId: ids[0], grade: 'qualified' }, sup)).status).toBe(403);
      expect((await sup.get(`/api/appraisals?orgId=${t.branchA1a}&year=2026`)).status).toBe(200);
      expect((await (await login(server, 'memberA1a')).get(`/api/appraisals?orgId=${t.branchA1a}&year=2026`)).status).toBe(403);
      expect((await sheet()).counts.ungraded).toBe(6);
    });
  });

  describe('优秀 at most one third', () => {
    it('sets grades one by one and audits each', async () => {
      expect((await grade({ memberId: ids[0], grade: 'excellent', remark: '带头作用突出' })).status).toBe(200);
      const res = await grade({ memberId: ids[1], grade: 'excellent' });
      expect(res.body.counts).toMatchObject({ excellent: 2, ungraded: 4 });
      expect((await audit('appraisal.grade')).map((e) => e.entityId)).toEqual(expect.arrayContaining([ids[0], ids[1]]));
    });

    it('refuses a third 优秀 of six and changes nothing', async () => {
      const res = await grade({ memberId: ids[2], grade: 'excellent' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('RULE_VIOLATION');
      expect(res.body.error.message).toMatch(/三分之一.*最多 2 名.*3 名.*请填写理由/);
      expect(res.body.error.details).toMatchObject({ needsOverride: true, excellent: 3, appraised: 6, limit: 2 });
      expect((await sheet()).counts.excellent).toBe(2);
    });

    it('accepts it with a reason, records the reason on the grade and audits the override', async () => {
      const res = await grade({ memberId: ids[2], grade: 'excellent', overrideReason: '抗洪抢险表现突出，经支部大会讨论' });
      expect(res.status).toBe(200);
      expect(res.body.counts.excellent).toBe(3);
      expect(res.body.rows.find((r) => r.memberId === ids[2])!.overrideReason).toBe('抗洪抢险表现突出，经支部大会讨论');
      const [entry] = await audit('appraisal.excellent_override');
      expect(entry).toMatchObject({
        entityId: t.branchA1a,
        after: { reason: '抗洪抢险表现突出，经支部大会讨论', excellent: 3, appraised: 6, limit: 2, year: 2026 },
      });
    });

    it('refuses a too short reason by schema, in Chinese', async () => {
      const res = await grade({ memberId: ids[3], grade: 'excellent', overrideReason: '好' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect((await sheet()).counts.excellent).toBe(3);
    });
  });

  describe('bulk set, whole or nothing', () => {
    it('refuses the whole set when one item is wrong', async () => {
      const before = await sheet(2025);
      const res = await sec.put<Err>('/api/appraisals', {
        orgId: t.branchA1a,
        year: 2025,
        grades: [
          { memberId: ids[0], grade: 'qualified' },
          { memberId: left.id, grade: 'qualified' },
          { memberId: other.id, grade: 'qualified' },
          { memberId: ids[1], grade: 'unqualified' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/第 2 条：该党员不在本支部本年度的评议名单中.*第 3 条.*「甲二」评为不合格，请选择组织处置方式/);
      expect(await sheet(2025)).toEqual(before);
    });

    it('measures the one-third share over the whole set', async () => {
      const grades = ids.map((memberId, i) => ({ memberId, grade: i < 3 ? 'excellent' : 'qualified' }));
      const res = await sec.put<Err>('/api/appraisals', { orgId: t.branchA1a, year: 2025, grades });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toMatchObject({ excellent: 3, limit: 2 });
      expect((await sheet(2025)).counts.ungraded).toBe(6);
    });

    it('applies a valid set in one request and audits it once', async () => {
      const grades = ids.map((memberId, i) => ({ memberId, grade: i < 2 ? 'excellent' : i === 5 ? 'basically_qualified' : 'qualified' }));
      const res = await sec.put<AppraisalSheet>('/api/appraisals', { orgId: t.branchA1a, year: 2025, grades });
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({ excellent: 2, qualified: 3, basically_qualified: 1, unqualified: 0, ungraded: 0 });
      const [entry] = await audit('appraisal.bulk_grade');
      expect((entry!.after as { changes: unknown[] }).changes).toHaveLength(6);
    });

    it('refuses a member listed twice', async () => {
      const res = await bulk([
        { memberId: ids[3], grade: 'qualified' },
        { memberId: ids[3], grade: 'excellent' },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/「甲四」重复出现/);
    });
  });

  describe('不合格 and its disposition', () => {
    const todos = async (c: Client) => (await c.get<TodoPage>('/api/todos?source=appraisal.disposition&pageSize=200')).body.items;

    it('defaults a 限期改正 to 6 months and refuses more than 12', async () => {
      const tooLong = await grade({ memberId: ids[3], grade: 'unqualified', disposition: { kind: 'correction', deadline: '2027-11-23' } });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toBe('「甲四」：限期改正的期限最长为 12 个月，请设在 2027-11-22 或之前');
      const wrongKind = await grade({ memberId: ids[3], grade: 'unqualified', disposition: { kind: 'persuade', deadline: '2027-01-01' } });
      expect(wrongKind.body.error.message).toMatch(/只有限期改正需要设定整改期限/);
      const ok = await grade({ memberId: ids[3], grade: 'unqualified', disposition: { kind: 'correction' } });
      expect(ok.status).toBe(200);
      expect(ok.body.rows.find((r) => r.memberId === ids[3])!.disposition).toMatchObject({
        kind: 'correction',
        startDate: '2026-11-22',
        deadline: '2027-05-22',
        status: 'in_progress',
      });
    });

    it('makes a to-do of a 限期改正 due within 30 days or past, for member:write only', async () => {
      await grade({ memberId: ids[4], grade: 'unqualified', disposition: { kind: 'correction', startDate: '2026-06-10', deadline: '2026-12-10' } });
      await grade({ memberId: ids[5], grade: 'unqualified', disposition: { kind: 'correction', startDate: '2026-05-01', deadline: '2026-11-01' } });
      const mine = await todos(sec);
      expect(mine.map((x) => [x.title, x.severity, x.dueDate])).toEqual([
        ['甲六：限期改正已到期', 'overdue', '2026-11-01'],
        ['甲五：限期改正即将到期', 'due_soon', '2026-12-10'],
      ]);
      expect(mine[0]!.detail).toMatch(/已逾期 21 天/);
      expect(await todos(sup)).toEqual([]);
      expect(await todos(await login(server, 'streetB'))).toEqual([]);
    });

    it('lists dispositions in scope, moves a deadline within the year and closes one with its result', async () => {
      const list = (await sec.get<Disposition[]>('/api/appraisals/dispositions?year=2026')).body;
      expect(list).toHaveLength(3);
      expect((await streetB.get<Disposition[]>('/api/appraisals/dispositions')).body).toEqual([]);
      const d = list.find((x) => x.memberId === ids[4])!;
      expect(d).toMatchObject({ memberName: '甲五', daysLeft: 18, kind: 'correction' });
      expect((await streetB.patch(`/api/appraisals/dispositions/${d.id}`, { status: 'done', result: '越权' })).status).toBe(404);
      expect((await sup.patch(`/api/appraisals/dispositions/${d.id}`, { status: 'done', result: '越权' })).status).toBe(403);
      const late = await sec.patch<Err>(`/api/appraisals/dispositions/${d.id}`, { deadline: '2027-06-11' });
      expect(late.body.error.message).toMatch(/最长为 12 个月，请设在 2027-06-10 或之前/);
      const noResult = await sec.patch<Err>(`/api/appraisals/dispositions/${d.id}`, { status: 'done' });
      expect(noResult.body.error.message).toBe('办结组织处置时请填写处置结果');
      const moved = await sec.patch<Disposition>(`/api/appraisals/dispositions/${d.id}`, { deadline: '2027-06-10' });
      expect(moved.body).toMatchObject({ deadline: '2027-06-10', status: 'in_progress' });
      const done = await sec.patch<Disposition>(`/api/appraisals/dispositions/${list.find((x) => x.memberId === ids[5])!.id}`, {
        status: 'done',
        result: '整改到位，经支部大会讨论恢复正常',
      });
      expect(done.body).toMatchObject({ status: 'done', completedDate: '2026-11-22', daysLeft: null });
      expect(await todos(sec)).toEqual([]);
      expect((await sec.patch<Err>(`/api/appraisals/dispositions/${done.body.id}`, { result: '再改' })).status).toBe(409);
    });

    it('drops a disposition in progress when the grade changes, and keeps the grade of a finished one', async () => {
      const res = await grade({ memberId: ids[4], grade: 'basically_qualified' });
      expect(res.body.rows.find((r) => r.memberId === ids[4])!.disposition).toBeNull();
      const fixed = await grade({ memberId: ids[5], grade: 'qualified' });
      expect(fixed.status).toBe(400);
      expect(fixed.body.error.message).toBe('「甲六」的组织处置已完成，评议等次不能再改变');
    });
  });

  describe('self-service', () => {
    it('shows a 党员 account its own appraisals only', async () => {
      await server.modules.account.bootstrap({
        username: 'jia1',
        displayName: '甲一',
        role: 'member',
        orgId: t.branchA1a,
        password: PASSWORD,
        mustChangePassword: false,
      });
      await server.db.run(sql`update account set member_id = ${ids[0]} where username = 'jia1'`);
      const me = await login(server, 'jia1');
      const mine = await me.get<MyAppraisal[]>('/api/me/appraisals');
      expect(mine.body.map((a) => [a.year, a.grade, a.orgName])).toEqual([
        [2026, 'excellent', '甲一社区第一党支部'],
        [2025, 'excellent', '甲一社区第一党支部'],
      ]);
      expect(mine.body[0]!.remark).toBe('带头作用突出');
      expect((await me.get(`/api/appraisals?orgId=${t.branchA1a}&year=2026`)).status).toBe(403);
      const unbound = await login(server, 'memberA1a');
      expect((await unbound.get<Err>('/api/me/appraisals')).status).toBe(404);
      expect((await sec.get('/api/me/appraisals')).status).toBe(403);
    });
  });
});
