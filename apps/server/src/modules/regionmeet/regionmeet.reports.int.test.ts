import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmLedger, RmRatingPair, RmReport, RmReportDetail, RmReportPage, UnitReportIn } from '@jiceng/contracts';
import { fixedClock } from '../../platform/clock.ts';
import { ENGINES, login, seedTree, startSeeded, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { memberWithAccount, regionalRecords, unitByCommunity, unitWithAccount } from './regionmeet.fixtures.ts';

type Err = { error: { code: string; message: string } };
type Todo = { source: string; title: string; severity: string; dueDate: string | null };
const UNIT_SCORES = { activities: 20, resources: 10, projects: 18, problems: 16, masses: 12 };
const COMMUNITY_SCORES = { coordination: 30, support: 30, response: 26 };

describe.each(ENGINES)('双报告与双向评价 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let communityA1: Client;
  let streetA: Client;
  let streetB: Client;
  let unitA: { c: Client; unit: UnitReportIn };
  let unitB: { c: Client; unit: UnitReportIn };
  let member: Awaited<ReturnType<typeof memberWithAccount>>;
  let reports: RmReport[];
  const of = (name: string) => reports.find((r) => r.subjectName === name)!;
  const count = async (table: string) => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [communityA1, streetA, streetB] = await Promise.all([login(server, 'communityA1'), login(server, 'streetA'), login(server, 'streetB')]);
    unitA = await unitWithAccount(server, 'unitA', t.communityA1, '演示区人民医院');
    unitB = await unitWithAccount(server, 'unitB', t.communityB1, '乙街道供电所');
    await unitByCommunity(communityA1, t.communityA1, '演示区实验小学');
    member = await memberWithAccount(server, t, await login(server, 'secA1a'), 'memberSong', t.communityA1);
    const mr = await server.db.one<{ id: string }>(sql`select id from member_report_in where member_id = ${member.member.id}`);
    await regionalRecords(server, { communityId: t.communityA1, unitId: unitA.unit.id, memberReportId: mr!.id, year: 2025 });
  });
  afterAll(() => server.close());

  it('assembles last year’s reports from the records, once per unit and member', async () => {
    const first = await communityA1.post<{ created: number; refreshed: number; total: number }>('/api/regional/reports/assemble', { year: 2025 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ year: 2025, created: 3, refreshed: 0, total: 3 });
    const again = await communityA1.post('/api/regional/reports/assemble', { year: 2025 });
    expect(again.body).toEqual({ year: 2025, created: 0, refreshed: 0, total: 3 });
    const list = await communityA1.get<RmReportPage>('/api/regional/reports');
    expect(list.body).toMatchObject({ year: 2025, total: 3, byState: { pending: 3, confirmed: 0, corrected: 0 } });
    reports = list.body.items;
    expect(of('演示区人民医院').figures).toEqual({
      activities: 2,
      participants: 15,
      hours: 30.5,
      beneficiaries: 42,
      projects: 2,
      resources: 0,
      needsClaimed: 0,
      fundsFen: 1_250_000,
      problemsSolved: 3,
      feedbacks: 2,
      satisfied: 1,
    });
    expect(of('宋志远')).toMatchObject({ subjectKind: 'member', figures: { activities: 3, participants: 18, hours: null, projects: 2, fundsFen: 1_250_000 } });
    expect(of('演示区实验小学').figures).toMatchObject({ activities: 0, projects: 0, fundsFen: 0 });
    expect((await communityA1.post<Err>('/api/regional/reports/assemble', { year: 2027 })).body.error.message).toBe('2027 年还没到，不能生成该年度的双报告');
  });

  it('shows a unit only its own report; a community its units; a street its communities; else 404', async () => {
    const own = await unitA.c.get<RmReport[]>('/api/regional/unit/reports?year=2025');
    expect(own.body.map((r) => r.subjectName)).toEqual(['演示区人民医院']);
    expect((await unitA.c.get(`/api/regional/unit/reports/${of('演示区实验小学').id}`)).status).toBe(404);
    expect((await unitB.c.get(`/api/regional/unit/reports/${of('演示区人民医院').id}`)).status).toBe(404);
    expect((await unitA.c.get('/api/regional/reports')).status).toBe(403);
    expect((await streetA.get<RmReportPage>('/api/regional/reports?year=2025')).body.total).toBe(3);
    expect((await streetB.get<RmReportPage>('/api/regional/reports?year=2025')).body.total).toBe(0);
    expect((await streetB.get(`/api/regional/reports/${of('演示区人民医院').id}`)).status).toBe(404);
    expect((await streetB.get(`/api/regional/reports?orgId=${t.communityA1}`)).status).toBe(404);
    const mine = await member.c.get<RmReport[]>('/api/regional/my/reports?year=2025');
    expect(mine.body.map((r) => r.subjectName)).toEqual(['宋志远']);
    expect((await member.c.get(`/api/regional/my/reports/${of('演示区人民医院').id}`)).status).toBe(404);
  });

  it('lists the report awaiting confirmation as the unit’s own to-do', async () => {
    const todos = await unitA.c.get<{ items: Todo[] }>('/api/todos?pageSize=50');
    expect(todos.body.items.filter((x) => x.source === 'regionmeet.report').map((x) => [x.title, x.dueDate, x.severity])).toEqual([
      ['2025年双报告待确认：演示区人民医院', '2026-03-31', 'overdue'],
    ]);
    expect((await unitB.c.get<{ items: Todo[] }>('/api/todos?pageSize=50')).body.items.filter((x) => x.source === 'regionmeet.report')).toEqual([]);
    const mine = await member.c.get<{ items: Todo[] }>('/api/todos?pageSize=50');
    expect(mine.body.items.filter((x) => x.source === 'regionmeet.my_report').map((x) => x.title)).toEqual(['2025年双报告待确认：宋志远']);
  });

  it('lets the unit confirm and the member correct with a note, once; bad answers change nothing', async () => {
    const id = of('演示区人民医院').id;
    const noNote = await unitA.c.post<Err>(`/api/regional/unit/reports/${id}/respond`, { action: 'correct', corrected: { activities: 3 } });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toBe('请填写更正说明（哪里有出入、实际情况如何）');
    expect((await communityA1.get<RmReportDetail>(`/api/regional/reports/${id}`)).body).toMatchObject({ state: 'pending', version: 1 });
    expect((await communityA1.post(`/api/regional/unit/reports/${id}/respond`, { action: 'confirm' })).status).toBe(403);
    const ok = await unitA.c.post<RmReportDetail>(`/api/regional/unit/reports/${id}/respond`, { action: 'confirm', version: 1 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'confirmed', respondedByName: '演示区人民医院', can: { respond: false } });
    expect(ok.body.projects.map((p) => p.title)).toEqual(['楼道照明改造', '健康进社区']);
    const twice = await unitA.c.post<Err>(`/api/regional/unit/reports/${id}/respond`, { action: 'correct', note: '再改' });
    expect(twice.status).toBe(409);
    const mid = of('宋志远').id;
    const corrected = await member.c.post<RmReportDetail>(`/api/regional/my/reports/${mid}/respond`, {
      action: 'correct',
      note: '另参加了两次社区志愿服务',
      corrected: { activities: 5 },
    });
    expect(corrected.body).toMatchObject({ state: 'corrected', responseNote: '另参加了两次社区志愿服务', corrected: { activities: 5 } });
    expect(corrected.body.history.map((h) => [h.actionLabel, h.reason])).toEqual([['更正', '另参加了两次社区志愿服务']]);
    // answered reports keep their snapshot when the records are assembled again
    await communityA1.post('/api/regional/reports/assemble', { year: 2025 });
    expect((await communityA1.get<RmReportDetail>(`/api/regional/reports/${id}`)).body.version).toBe(ok.body.version);
  });

  it('rates both ways on the rule set’s criteria; bad scores are refused in Chinese and change nothing', async () => {
    const before = await count('rm_rating');
    const high = await communityA1.put<Err>(`/api/regional/ratings/${unitA.unit.id}`, { year: 2025, scores: { ...UNIT_SCORES, activities: 26 } });
    expect(high.status).toBe(400);
    expect(high.body.error.message).toBe('「参加活动」的得分应为 0 到 25 之间的整数');
    const missing = await unitA.c.put<Err>('/api/regional/unit/ratings', { year: 2025, scores: { coordination: 30 } });
    expect(missing.body.error.message).toBe('请为「服务保障」打分（0–35 分）');
    expect(await count('rm_rating')).toBe(before);

    const pair = await communityA1.get<RmRatingPair>(`/api/regional/ratings/${unitA.unit.id}?year=2025`);
    expect(pair.body).toMatchObject({ ofUnit: null, can: { rateUnit: true, rateCommunity: false }, suggested: { activities: 10, projects: 20, problems: 12 } });
    const rated = await communityA1.put<RmRatingPair>(`/api/regional/ratings/${unitA.unit.id}`, { year: 2025, scores: UNIT_SCORES, comment: '积极参与' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.ofUnit).toMatchObject({ total: 76, grade: 'good', ratedByName: 'communityA1' });
    const back = await unitA.c.put<RmRatingPair>('/api/regional/unit/ratings', { year: 2025, scores: COMMUNITY_SCORES });
    expect(back.body.ofCommunity).toMatchObject({ total: 86, grade: 'good', communityName: '中共甲一社区委员会' });
    const again = await communityA1.put<Err>(`/api/regional/ratings/${unitA.unit.id}`, { year: 2025, scores: UNIT_SCORES });
    expect(again.status).toBe(409);
    const changed = await communityA1.put<RmRatingPair>(`/api/regional/ratings/${unitA.unit.id}`, {
      year: 2025,
      scores: { ...UNIT_SCORES, masses: 15 },
      version: 1,
    });
    expect(changed.body.ofUnit).toMatchObject({ total: 79, version: 2 });

    const own = await unitA.c.get<RmRatingPair>('/api/regional/unit/ratings?year=2025');
    expect(own.body).toMatchObject({
      unitName: '演示区人民医院',
      ofUnit: { total: 79 },
      ofCommunity: { total: 86 },
      suggested: null,
      can: { rateCommunity: true },
    });
    expect((await unitB.c.get<RmRatingPair>('/api/regional/unit/ratings?year=2025')).body).toMatchObject({ ofUnit: null, ofCommunity: null });
    expect((await unitB.c.get(`/api/regional/unit/ratings?unitId=${unitA.unit.id}`)).status).toBe(404);
    expect((await unitA.c.get(`/api/regional/ratings/${unitA.unit.id}`)).status).toBe(403);
    expect((await streetB.get(`/api/regional/ratings/${unitA.unit.id}?year=2025`)).status).toBe(404);
    expect((await streetB.put(`/api/regional/ratings/${unitA.unit.id}`, { year: 2025, scores: UNIT_SCORES })).status).toBe(404);
  });

  it('keeps the ledger per unit and year for the street, with the grades and the units still to rate, as .xlsx', async () => {
    const l = await streetA.get<RmLedger>('/api/regional/ledger?year=2025');
    expect(l.body.items.map((r) => [r.unitName, r.reportState, r.ofUnit?.total ?? null, r.ofCommunity?.total ?? null])).toEqual([
      ['演示区人民医院', 'confirmed', 79, 86],
      ['演示区实验小学', 'pending', null, null],
    ]);
    expect(l.body).toMatchObject({ unrated: 1, canRate: true });
    expect(l.body.distribution.find((d) => d.grade === 'good')).toEqual({ grade: 'good', ofUnit: 1, ofCommunity: 1 });
    expect((await streetB.get<RmLedger>('/api/regional/ledger?year=2025')).body.items.map((r) => r.unitName)).toEqual(['乙街道供电所']);
    const todos = await communityA1.get<{ items: Todo[] }>('/api/todos?kind=regional&pageSize=50');
    expect(todos.body.items.filter((x) => x.source === 'regionmeet.rating').map((x) => x.title)).toEqual(['2025年双向评价待评价：演示区实验小学']);
    const file = await streetA.get('/api/regional/ledger/export?year=2025');
    expect(file.status).toBe(200);
    const { headers, rows } = sheetTable((await openXlsx(file.raw)).getWorksheet('双报告与双向评价台账')!);
    expect(headers.slice(0, 5)).toEqual(['年度', '街道（乡镇）', '社区（村）', '驻区单位', '双报告']);
    expect(rows.map((r) => [r['驻区单位'], r['社区评价等次']])).toEqual([
      ['演示区人民医院', '良好'],
      ['演示区实验小学', '未评价'],
    ]);
  });
});

describe.each(ENGINES)('the yearly 双报告 job (%s)', (engine) => {
  let server: TestServer;
  afterAll(() => server.close());

  it('assembles last year’s reports in January, one per unit and member however often it runs', async () => {
    server = await startTestServer(engine, { clock: fixedClock('2027-01-05T04:00:00Z') });
    const t = await seedTree(server);
    await unitWithAccount(server, 'unitJ', t.communityA1, '演示区人民医院');
    const first = await server.modules.regionmeet.reportSweep();
    const second = await server.modules.regionmeet.reportSweep();
    expect(first).toMatchObject({ year: 2026, created: 1 });
    expect(second).toMatchObject({ year: 2026, created: 0 });
    const rows = await server.db.rows<{ year: number; n: number }>(sql`select year, count(*)::int as n from rm_report group by year`);
    expect(rows).toEqual([{ year: 2026, n: 1 }]);
  });
});
