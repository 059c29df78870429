import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '@jiceng/contracts';
import { ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type D = MeetingDetail & { error: { code: string; message: string; details?: { fields?: { field: string }[] } } };

/** 书记讲党课: a 党课 planned as given by the branch's secretary is stored so (the compliance counts read it), only for 党课. */
describe.each(ENGINES)('meetings: 书记讲党课 (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock: movableClock('2026-11-22T04:00:00Z') });
    t = await seedTree(server);
    sec = await login(server, 'secA1a');
  });
  afterAll(() => server.close());

  const plan = (over: Record<string, unknown>) =>
    sec.post<D>('/api/meetings', {
      orgId: t.branchA1a,
      type: 'party_lecture',
      title: '十二月专题党课',
      topics: '学习党章',
      date: '2026-12-10',
      startTime: '09:00',
      endTime: '10:30',
      place: '党群服务中心',
      ...over,
    });
  const stored = async (id: string) => (await server.db.one<{ b: boolean }>(sql`select lecture_by_secretary as b from meeting where id = ${id}`))!.b;
  const counted = async () =>
    (await server.db.one<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from meeting_period_count where period_kind = 'year' and by_secretary`))!.n;

  it('stores it on a 党课, changes it with the plan, defaults to false and refuses it on other types', async () => {
    const lecture = await plan({ lectureBySecretary: true });
    expect(lecture.status, JSON.stringify(lecture.body)).toBe(201);
    expect(lecture.body.lectureBySecretary).toBe(true);
    expect(await stored(lecture.body.id)).toBe(true);
    expect(await counted()).toBe(1);

    const off = await sec.patch<D>(`/api/meetings/${lecture.body.id}`, { lectureBySecretary: false, version: lecture.body.version });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.lectureBySecretary).toBe(false);
    expect(await counted()).toBe(0);

    const plain = await plan({});
    expect(plain.body.lectureBySecretary).toBe(false);

    const wrong = await plan({ type: 'theme_day', title: '主题党日', lectureBySecretary: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('只有党课可以标记为书记讲党课');
    expect(wrong.body.error.details?.fields?.[0]?.field).toBe('lectureBySecretary');
  });
});
