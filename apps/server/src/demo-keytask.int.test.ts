import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KtBoard, KtDashboard, KtPlanSummary, KtReviewSummary, KtTaskSummary, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_PASSWORD } from '../seeds/demo-accounts.ts';

/** The demo's 重点任务: a district plan in every state, lag on the owner's side, decisions and milestones on the offices'. */
describe.each(ENGINES)('demo key tasks (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  }, 240_000);
  afterAll(() => server.close());

  const as = (username: string) => login(server, username, DEMO_PASSWORD);
  const todos = async (u: string) =>
    (await (await as(u)).get<TodoPage>('/api/todos?kind=keytask&pageSize=200')).body.items.filter((x) => x.source.startsWith('keytask.'));

  it('shows the district plan with tasks in every state and status, and its dashboard', async () => {
    const zuzhibu = await as('zuzhibu');
    const plans = (await zuzhibu.get<{ items: KtPlanSummary[] }>('/api/keytasks/plans')).body.items;
    const plan = plans.find((p) => p.title.includes('全区'))!;
    expect(plan.figures.tasks).toBe(40);
    const tasks = (await zuzhibu.get<{ items: KtTaskSummary[] }>(`/api/keytasks/tasks?planId=${plan.id}&pageSize=200`)).body.items;
    expect(new Set(tasks.map((t) => t.state))).toEqual(new Set(['open', 'assigned', 'completed', 'accepted', 'cancelled']));
    expect(new Set(tasks.flatMap((t) => (t.status ? [t.status] : [])))).toEqual(new Set(['not_started', 'in_progress', 'lagging', 'completed', 'accepted']));
    expect(tasks.some((t) => t.lagReasons.some((r) => r.rule === 'kt-lag-deadline'))).toBe(true);
    const dash = (await zuzhibu.get<KtDashboard>(`/api/keytasks/plans/${plan.id}/dashboard`)).body;
    expect(dash.ranking.length).toBeGreaterThanOrEqual(4);
    expect(dash.timeline).toHaveLength(40);
    const reviews = (await zuzhibu.get<{ items: KtReviewSummary[] }>(`/api/keytasks/reviews?planId=${plan.id}`)).body.items;
    expect(new Set(reviews.map((r) => r.state))).toEqual(new Set(['held', 'draft']));
    const acc = await server.db.one<{ n: number }>(sql`select count(*)::int as n from kt_accountability`);
    expect(acc!.n).toBeGreaterThan(0);
    // the street sees the board, its own tasks in full and the others' without their progress
    const board = (await (await as('jiedao')).get<KtBoard>(`/api/keytasks/plans/${plan.id}/board`)).body;
    expect(board.tasks.some((t) => t.limited)).toBe(true);
    expect(board.tasks.some((t) => !t.limited && t.lead?.unitName === '孝陵街道党建办')).toBe(true);
  });

  it('gives the owner claims, lag and acceptance as to-dos, the offices their decisions and milestones', async () => {
    const owner = await todos('zuzhibu');
    expect(new Set(owner.map((t) => t.source))).toEqual(
      new Set(['keytask.claim', 'keytask.lagging', 'keytask.acceptance', 'keytask.milestone', 'keytask.decision']),
    );
    expect(owner.some((t) => t.source === 'keytask.lagging' && t.severity === 'overdue')).toBe(true);
    const street = await todos('jiedao');
    expect(street.some((t) => t.source === 'keytask.decision' && t.severity === 'overdue')).toBe(true);
    const community = await todos('shequ');
    expect(community.some((t) => t.source === 'keytask.milestone')).toBe(true);
  });
});
