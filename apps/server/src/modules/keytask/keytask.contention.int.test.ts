import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KtPlanSummary, KtReviewDetail, KtTaskDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { loginDepartment } from './keytask.fixtures.ts';

const claim = (unitName: string) => ({ role: 'lead', unitName, ownerName: '责任人', post: '主任', duty: '牵头推进' });

/**
 * 重点任务 under contention: a task has exactly one confirmed lead however many confirmations race
 * (the workflow's conditional update open → assigned, and the unique index on confirmed leads), one
 * department's claim is recorded once, and a 调度会 is held once.
 */
describe.each(ENGINES)('重点任务 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let dept: Client;
  let streetA: Client;
  let streetB: Client;
  let planId: string;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const newTask = async (title: string) =>
    (
      await dept.post<KtTaskDetail>(`/api/keytasks/plans/${planId}/tasks`, {
        category: '基层治理',
        title,
        target: '完成',
        deadline: '2026-12-31',
        acceptanceStandard: '合格',
        weight: 1,
      })
    ).body.id;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    dept = await loginDepartment(server, t);
    [streetA, streetB] = (await Promise.all([login(server, 'streetA'), login(server, 'streetB')])) as [Client, Client];
    planId = (await dept.post<KtPlanSummary>('/api/keytasks/plans', { orgId: t.rootId, year: 2026, title: '并发计划' })).body.id;
    await newTask('先建一个');
    await dept.post(`/api/keytasks/plans/${planId}/publish`, {});
  });
  afterAll(() => server.close());

  it('12 lead claims confirmed at once: one lead, one 已落实 step, the others told the task has its lead', async () => {
    const id = await newTask('单一牵头');
    for (let i = 0; i < 12; i++) await (i % 2 ? streetA : streetB).post(`/api/keytasks/tasks/${id}/claims`, claim(`科室${i}`));
    const claims = (await dept.get<KtTaskDetail>(`/api/keytasks/tasks/${id}`)).body.claims;
    expect(claims).toHaveLength(12);
    await race(12, (i) => dept.post(`/api/keytasks/tasks/${id}/claims/${claims[i]!.id}/decide`, { confirm: true }), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    expect(await count(sql`select count(*)::int as n from kt_claim where task_id = ${id} and role = 'lead' and state = 'confirmed'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from kt_claim where task_id = ${id} and state = 'pending'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'assign'`)).toBe(1);
    const d = (await dept.get<KtTaskDetail>(`/api/keytasks/tasks/${id}`)).body;
    expect(d.state).toBe('assigned');
    expect(d.claims.filter((c) => c.state === 'declined')).toHaveLength(11);
  });

  it('one claim confirmed 10 times at once, and one department claiming 10 times at once: each once', async () => {
    const id = await newTask('同一认领');
    await streetA.post(`/api/keytasks/tasks/${id}/claims`, claim('党建办'));
    const c = (await dept.get<KtTaskDetail>(`/api/keytasks/tasks/${id}`)).body.claims[0]!;
    await race(10, () => dept.post(`/api/keytasks/tasks/${id}/claims/${c.id}/decide`, { confirm: true }), { successes: 1, refusals: ['CONFLICT'] });
    const other = await newTask('重复认领');
    await race(10, () => streetB.post(`/api/keytasks/tasks/${other}/claims`, claim('党建办')), { successes: 1, refusals: ['CONFLICT'] });
    expect(await count(sql`select count(*)::int as n from kt_claim where task_id = ${other}`)).toBe(1);
  });

  it('a 调度会 held twice at once is held once', async () => {
    const r = (await dept.post<KtReviewDetail>('/api/keytasks/reviews', { planId, heldOn: '2026-11-20', title: '并发调度会' })).body;
    for (const i of r.items.filter((x) => x.needsDecision))
      await dept.put(`/api/keytasks/reviews/${r.id}/items/${i.taskId}`, { kind: 'continue', text: '继续推进' });
    await race(6, () => dept.post(`/api/keytasks/reviews/${r.id}/hold`, { attendees: '各单位', minutes: '纪要' }), {
      successes: 1,
      refusals: ['CONFLICT', 'STALE_VERSION'],
    });
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'kt_review.hold' and entity_id = ${r.id}`)).toBe(1);
  });
});
