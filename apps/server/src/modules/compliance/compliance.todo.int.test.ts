import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Todo, TodoPage } from '@jiceng/contracts';
import { ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { insertMeeting } from '../../test/meetings.ts';

/**
 * 组织生活待开展 in the to-do read model: what a branch has not yet done shows from the rule set's
 * due-soon days before the period's end, a miss stays overdue for the month after, a submitted
 * record or a subtree's own numbers change it at once, and the month's turn recomputes it.
 */
describe.each(ENGINES)('compliance to-dos (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  const clock = movableClock('2026-11-26T04:00:00Z');

  const meeting = (orgId: string, type: string, date: string, state: string) => insertMeeting(server, { orgId, type, date, state });
  const dueOf = async (orgId: string): Promise<Todo[]> =>
    (await streetA.get<TodoPage>('/api/todos?source=compliance.due&pageSize=100')).body.items.filter((x) => x.orgId === orgId);

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    await server.db.run(sql`update org set approval_date = '2015-03-01' where region_id = ${server.regionId}`);
    streetA = await login(server, 'streetA');
    await meeting(t.branchA1a, 'theme_day', '2026-11-10', 'submitted');
    await meeting(t.branchA1a, 'theme_day', '2026-10-10', 'reviewed');
  });
  afterAll(() => server.close());

  it('lists what is due before the month ends and what was missed last month, one to-do per organization', async () => {
    const [a1b, ...more] = await dueOf(t.branchA1b);
    expect(more).toEqual([]);
    // due on the earliest: October's miss makes it overdue
    expect(a1b).toMatchObject({
      severity: 'overdue',
      nature: 'deadline',
      dueDate: '2026-10-31',
      title: '组织生活未完成：甲一社区第二党支部',
      link: '/compliance',
    });
    expect(a1b!.detail).toMatch(/未完成：.*主题党日每月至少1次（2026-10-31，已开展0次）/);
    expect(a1b!.detail).toMatch(/到期前应完成：.*主题党日每月至少1次（2026-11-30，已开展0次）/);
    // A1a held its 主题党日 both months; the year's and the quarter's requirements are not in their due-soon days yet
    expect(await dueOf(t.branchA1a)).toEqual([]);
  });

  it('drops an item once its record is submitted', async () => {
    const id = await meeting(t.branchA1b, 'theme_day', '2026-11-25', 'held');
    expect((await dueOf(t.branchA1b))[0]!.detail).toMatch(/2026-11-30/);
    await server.db.run(sql`update meeting set state = 'submitted' where region_id = ${server.regionId} and id = ${id}`);
    expect((await dueOf(t.branchA1b))[0]!.detail).not.toMatch(/2026-11-30/);
  });

  it('follows a subtree’s own numbers from their date', async () => {
    const res = await streetA.post('/api/compliance/rules', {
      orgId: t.streetA,
      effectiveFrom: '2026-11-01',
      overrides: [{ requirementId: 'theme-day-monthly', minCount: 2 }],
      silentAfterDays: 30,
    });
    expect(res.status).toBe(201);
    const [nov] = await dueOf(t.branchA1a);
    expect(nov).toMatchObject({ severity: 'due_soon', dueDate: '2026-11-30', title: '组织生活待开展：甲一社区第一党支部' });
    expect(nov!.detail).toMatch(/主题党日每月至少2次（2026-11-30，已开展1次）/);
  });

  it('recomputes at the turn of the month: last month’s misses overdue, the one before gone', async () => {
    clock.advance(6 * 86_400);
    expect(clock.today()).toBe('2026-12-02');
    const a1b = await dueOf(t.branchA1b);
    expect(a1b.every((x) => !x.detail.includes('2026-10-31'))).toBe(true);
    // B1a held nothing: November's miss is overdue now
    const b = (await t.admin.get<TodoPage>('/api/todos?source=compliance.due&pageSize=100')).body.items.filter((x) => x.orgId === t.branchB1a);
    expect(b).toMatchObject([{ severity: 'overdue', dueDate: '2026-11-30' }]);
    const incremental = await server.todos.store.rows();
    await server.todos.store.rebuild(clock.today());
    expect(await server.todos.store.rows()).toEqual(incremental);
  });
});
