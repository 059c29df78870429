import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoPage } from '@jiceng/contracts';
import { buildMember, ENGINES, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * The training shortfall to-do in the read model (the test clock stands on 2026-11-22, inside the
 * reminder window): a branch with a member short of the minimum has one; hours recorded for that
 * member take it away at the next read, as a full rebuild would.
 */
describe.each(ENGINES)('training shortfall to-dos (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  const shortfall = async () =>
    (await t.admin.get<TodoPage>('/api/todos?source=training.shortfall&pageSize=100')).body.items.filter((x) => x.orgId === t.branchB1a);
  const same = async () => {
    const incremental = await server.todos.store.rows();
    await server.todos.store.rebuild(server.clock.today());
    expect(await server.todos.store.rows()).toEqual(incremental);
  };

  it('follows attendance and session hours as they are recorded', async () => {
    const m = await t.admin.post<{ id: string }>('/api/members', buildMember(t.branchB1a, { name: '学时人' }));
    expect(m.status).toBe(201);
    expect(await shortfall()).toMatchObject([{ severity: 'due_soon', dueDate: '2026-12-31', title: '乙一社区第一党支部：2026年度培训学时未达标 1 人' }]);
    await same();
    const s = await t.admin.post<{ id: string; version: number }>('/api/training/sessions', {
      orgId: t.branchB1a,
      kind: 'rotation',
      title: '集中轮训',
      startDate: '2026-06-01',
      endDate: '2026-06-05',
      hours: 10,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(
      (await t.admin.post(`/api/training/sessions/${s.body.id}/attendance`, { records: [{ memberId: m.body.id, status: 'attended' }] })).status,
    ).toBeLessThan(300);
    expect(await shortfall()).toHaveLength(1);
    // the session turns out to have been 40 学时: its attendee is no longer short
    expect((await t.admin.patch(`/api/training/sessions/${s.body.id}`, { hours: 40, version: s.body.version })).status).toBe(200);
    expect(await shortfall()).toEqual([]);
    await same();
  });
});
