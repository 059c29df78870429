import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { insertMeeting } from '../../test/meetings.ts';

type Inbox = { items: { title: string; body: string; link: string | null }[]; unread: number };

/**
 * The 三会一课 reminder sweep (job meeting-reminders, rule meeting-time-limits-2026: a record within
 * 7 days of the meeting): a meeting whose day passed unconfirmed, a record on its last day and one
 * past it reach the branch's 书记 once each — reruns send nothing again — and nobody else.
 */
describe.each(ENGINES)('meeting reminders (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let streetA: Client;
  const clock = movableClock('2026-11-22T04:00:00Z');

  const meeting = (orgId: string, title: string, date: string, state: string) => insertMeeting(server, { orgId, title, date, state });
  const inbox = async (c: Client) => (await c.get<Inbox>('/api/notifications')).body.items.map((n) => n.title).sort();
  const sweep = () => server.jobs.find((j) => j.name === 'meeting-reminders')!.run();

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    [sec, streetA] = await Promise.all([login(server, 'secA1a'), login(server, 'streetA')]);
  });
  afterAll(() => server.close());

  it('reminds the branch’s 书记 of each time limit once, as the days pass', async () => {
    const held = await meeting(t.branchA1a, '十一月主题党日', '2026-11-16', 'held');
    await meeting(t.branchA1a, '未召开的主题党日', '2026-11-20', 'notice');
    await meeting(t.branchA1a, '按期提交的主题党日', '2026-11-15', 'submitted');
    await meeting(t.branchA1b, '另一支部的主题党日', '2026-11-10', 'held');
    await meeting(t.branchA1a, '下周的主题党日', '2026-11-28', 'notice');

    await sweep();
    // 11-16 + 7 = 11-23: the record's last day is tomorrow, nothing yet for it
    expect(await inbox(sec)).toEqual(['会议逾期未召开：未召开的主题党日']);
    clock.advance(86_400);
    await sweep();
    await sweep();
    expect(await inbox(sec)).toEqual(['会议记录今日到期：十一月主题党日', '会议逾期未召开：未召开的主题党日']);
    clock.advance(86_400);
    await sweep();
    expect(await inbox(sec)).toEqual(['会议记录今日到期：十一月主题党日', '会议记录已逾期：十一月主题党日', '会议逾期未召开：未召开的主题党日']);
    const overdue = (await sec.get<Inbox>('/api/notifications')).body.items.find((n) => n.title.startsWith('会议记录已逾期'))!;
    expect(overdue.body).toContain('2026-11-23 前提交审核');
    expect(overdue.link).toBe(`/meetings?meetingId=${held}`);

    // submitted: no more reminders for it, and the others are not sent again
    await server.db.run(sql`update meeting set state = 'submitted' where region_id = ${server.regionId} and id = ${held}`);
    clock.advance(86_400);
    await sweep();
    expect(await inbox(sec)).toHaveLength(3);
    // a street account is not the branch's secretary: its 待办 shows the branches, its inbox is not filled
    expect(await inbox(streetA)).toEqual([]);
  });
});
