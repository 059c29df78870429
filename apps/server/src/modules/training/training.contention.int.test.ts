import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, TrainingSession } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * Training records racing each other: a member is recorded once per session however many sign-in
 * sheets arrive at once (the primary key and an upsert, never a 5xx), and form edits of one session
 * from one version have one winner.
 */
describe.each(ENGINES)('党员教育培训 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let streetA: Client;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [secA1a, streetA] = await Promise.all([login(server, 'secA1a'), login(server, 'streetA')]);
  });
  afterAll(() => server.close());

  const session = async () => {
    const res = await secA1a.post<TrainingSession>('/api/training/sessions', {
      kind: 'mobile_class',
      title: '流动课堂进社区',
      startDate: '2026-09-01',
      endDate: '2026-09-01',
      hours: 4,
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('20 concurrent records of the same member in one session: one row, no 5xx', async () => {
    const m = (await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, { name: '并发签到' }))).body;
    const s = await session();
    const statuses = ['attended', 'partial', 'absent'] as const;
    await race(
      20,
      (i) =>
        (i % 2 ? secA1a : streetA).post(`/api/training/sessions/${s.id}/attendance`, {
          records: [{ memberId: m.id, status: statuses[i % 3], ...(i % 3 === 1 ? { hours: 2 } : {}) }],
        }),
      { successes: 20 },
    );
    expect(await count(sql`select count(*)::int as n from training_attendance where session_id = ${s.id} and member_id = ${m.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'training.attendance' and entity_id = ${s.id}`)).toBe(20);
    const row = await server.db.one<{ status: string; hours: number }>(
      sql`select status, hours::float8 as hours from training_attendance where session_id = ${s.id}`,
    );
    expect({ attended: 4, partial: 2, absent: 0 }[row!.status as 'attended']).toBe(row!.hours);
  });

  it('20 concurrent edits of one session from one version: one winner, the rest 409 STALE_VERSION', async () => {
    const s = await session();
    const { ok } = await race(20, (i) => (i % 2 ? secA1a : streetA).patch(`/api/training/sessions/${s.id}`, { title: `并发修改${i}`, version: 1 }), {
      successes: 1,
      refusals: ['STALE_VERSION'],
    });
    const after = await secA1a.get<TrainingSession>(`/api/training/sessions/${s.id}`);
    expect([after.body.version, after.body.title]).toEqual([2, (ok[0]!.body as TrainingSession).title]);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'training.update' and entity_id = ${s.id}`)).toBe(1);
  });

  it('a session deleted while attendance arrives: no 5xx, nothing left behind', async () => {
    const m = (await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, { name: '删除并发' }))).body;
    const s = await session();
    await race(
      11,
      (i) =>
        i === 0
          ? secA1a.del(`/api/training/sessions/${s.id}`)
          : streetA.post(`/api/training/sessions/${s.id}/attendance`, { records: [{ memberId: m.id, status: 'attended' }] }),
      { successes: [1, 11], refusals: ['NOT_FOUND', 'CONFLICT'] },
    );
    expect(await count(sql`select count(*)::int as n from training_attendance where session_id = ${s.id}`)).toBe(0);
  });
});
