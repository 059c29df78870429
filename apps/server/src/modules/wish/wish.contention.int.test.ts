import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WishDetail } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { manyMemberClients } from '../../test/members.ts';

const WISH = { title: '一台助行器', description: '腿脚不便，想要一台助行器', beneficiary: '行动不便的独居老人', valueFen: 30_000 };

/**
 * 认领 racing itself: 200 党员 of one community claim the same wish at once — exactly one wins, the
 * other 199 get a Chinese 409 naming 已认领, and the row, the history and the audit log agree. The
 * requests go through HTTP as a phone's would (the 200 accounts: test/members.ts).
 */
describe.each(ENGINES)('微心愿 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let community: Client;
  const members: { client: Client; memberId: string }[] = [];
  let winnerId = '';
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    community = await login(server, 'communityA1');
    members.push(...(await manyMemberClients(server, 200, t.branchA1a)));
  });
  afterAll(() => server.close());

  const wish = async (title = WISH.title) => {
    const res = await community.post<WishDetail>('/api/wishes', { ...WISH, title });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  it('200 members claim one wish at once: exactly one 200, 199 Chinese 409s naming 已认领', async () => {
    const id = await wish();
    const { ok, refused } = await race(200, (i) => members[i]!.client.post(`/api/h5/wishes/${id}/claim`, {}), { successes: 1, refusals: ['CONFLICT'] });
    expect(refused).toHaveLength(199);
    for (const r of refused) expect((r.body as { error: { message: string } }).error.message).toMatch(/「已认领」/);
    const row = (await server.db.one<{ state: string; claimer_member_id: string }>(sql`select state, claimer_member_id from wish where id = ${id}`))!;
    expect(row.state).toBe('claimed');
    expect(ok[0]!.body).toMatchObject({ state: 'claimed', mine: true });
    expect(members.some((m) => m.memberId === row.claimer_member_id)).toBe(true);
    winnerId = row.claimer_member_id;
    expect(await count(sql`select count(*)::int as n from workflow_event where kind = 'wish' and record_id = ${id} and action = 'claim'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'wish.claim'`)).toBe(1);
  });

  it('one member claiming 6 wishes at once gets at most 3 (the open-claim limit holds under the race)', async () => {
    const me = members.filter((m) => m.memberId !== winnerId).at(-1)!;
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => wish(`同时认领的心愿${i}`)));
    await race(6, (i) => me.client.post(`/api/h5/wishes/${ids[i]}/claim`, {}), { successes: 3, refusals: ['RULE_VIOLATION'] });
    expect(await count(sql`select count(*)::int as n from wish where claimer_member_id = ${me.memberId} and state = 'claimed'`)).toBe(3);
  });

  it('a take-down racing claims: at most one claim wins, the take-down wins before or after it, no 5xx', async () => {
    const id = await wish('撤下与认领并发');
    const { answers, ok } = await race(
      21,
      (i) =>
        i === 0
          ? community.post(`/api/wishes/${id}/actions`, { action: 'cancel', reason: '重复发布' })
          : members[i]!.client.post(`/api/h5/wishes/${id}/claim`, {}),
      // 撤下 is legal from 已认领 too: a claim that got there first and the take-down after it both stand
      { successes: [1, 2], refusals: ['CONFLICT'] },
    );
    const events = await server.db.rows<{ action: string }>(sql`select action from workflow_event where kind = 'wish' and record_id = ${id}`);
    expect(events).toHaveLength(ok.length);
    expect(events.filter((e) => e.action === 'claim').length).toBeLessThanOrEqual(1);
    const state = (await server.db.one<{ state: string }>(sql`select state from wish where id = ${id}`))!.state;
    expect(state).toBe(answers[0]!.status === 200 ? 'cancelled' : 'claimed');
  });
});
