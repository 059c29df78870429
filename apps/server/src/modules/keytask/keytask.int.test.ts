import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KtBoard, KtDashboard, KtPlanSummary, KtReviewDetail, KtTaskDetail, KtTaskSummary, Todo } from '@jiceng/contracts';
import { ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { loginDepartment } from './keytask.fixtures.ts';
import { openXlsx, upload } from '../../test/xlsx.ts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';

type Err = { error: { code: string; message: string; details?: { rule?: string } } };
type D = KtTaskDetail & Err;

const task = (title: string, extra: Record<string, unknown> = {}) => ({
  category: '组织建设',
  title,
  target: `${title}：年底前全面完成`,
  deadline: '2026-12-31',
  acceptanceStandard: '台账齐全，验收合格',
  weight: 2,
  ...extra,
});
const claim = (ownerName: string, role: 'lead' | 'support' = 'lead') => ({ role, ownerName, post: '党建办主任', duty: '牵头推进，按月报告进展' });

/** A plan's whole year: board, claims, progress, 调度会, acceptance and accountability, with scope (rule set kt-2026). */
describe.each(ENGINES)('重点任务 over HTTP (%s)', (engine) => {
  const clock = movableClock('2026-01-10T04:00:00Z');
  const setToday = (d: string) => clock.advance((Date.parse(`${d}T04:00:00Z`) - clock.now().getTime()) / 1000);
  let server: TestServer;
  let t: SeededTree;
  let dept: Client;
  let streetA: Client;
  let streetB: Client;
  let community: Client;
  let sup: Client;
  let member: Client;
  let planId: string;
  let ids: string[] = [];

  const detail = async (c: Client, id: string) => (await c.get<D>(`/api/keytasks/tasks/${id}`)).body;
  const todos = async (c: Client) => (await c.get<{ items: Todo[] }>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('keytask.'));
  const counts = async () =>
    (await server.db.one<{ n: number }>(
      sql`select (select count(*) from kt_task) + (select count(*) from kt_claim) + (select count(*) from kt_progress) as n`,
    ))!.n;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    dept = await loginDepartment(server, t);
    [streetA, streetB, community, sup, member] = (await Promise.all(
      ['streetA', 'streetB', 'communityA1', 'supA', 'memberA1a'].map((u) => login(server, u)),
    )) as [Client, Client, Client, Client, Client];
  });
  afterAll(async () => server?.close());

  it('creates a plan and its tasks; a branch cannot hold a plan; bad input changes nothing', async () => {
    const bad = await dept.post<Err>('/api/keytasks/plans', { orgId: t.branchA1a, year: 2026, title: '支部计划' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('不是');
    const res = await dept.post<KtPlanSummary>('/api/keytasks/plans', { orgId: t.rootId, year: 2026, title: '2026年度党建重点任务' });
    expect(res.status).toBe(201);
    planId = res.body.id;
    expect(res.body).toMatchObject({ state: 'draft', owner: true });
    const again = await dept.post<Err>('/api/keytasks/plans', { orgId: t.rootId, year: 2026, title: '2026年度党建重点任务' });
    expect(again.status).toBe(409);
    expect((await streetA.post<Err>('/api/keytasks/plans', { orgId: t.rootId, year: 2026, title: 'x' })).status).toBe(404);

    const before = await counts();
    for (const body of [
      { ...task('坏的'), deadline: '2026-02-30' },
      { ...task('坏的'), weight: 0 },
      { ...task('坏的'), milestones: [{ title: '晚于时限', dueOn: '2027-02-01' }] },
      {
        ...task('坏的'),
        subtasks: [
          { title: '甲', weight: 1 },
          { title: '甲', weight: 1 },
        ],
      },
      { ...task('坏的'), title: '' },
    ]) {
      const r = await dept.post<Err>(`/api/keytasks/plans/${planId}/tasks`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.message).toMatch(/\p{Script=Han}/u);
    }
    expect(await counts()).toBe(before);

    const a = await dept.post<D>(`/api/keytasks/plans/${planId}/tasks`, {
      ...task('软弱涣散党组织整顿', { weight: 3 }),
      subtasks: [
        { title: '排查认定', weight: 1 },
        { title: '整顿提升', weight: 3 },
      ],
      milestones: [{ title: '完成排查', dueOn: '2026-03-31' }],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await dept.post<D>(`/api/keytasks/plans/${planId}/tasks`, task('党群服务中心提质'));
    const c = await dept.post<D>(`/api/keytasks/plans/${planId}/tasks`, task('无人认领的任务'));
    ids = [a.body.id, b.body.id, c.body.id];
    expect(a.body).toMatchObject({ no: 1, state: 'draft', status: null });
    // nobody below sees a draft plan
    expect((await streetA.get(`/api/keytasks/plans/${planId}`)).status).toBe(404);
    expect((await streetA.get(`/api/keytasks/tasks/${ids[0]}`)).status).toBe(404);
  });

  it('publishes: the tasks go on the board, which every organization below sees', async () => {
    const p = await dept.post<KtPlanSummary>(`/api/keytasks/plans/${planId}/publish`, {});
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ state: 'published', figures: { tasks: 3, unclaimed: 3, notStarted: 3 } });
    const board = (await streetB.get<KtBoard>(`/api/keytasks/plans/${planId}/board`)).body;
    expect(board.tasks.map((x) => x.state)).toEqual(['open', 'open', 'open']);
    expect(board.plan.owner).toBe(false);
    expect((await streetB.get<{ items: KtPlanSummary[] }>('/api/keytasks/plans')).body.items.map((x) => x.id)).toContain(planId);
    expect((await member.get('/api/keytasks/plans')).status).toBe(403);
  });

  it('揭榜: offices claim, the owner confirms one lead; the task is then 已落实 and the other lead claim declined', async () => {
    const mine = await streetA.post<D>(`/api/keytasks/tasks/${ids[0]}/claims`, { ...claim('王敏'), unitName: '甲街道党建办' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const theirs = await streetB.post<D>(`/api/keytasks/tasks/${ids[0]}/claims`, claim('李强'));
    expect(theirs.status).toBe(200);
    // streetB does not see streetA's claim (names and owners of others stay theirs until confirmed)
    expect(theirs.body.claims.map((c) => c.ownerName)).toEqual(['李强']);
    expect((await streetA.post<Err>(`/api/keytasks/tasks/${ids[0]}/claims`, { ...claim('王敏'), unitName: '甲街道党建办' })).status).toBe(409);
    const support = await community.post<D>(`/api/keytasks/tasks/${ids[0]}/claims`, claim('赵红', 'support'));
    expect(support.status).toBe(200);
    // only the owner decides, and a decline needs its reason
    const c = (await detail(dept, ids[0]!)).claims;
    const [aClaim, bClaim, sClaim] = [c.find((x) => x.ownerName === '王敏')!, c.find((x) => x.ownerName === '李强')!, c.find((x) => x.ownerName === '赵红')!];
    expect((await streetA.post<Err>(`/api/keytasks/tasks/${ids[0]}/claims/${aClaim.id}/decide`, { confirm: true })).status).toBe(403);
    expect((await dept.post<Err>(`/api/keytasks/tasks/${ids[0]}/claims/${bClaim.id}/decide`, { confirm: false })).status).toBe(400);
    const todo = await todos(dept);
    expect(todo.filter((x) => x.source === 'keytask.claim')).toHaveLength(3);
    const ok = await dept.post<D>(`/api/keytasks/tasks/${ids[0]}/claims/${aClaim.id}/decide`, { confirm: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'assigned', lead: { unitName: '甲街道党建办', ownerName: '王敏' } });
    expect(ok.body.claims.find((x) => x.id === bClaim.id)).toMatchObject({ state: 'declined', reason: '已确认甲街道党建办为牵头单位' });
    expect((await dept.post<D>(`/api/keytasks/tasks/${ids[0]}/claims/${sClaim.id}/decide`, { confirm: true })).body.supporters).toHaveLength(1);
    expect((await streetB.post<Err>(`/api/keytasks/tasks/${ids[0]}/claims`, { ...claim('李强'), unitName: '乙街道' })).status).toBe(409);
    // task b: streetB leads it
    const b = await streetB.post<D>(`/api/keytasks/tasks/${ids[1]}/claims`, claim('李强'));
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const bOk = await dept.post<D>(`/api/keytasks/tasks/${ids[1]}/claims/${b.body.claims[0]!.id}/decide`, { confirm: true });
    expect(bOk.status, JSON.stringify(bOk.body)).toBe(200);
  });

  it('an office sees and reports only its tasks; the plan owner and the supervisor see all', async () => {
    const listA = (await streetA.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}`)).body.items;
    expect(listA.map((x) => x.title).sort()).toEqual(['无人认领的任务', '软弱涣散党组织整顿'].sort());
    expect((await streetA.get(`/api/keytasks/tasks/${ids[1]}`)).status).toBe(404);
    expect((await streetA.post<Err>(`/api/keytasks/tasks/${ids[1]}/progress`, { reportedOn: '2026-01-10', percent: 10, narrative: 'x' })).status).toBe(404);
    expect((await streetA.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}&mine=true`)).body.items).toHaveLength(1);
    expect((await dept.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}`)).body.items).toHaveLength(3);
    // the supervisor of street A is below the plan too: it reads, but may not claim or report
    expect((await sup.post<Err>(`/api/keytasks/tasks/${ids[2]}/claims`, claim('某'))).status).toBe(403);
    // the board shows every task and who took it; another office's progress stays its own
    const boardA = (await streetA.get<KtBoard>(`/api/keytasks/plans/${planId}/board`)).body;
    expect(boardA.tasks).toHaveLength(3);
    expect(boardA.tasks.find((x) => x.id === ids[1])).toMatchObject({ limited: true, status: null, lead: { unitName: '中共乙街道工作委员会' } });
    expect(boardA.tasks.find((x) => x.id === ids[0])!.limited).toBeUndefined();
  });

  it('reports progress on sub-tasks (rolled up by weight) with evidence; a supporter reports too, only the lead completes', async () => {
    const need = await streetA.post<Err>(`/api/keytasks/tasks/${ids[0]}/progress`, { reportedOn: '2026-01-10', percent: 50, narrative: '开展排查' });
    expect(need.status).toBe(400);
    expect(need.body.error.message).toContain('子任务');
    const d0 = await detail(streetA, ids[0]!);
    const [s1, s2] = d0.subtasks;
    const r = await streetA.post<D>(`/api/keytasks/tasks/${ids[0]}/progress`, {
      reportedOn: '2026-01-10',
      percent: 100,
      subtaskId: s1!.id,
      milestoneId: d0.milestones[0]!.id,
      milestoneDone: true,
      narrative: '完成排查，认定 3 个',
      risks: '个别社区书记缺配',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.progress).toBe(25); // (1×100 + 3×0) / 4
    expect(r.body.milestones[0]!.doneOn).toBe('2026-01-10');
    const file = await upload(streetA, `/api/keytasks/tasks/${ids[0]}/progress/${r.body.progressReports[0]!.id}/attachments`, pdfBytes(), '排查台账.pdf');
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect((await detail(dept, ids[0]!)).progressReports[0]!.files.map((f) => f.fileName)).toEqual(['排查台账.pdf']);
    const sup2 = await community.post<D>(`/api/keytasks/tasks/${ids[0]}/progress`, {
      reportedOn: '2026-01-10',
      percent: 40,
      subtaskId: s2!.id,
      narrative: '整顿中',
    });
    expect(sup2.status).toBe(200);
    expect(sup2.body.progress).toBe(55);
    expect(sup2.body.can).toMatchObject({ report: true, complete: false });
    expect((await community.post<Err>(`/api/keytasks/tasks/${ids[0]}/complete`, { note: '完成' })).status).toBe(403);
    const notYet = await streetA.post<Err>(`/api/keytasks/tasks/${ids[0]}/complete`, { note: '完成' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.details?.rule).toBe('kt-complete-at-100');
  });

  it('computes 滞后 from the time, the milestones and the board, never typed in; the owner gets it as a to-do', async () => {
    setToday('2026-07-01');
    await server.sweepKeyTasks();
    const b = await detail(dept, ids[1]!);
    expect(b.status).toBe('lagging');
    expect(b.lagReasons.map((x) => x.rule)).toEqual(['kt-lag-behind']);
    const c = await detail(dept, ids[2]!);
    expect(c.lagReasons.map((x) => x.rule)).toEqual(['kt-lag-behind', 'kt-lag-unclaimed']);
    // a: 55 % against 48 % of the time, its milestone reached
    expect((await detail(dept, ids[0]!)).status).toBe('in_progress');
    const lagging = (await todos(dept)).filter((x) => x.source === 'keytask.lagging');
    expect(lagging.map((x) => x.severity)).toEqual(['alert', 'alert']);
    expect((await dept.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}&status=lagging`)).body.items).toHaveLength(2);
    const dash = (await dept.get<KtDashboard>(`/api/keytasks/plans/${planId}/dashboard`)).body;
    expect(dash.lagging).toHaveLength(2);
    expect(dash.ranking.map((x) => x.unitName)).toEqual(['甲街道党建办', '中共乙街道工作委员会']);
    expect(dash.timeline[0]).toMatchObject({ start: '2026-01-10', deadline: '2026-12-31' });
  });

  it('holds a 调度会: assembles every task, needs a decision per lagging one, applies it, and the owner gets it as a to-do', async () => {
    const r = await dept.post<KtReviewDetail>('/api/keytasks/reviews', { planId, heldOn: '2026-07-01', title: '第二季度重点任务调度会' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.items).toHaveLength(3);
    expect(r.body.items.map((i) => [i.taskId, i.needsDecision])).toEqual([
      [ids[1], true],
      [ids[2], true],
      [ids[0], false],
    ]);
    expect(r.body.items.find((i) => i.taskId === ids[0])!.risks).toBe('个别社区书记缺配');
    const rid = r.body.id;
    expect((await streetA.get(`/api/keytasks/reviews/${rid}`)).status).toBe(404);
    const early = await dept.post<Err>(`/api/keytasks/reviews/${rid}/hold`, { attendees: '区委组织部、各街道', minutes: '会议听取汇报' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('尚未作出决定');
    expect((await dept.put<Err>(`/api/keytasks/reviews/${rid}/items/${ids[1]}`, { kind: 'new_deadline', text: '延期' })).status).toBe(400);
    await dept.put(`/api/keytasks/reviews/${rid}/items/${ids[1]}`, { kind: 'new_deadline', text: '受施工影响，同意延期', newDeadline: '2027-03-31' });
    await dept.put(`/api/keytasks/reviews/${rid}/items/${ids[0]}`, { kind: 'support', text: '组织部协调选派社区书记' });
    await dept.put(`/api/keytasks/reviews/${rid}/items/${ids[2]}`, { kind: 'escalate', text: '由区委组织部直接牵头' });
    const held = await dept.post<KtReviewDetail>(`/api/keytasks/reviews/${rid}/hold`, {
      attendees: '区委组织部、各街道',
      minutes: '会议逐项听取汇报并作出决定',
    });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.state).toBe('held');
    expect((await dept.put<Err>(`/api/keytasks/reviews/${rid}/items/${ids[0]}`, { kind: 'continue', text: 'x' })).status).toBe(409);
    const b = await detail(dept, ids[1]!);
    expect(b.deadline).toBe('2027-03-31');
    expect(b.changes).toMatchObject([{ field: 'deadline', before: '2026-12-31', after: '2027-03-31', reviewId: rid }]);
    expect(b.changes[0]!.decision).toContain('同意延期');
    const decA = (await todos(streetA)).filter((x) => x.source === 'keytask.decision');
    expect(decA).toHaveLength(1);
    expect(decA[0]).toMatchObject({ dueDate: '2026-07-16', link: `/keytasks/tasks/${ids[0]}` });
    expect((await todos(streetB)).filter((x) => x.source === 'keytask.decision')).toHaveLength(1);
    const done = await streetA.post<D>(`/api/keytasks/tasks/${ids[0]}/decisions/${rid}/done`, { note: '已选派到位' });
    expect(done.status).toBe(200);
    expect(done.body.decisions[0]).toMatchObject({ doneOn: '2026-07-01', doneNote: '已选派到位' });
    expect((await todos(streetA)).filter((x) => x.source === 'keytask.decision')).toHaveLength(0);
    const docx = await dept.get(`/api/keytasks/reviews/${rid}/briefing.docx`);
    expect(docx.status).toBe(200);
    expect(docx.raw.subarray(0, 2).toString()).toBe('PK');
    const minutes = await dept.get(`/api/keytasks/reviews/${rid}/minutes.docx`);
    expect(minutes.status).toBe(200);
    const xlsx = await openXlsx((await dept.get(`/api/keytasks/reviews/${rid}/briefing.xlsx`)).raw);
    expect(xlsx.worksheets[0]!.getRow(1).values).toContain('会议决定');
  });

  it('accepts against the standard: below the pass score it returns to the lead; accountability only for late or failed tasks', async () => {
    const d = await detail(streetA, ids[0]!);
    await streetA.post(`/api/keytasks/tasks/${ids[0]}/progress`, {
      reportedOn: '2026-07-01',
      percent: 100,
      subtaskId: d.subtasks[1]!.id,
      narrative: '全部整顿到位',
    });
    const done = await streetA.post<D>(`/api/keytasks/tasks/${ids[0]}/complete`, { note: '全部完成' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.state).toBe('completed');
    expect((await todos(dept)).filter((x) => x.source === 'keytask.acceptance')).toHaveLength(1);
    const early = await dept.post<Err>(`/api/keytasks/tasks/${ids[0]}/accountability`, {
      level: 'remind',
      subject: '甲街道',
      reason: 'x',
      decidedBy: '区委组织部',
      decidedOn: '2026-07-01',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.details?.rule).toBe('kt-accountability-when');
    const fail = await dept.post<D>(`/api/keytasks/tasks/${ids[0]}/accept`, { score: 70, opinion: '台账不全', acceptedOn: '2026-07-01' });
    expect(fail.body).toMatchObject({ state: 'assigned', acceptances: [{ passed: false, score: 70 }] });
    const acc = await dept.post<D>(`/api/keytasks/tasks/${ids[0]}/accountability`, {
      level: 'interview',
      subject: '甲街道党建办 王敏',
      reason: '验收不通过，台账不全',
      decidedBy: '区委组织部',
      decidedOn: '2026-07-01',
    });
    expect(acc.status).toBe(200);
    expect(acc.body.accountability).toMatchObject([{ level: 'interview' }]);
    // the office does not read the accountability record
    expect((await detail(streetA, ids[0]!)).accountability).toEqual([]);
    await streetA.post(`/api/keytasks/tasks/${ids[0]}/complete`, { note: '补齐台账' });
    const pass = await dept.post<D>(`/api/keytasks/tasks/${ids[0]}/accept`, { score: 92, opinion: '达到验收标准', acceptedOn: '2026-07-01' });
    expect(pass.body).toMatchObject({ state: 'accepted', status: 'accepted', progress: 100 });
    expect(pass.body.history.map((h) => h.action)).toEqual(['publish', 'assign', 'complete', 'reject', 'complete', 'accept']);
    // 验收材料: the plan's committee adds them to an acceptance; the office below reads them but may not add
    expect(pass.body.can.acceptanceFiles).toBe(true);
    expect((await detail(streetA, ids[0]!)).can.acceptanceFiles).toBe(false);
    const passed = pass.body.acceptances.find((a) => a.passed)!;
    const evidence = await upload(dept, `/api/keytasks/tasks/${ids[0]}/acceptances/${passed.id}/attachments`, pdfBytes(), '验收报告.pdf');
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(200);
    const refused = await upload(streetA, `/api/keytasks/tasks/${ids[0]}/acceptances/${passed.id}/attachments`, pdfBytes(), '补充.pdf');
    expect(refused.status).toBe(403);
    expect((await detail(streetA, ids[0]!)).acceptances.find((a) => a.passed)!.files.map((f) => f.fileName)).toEqual(['验收报告.pdf']);
    const plan = (await dept.get<KtPlanSummary>(`/api/keytasks/plans/${planId}`)).body;
    expect(plan.figures).toMatchObject({ tasks: 3, accepted: 1 });
  });

  it('sends milestone and decision reminders once per stage, however often the sweep runs', async () => {
    await dept.post(`/api/keytasks/plans/${planId}/tasks`, { ...task('下半年新增任务'), milestones: [{ title: '形成方案', dueOn: '2026-07-05' }] });
    const n = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from notification where dedupe_key like 'keytask.%'`))!.n;
    const before = await n();
    await server.sweepKeyTasks();
    expect(await n()).toBe(before); // unclaimed: nobody to remind yet
    const list = (await dept.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${planId}&q=下半年`)).body.items;
    const cl = await streetB.post<D>(`/api/keytasks/tasks/${list[0]!.id}/claims`, claim('李强'));
    await dept.post(`/api/keytasks/tasks/${list[0]!.id}/claims/${cl.body.claims[0]!.id}/decide`, { confirm: true });
    await server.sweepKeyTasks();
    const once = await n();
    expect(once).toBeGreaterThan(before);
    await server.sweepKeyTasks();
    expect(await n()).toBe(once);
    setToday('2026-07-06');
    await server.sweepKeyTasks();
    expect(await n()).toBeGreaterThan(once); // the overdue stage is a new message
  });
});
