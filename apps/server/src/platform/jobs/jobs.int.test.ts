import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoPage } from '@jiceng/contracts';
import { ENGINES, login, startSeeded, type SeededTree, type TestServer } from '../../test/harness.ts';
import { cronEvery, startJobs } from './jobs.ts';

describe.each(ENGINES)('jobs and term alarms (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
  });
  afterAll(() => server.close());

  it('runs a scheduled job through pg-boss on this engine', async () => {
    let resolveRan!: () => void;
    const ran = new Promise<void>((r) => (resolveRan = r));
    const runner = await startJobs(server.db, [{ name: 'test-job', cron: cronEvery(60), run: async () => resolveRan() }], () => undefined);
    try {
      await ran;
    } finally {
      await runner.stop();
    }
  });

  it('notifies the responsible accounts of a term alarm exactly once', async () => {
    const admin = t.admin;
    expect((await admin.post(`/api/orgs/${t.branchA1b}/terms`, { termNo: 1, startDate: '2019-01-01', endDate: '2021-12-31' })).status).toBe(201);
    const sent = await server.sweepTerms();
    expect(sent).toBeGreaterThan(0);
    expect(await server.sweepTerms()).toBe(0);
    const community = await login(server, 'communityA1');
    const inbox = await community.get<{ items: { title: string; id: string }[]; unread: number }>('/api/notifications');
    const alarm = inbox.body.items.find((n) => n.title.includes('甲一社区第二党支部'));
    expect(alarm?.title).toMatch(/严重逾期/);
    expect(inbox.body.unread).toBeGreaterThan(0);
    expect((await community.post(`/api/notifications/${alarm!.id}/read`)).status).toBe(200);
    expect((await community.get<{ unread: number }>('/api/notifications')).body.unread).toBe(inbox.body.unread - 1);
    // another street's accounts hear nothing of it
    const streetB = await login(server, 'streetB');
    const other = await streetB.get<{ items: { title: string }[] }>('/api/notifications');
    expect(other.body.items.some((n) => n.title.includes('甲一社区第二党支部'))).toBe(false);
    // someone else's notification is not found
    expect((await streetB.post(`/api/notifications/${alarm!.id}/read`)).status).toBe(404);
  });

  it('lists term problems as to-dos in scope only, the most pressing first', async () => {
    await t.admin.post(`/api/orgs/${t.branchB1a}/terms`, { termNo: 1, startDate: '2023-01-01', endDate: '2027-01-31' });
    const streetB = await login(server, 'streetB');
    const todos = await streetB.get<TodoPage>('/api/todos?pageSize=200');
    expect(todos.body.items.find((x) => x.key === `org.term:${t.branchB1a}`)).toMatchObject({ severity: 'due_soon', dueDate: '2027-01-31' });
    expect(todos.body.items.some((x) => x.key === `org.term:${t.branchA1b}`)).toBe(false);
    // deadlines (overdue, due soon, later), then warnings; the earliest due date first
    const rank = { overdue: 0, due_soon: 1, open: 2, alert: 3, incomplete: 4 } as const;
    const all = (await t.admin.get<TodoPage>('/api/todos?pageSize=200')).body.items.map((x) => `${rank[x.severity]} ${x.dueDate ?? '-'}`);
    expect(all).toEqual([...all].sort());
  });
});
