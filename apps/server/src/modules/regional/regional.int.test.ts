import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  type RgMatches,
  type RgNeed,
  type RgNeedDetail,
  type RgProjectDetail,
  type RgResource,
  type RgStats,
  type RgUnitLedger,
  type RgUnitSummary,
} from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { sheetFile, upload } from '../../test/xlsx.ts';
import { needInput, resourceInput, unitAccount } from './regional.fixtures.ts';

type Err = { error: { code: string; message: string; details?: { errors?: { row: number; column: string; message: string }[] } } };
type Page<T> = { items: T[]; total: number };

/**
 * 三张清单 over HTTP on each engine: scope (a unit sees the needs of its community and only its own
 * resources and ledger; a community its units; a street its communities), the whole path from a
 * need through matching, 立项, consent, activity, completion and rating to the unit's ledger; the
 * claim race; refusals that change nothing; the import; the to-dos and the sweep.
 */
describe.each(ENGINES)('区域化党建 三张清单 (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let communityA1: Client;
  let communityB1: Client;
  let secA1a: Client;
  let supA: Client;
  let unitA: { client: Client; unitId: string };
  let unitA2: { client: Client; unitId: string };
  let unitB: { client: Client; unitId: string };

  const count = async (table: string) => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, communityA1, secA1a, supA] = await Promise.all([
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'communityA1'),
      login(server, 'secA1a'),
      login(server, 'supA'),
    ]);
    communityB1 = await (async () => {
      await server.modules.account.bootstrap({
        username: 'rgCommB1',
        displayName: '乙一社区',
        role: 'community',
        orgId: t.communityB1,
        password: 'Test@2026pw',
        mustChangePassword: false,
      });
      return login(server, 'rgCommB1');
    })();
    unitA = await unitAccount(server, 'rgUnitA', t.communityA1, '演示区第一医院');
    unitA2 = await unitAccount(server, 'rgUnitA2', t.communityA1, '演示银行甲一支行');
    unitB = await unitAccount(server, 'rgUnitB', t.communityB1, '乙区供电所');
  });
  afterAll(() => server?.close());

  it('walks a need from the record through matching, 立项, consent, an activity, completion and rating into the unit’s ledger', async () => {
    const need = await communityA1.post<RgNeedDetail & Err>('/api/regional/needs', needInput(t.communityA1, { estPeople: 6, estMoneyFen: 100_000 }));
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    expect([need.body.state, need.body.can.propose, need.body.can.claim]).toEqual(['open', true, false]);

    const res = await unitA.client.post<RgResource & Err>('/api/regional/resources', resourceInput({ capacityPeople: 10, capacityMoneyFen: 200_000 }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect([res.body.ownerName, res.body.communityName, res.body.phone]).toEqual(['演示区第一医院', '中共甲一社区委员会', '135****0000']);

    const matches = await communityA1.get<RgMatches>(`/api/regional/needs/${need.body.id}/matches`);
    const top = matches.body.proposals[0]!;
    expect(top.resource.id).toBe(res.body.id);
    expect(top.reasons.map((r) => r.rule)).toEqual(['rg-match-category', 'rg-match-place', 'rg-match-capacity', 'rg-match-time']);
    expect(top.score).toBe(100);
    // the unit's board shows the need of its community; another community's unit sees none of it
    expect((await unitA.client.get<RgNeedDetail>(`/api/regional/needs/${need.body.id}`)).body.can.claim).toBe(true);
    expect((await unitB.client.get(`/api/regional/needs/${need.body.id}`)).status).toBe(404);
    expect((await unitB.client.get(`/api/regional/resources/${res.body.id}`)).status).toBe(404);
    expect((await streetB.get(`/api/regional/needs/${need.body.id}`)).status).toBe(404);
    expect((await streetA.get<Page<RgNeed>>('/api/regional/needs')).body.items.map((n) => n.id)).toContain(need.body.id);
    expect((await unitA2.client.get<Page<RgResource>>('/api/regional/resources')).body.total).toBe(0);
    // a branch below the community does not see the community's own needs
    expect((await secA1a.get(`/api/regional/needs/${need.body.id}/matches`)).status).toBe(404);

    const project = await communityA1.post<RgProjectDetail & Err>('/api/regional/projects', {
      needId: need.body.id,
      title: '“爱心午餐”助老项目',
      plan: '每周三次为独居老人送餐，医院派出医护人员随访',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      budgetFen: 50_000,
      resourceIds: [res.body.id],
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect([project.body.state, project.body.need.state, project.body.parts[0]!.consent]).toEqual(['proposed', 'claimed', 'pending']);
    const todos = await unitA.client.get<{ items: { source: string; link: string }[] }>('/api/todos?pageSize=50');
    expect(todos.body.items.filter((x) => x.source === 'regional.consent').map((x) => x.link)).toEqual([`/regional/projects/${project.body.id}`]);
    // only the unit agrees for itself
    expect((await communityA1.post(`/api/regional/projects/${project.body.id}/consent`, { agree: true })).status).toBe(403);
    expect((await unitA2.client.post(`/api/regional/projects/${project.body.id}/consent`, { agree: true })).status).toBe(404);
    const agreed = await unitA.client.post<RgProjectDetail>(`/api/regional/projects/${project.body.id}/consent`, { agree: true });
    expect([agreed.body.state, agreed.body.need.state]).toEqual(['active', 'in_progress']);

    // completing needs an activity first
    expect((await communityA1.post<Err>(`/api/regional/projects/${project.body.id}/complete`, { results: '完成' })).status).toBe(400);
    const act = await unitA.client.post<RgProjectDetail & Err>(`/api/regional/projects/${project.body.id}/activities`, {
      heldOn: '2026-11-15',
      title: '首次送餐上门',
      participants: 5,
      hours: 12.5,
      beneficiaries: 18,
    });
    expect(act.status, JSON.stringify(act.body)).toBe(200);
    expect(act.body.activityList[0]!.unitName).toBe('演示区第一医院');
    const done = await communityA1.post<RgProjectDetail>(`/api/regional/projects/${project.body.id}/complete`, {
      results: '为 18 位独居老人送餐 36 次',
      fundsFen: 48_000,
      problemsSolved: 3,
    });
    expect([done.body.state, done.body.need.state]).toEqual(['completed', 'completed']);
    await communityA1.post(`/api/regional/projects/${project.body.id}/feedback`, { verdict: 'satisfied', rater: '居民' });
    const rated = await communityA1.post<RgProjectDetail>(`/api/regional/projects/${project.body.id}/rate`, { rating: 5, comment: '群众满意' });
    expect([rated.body.state, rated.body.need.state, rated.body.satisfaction.satisfied]).toEqual(['rated', 'rated', 1]);
    expect(rated.body.need.state).toBe('rated');
    expect(rated.body.history.map((h) => h.action)).toEqual(['start', 'complete', 'rate']);

    const ledger = await unitA.client.get<RgUnitLedger>(`/api/regional/units/${unitA.unitId}/ledger?year=2026`);
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    expect(ledger.body.projects.map((p) => p.id)).toEqual([project.body.id]);
    expect(ledger.body.totals).toMatchObject({ activities: 1, hours: 12.5, participants: 5, beneficiaries: 18, fundsFen: 48_000, problemsSolved: 3 });
    expect((await unitA2.client.get(`/api/regional/units/${unitA.unitId}/ledger`)).status).toBe(404);
    expect((await streetB.get(`/api/regional/units/${unitA.unitId}/ledger`)).status).toBe(404);
    const units = await communityA1.get<RgUnitSummary[]>('/api/regional/units');
    expect(units.body.map((u) => u.unitName).sort()).toEqual(['演示区第一医院', '演示银行甲一支行']);
    expect((await communityB1.get<RgUnitSummary[]>('/api/regional/units')).body.map((u) => u.unitName)).toEqual(['乙区供电所']);

    const stats = await streetA.get<RgStats>('/api/regional/stats?year=2026');
    expect(stats.body.totals).toMatchObject({ needs: 1, met: 1, onTime: 1, projects: 1, units: 1, hours: 12.5, fundsFen: 48_000, problemsSolved: 3 });
    expect(stats.body.byChild.find((c) => c.orgId === t.communityA1)?.met).toBe(1);
    expect((await streetB.get<RgStats>('/api/regional/stats?year=2026')).body.totals.needs).toBe(0);
  });

  it('lets exactly one of racing units claim a need, and tells the others it was taken', async () => {
    const need = await communityA1.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '楼道照明改造' }));
    const clients = [unitA.client, unitA2.client, unitA.client, unitA2.client, unitA.client, unitA2.client];
    const { ok, refused } = await race(
      clients.length,
      (i) => clients[i]!.post<RgNeedDetail>(`/api/regional/needs/${need.body.id}/claim`, { note: '我单位可以承接' }),
      {
        successes: 1,
        refusals: ['CONFLICT'],
      },
    );
    expect(ok[0]!.body.state).toBe('claimed');
    expect((refused[0]!.body as unknown as Err).error.message).toMatch(/已认领/);
    const events = await server.db.one<{ n: number }>(
      sql`select count(*)::int as n from workflow_event where record_id = ${need.body.id} and action = 'claim'`,
    );
    expect(events!.n).toBe(1);
    // a unit of another community may not claim it at all
    expect((await unitB.client.post(`/api/regional/needs/${need.body.id}/claim`, {})).status).toBe(404);
  });

  it('refuses bad input with a Chinese error and changes nothing', async () => {
    const before = await count('rg_need');
    const bad = await communityA1.post<Err>('/api/regional/needs', needInput(t.communityA1, { categoryCode: 'nope' }));
    expect([bad.status, bad.body.error.message]).toEqual([400, '请选择有效的需求类别']);
    expect((await communityA1.post<Err>('/api/regional/needs', needInput(t.branchA1a, { beneficiaries: '张大爷 13912345678' }))).status).toBe(400);
    expect((await communityA1.post('/api/regional/needs', needInput(t.communityB1))).status).toBe(404);
    expect((await supA.post('/api/regional/needs', needInput(t.communityA1))).status).toBe(403);
    expect((await unitA.client.post('/api/regional/needs', needInput(t.communityA1))).status).toBe(403);
    expect(await count('rg_need')).toBe(before);

    const need = await communityA1.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '儿童暑期托管' }));
    // edited with its version while it waits; a stale version changes nothing
    const edited = await communityA1.put<RgNeedDetail & Err>(`/api/regional/needs/${need.body.id}`, {
      ...needInput(t.communityA1, { title: '儿童暑期托管班', categoryCode: 'children' }),
      version: need.body.version,
    });
    expect([edited.status, edited.body.title, edited.body.categoryName], JSON.stringify(edited.body)).toEqual([200, '儿童暑期托管班', '儿童托管']);
    const stale = await communityA1.put<Err>(`/api/regional/needs/${need.body.id}`, {
      ...needInput(t.communityA1, { title: '旧版本' }),
      version: need.body.version,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
    const res = await unitA.client.post<RgResource>('/api/regional/resources', resourceInput({ title: '暑期课堂' }));
    const resEdit = await unitA.client.put<RgResource & Err>(`/api/regional/resources/${res.body.id}`, {
      ...resourceInput({ title: '暑期课堂（每周三次）', phone: '13512341111' }),
      version: res.body.version,
    });
    expect([resEdit.status, resEdit.body.title, resEdit.body.phone], JSON.stringify(resEdit.body)).toEqual([200, '暑期课堂（每周三次）', '135****1111']);
    expect((await unitB.client.put(`/api/regional/resources/${res.body.id}`, { ...resourceInput(), version: resEdit.body.version })).status).toBe(404);
    const noReason = await communityA1.post<Err>(`/api/regional/needs/${need.body.id}/close`, { reason: '  ' });
    expect([noReason.status, noReason.body.error.message]).toEqual([400, '「原因」不能为空']);
    expect((await communityA1.get<RgNeedDetail>(`/api/regional/needs/${need.body.id}`)).body.state).toBe('open');
    const closed = await communityA1.post<RgNeedDetail>(`/api/regional/needs/${need.body.id}/close`, { reason: '已由街道统一安排' });
    expect([closed.body.state, closed.body.closeReason]).toEqual(['closed', '已由街道统一安排']);
    expect((await communityA1.post(`/api/regional/needs/${need.body.id}/claim`, {})).status).toBe(403);
    expect((await unitA.client.post<Err>(`/api/regional/needs/${need.body.id}/claim`, {})).body.error.code).toBe('CONFLICT');
  });

  it('sends a unit’s refusal back: the project is withdrawn and the need waits again', async () => {
    const need = await communityA1.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '社区义诊' }));
    const res = await unitA2.client.post<RgResource>('/api/regional/resources', resourceInput({ title: '志愿服务队' }));
    const p = await communityA1.post<RgProjectDetail>('/api/regional/projects', {
      needId: need.body.id,
      title: '社区义诊',
      plan: '每月一次',
      startDate: '2026-11-20',
      endDate: '2026-12-20',
      resourceIds: [res.body.id],
    });
    expect((await unitA2.client.post<Err>(`/api/regional/projects/${p.body.id}/consent`, { agree: false })).status).toBe(400);
    const declined = await unitA2.client.post<RgProjectDetail>(`/api/regional/projects/${p.body.id}/consent`, { agree: false, reason: '本月人手不足' });
    expect([declined.body.state, declined.body.need.state, declined.body.withdrawReason]).toEqual([
      'withdrawn',
      'open',
      '演示银行甲一支行谢绝参与：本月人手不足',
    ]);
  });

  it('lets the community record the answer of a unit without an account of its own (代为确认), never of one with', async () => {
    const filed = await communityA1.post<{ id: string }>('/api/report-ins/units', {
      communityId: t.communityA1,
      unitName: '甲一物业公司',
      creditCode: `91320102MA1M9XKT0${creditCodeCheckChar('91320102MA1M9XKT0')!}`,
      contactName: '吴经理',
      phone: '13512349999',
      reportDate: '2026-08-01',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const res = await communityA1.post<RgResource & Err>('/api/regional/resources', resourceInput({ unitId: filed.body.id, title: '物业维修队' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const need = await communityA1.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '单元门禁维修', categoryCode: 'facilities' }));
    const p = await communityA1.post<RgProjectDetail>('/api/regional/projects', {
      needId: need.body.id,
      title: '门禁维修',
      plan: '物业维修队一周内修复',
      startDate: '2026-11-20',
      endDate: '2026-11-30',
      resourceIds: [res.body.id],
    });
    expect(p.body.can.consent).toBe(true);
    expect((await unitA.client.post(`/api/regional/projects/${p.body.id}/consent`, { agree: true })).status).toBe(404);
    const agreed = await communityA1.post<RgProjectDetail>(`/api/regional/projects/${p.body.id}/consent`, { agree: true, unitId: filed.body.id });
    expect([agreed.body.state, agreed.body.parts[0]!.consent]).toEqual(['active', 'agreed']);
  });

  it('imports projects all or nothing, naming every bad row', async () => {
    const headers = [
      '社区（村）',
      '类别',
      '需求名称',
      '受益对象',
      '项目名称',
      '实施方案',
      '开始日期',
      '结束日期',
      '预算（元）',
      '参与单位',
      '状态',
      '项目成效',
      '投入资金（元）',
      '解决问题（件）',
    ];
    const good = [
      '中共甲一社区委员会',
      '环境整治',
      '背街小巷整治',
      '沿街居民',
      '背街小巷共建',
      '单位认领路段',
      '2026-03-01',
      '2026-10-31',
      '3000',
      '演示区第一医院',
      '已完成',
      '整治小巷 3 条',
      '2800',
      '3',
    ];
    const rows = [
      good,
      ['中共乙一社区委员会', '环境整治', '外区', '居民', '外区项目', '方案', '2026-03-01', '2026-10-31', '', '乙区供电所', '实施中', '', '', ''],
      [...good.slice(0, 9), '不存在的单位', '实施中', '', '', ''],
      [...good.slice(0, 10), '已完成', '', '', ''],
    ];
    const before = [await count('rg_need'), await count('rg_project')];
    const bad = await upload<Err>(communityA1, '/api/regional/projects/import', await sheetFile('区域化党建项目', headers, rows));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details!.errors!.map((e) => [e.row, e.column])).toEqual([
      [3, '社区（村）'],
      [4, '参与单位'],
      [5, '项目成效'],
    ]);
    expect([await count('rg_need'), await count('rg_project')]).toEqual(before);
    const ok = await upload<{ created: number }>(communityA1, '/api/regional/projects/import', await sheetFile('区域化党建项目', headers, [good]));
    expect(ok.body.created).toBe(1);
    const imported = await communityA1.get<Page<{ state: string; completedOn: string; problemsSolved: number }>>('/api/regional/projects?q=背街');
    expect(imported.body.items.map((p) => [p.state, p.completedOn, p.problemsSolved])).toEqual([['completed', '2026-10-31', 3]]);
  });

  it('reminds once: the sweep run twice sends each overdue reminder a single time', async () => {
    const need = await communityA1.post<RgNeedDetail>('/api/regional/needs', needInput(t.communityA1, { title: '过期需求', wantedBy: '2026-11-25' }));
    await server.db.run(sql`update rg_need set wanted_by = '2026-11-01' where id = ${need.body.id}`);
    const sweep = server.modules.regional.sweep({
      recipients: (ids, roles) => server.modules.account.boundTo(ids, roles),
      notify: (n) => server.notifications.sendOnce(n),
    });
    const first = await sweep();
    expect(first).toBeGreaterThan(0);
    expect(await sweep()).toBe(0);
    const notes = await server.db.one<{ n: number }>(
      sql`select count(*)::int as n from notification where dedupe_key like ${`regional.need:${need.body.id}:%`}`,
    );
    expect(notes!.n).toBeGreaterThan(0);
    const todo = await communityA1.get<{ items: { source: string; severity: string }[] }>('/api/todos?pageSize=100');
    expect(todo.body.items.some((x) => x.source === 'regional.need' && x.severity === 'overdue')).toBe(true);
  });
});
