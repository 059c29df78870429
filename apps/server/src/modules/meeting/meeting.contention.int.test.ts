import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, MeetingSigninCode, Member } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

const PASS = { attendance: 'met', topics: 'met', minutes: 'met', votes: 'met', signatures: 'met', attachments: 'met' };

/**
 * Meeting state changes racing each other: one winner each, Chinese 409 for the others, and the
 * history, the audit log and the row agree.
 */
describe.each(ENGINES)('meetings under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let sup: Client;
  let member: Member;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [sec, sup] = await Promise.all([login(server, 'secA1a'), login(server, 'supA')]);
    member = (await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name: '并发参会' }))).body;
  });
  afterAll(() => server.close());

  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  /** A meeting on `date` (before the test clock's day), noticed, and taken as far as `to`. */
  async function meeting(to: 'notice' | 'held' | 'submitted', date = '2026-11-20') {
    const m = (
      await sec.post<MeetingDetail>('/api/meetings', {
        orgId: t.branchA1a,
        type: 'party_lecture',
        title: '党课',
        topics: '党史学习',
        date,
        startTime: '09:00',
        endTime: '10:00',
      })
    ).body;
    await sec.post(`/api/meetings/${m.id}/notify`, {});
    if (to === 'notice') return m.id;
    await sec.post(`/api/meetings/${m.id}/hold`, {});
    if (to === 'held') return m.id;
    const v = (await sec.get<MeetingDetail>(`/api/meetings/${m.id}`)).body.version;
    await sec.put(`/api/meetings/${m.id}/record`, { hostName: '王书记', recorderName: '李委员', speakersPoints: '讲授党史', version: v });
    expect((await sec.post<MeetingDetail>(`/api/meetings/${m.id}/submit`, {})).body.state).toBe('submitted');
    return m.id;
  }

  it('20 concurrent approvals and returns of one record: exactly one wins, history and audit agree', async () => {
    const id = await meeting('submitted');
    const { ok } = await race(
      20,
      (i) => (i % 2 ? sup.post(`/api/meetings/${id}/approve`, { marks: PASS }) : sup.post(`/api/meetings/${id}/return`, { reason: '请补充照片' })),
      {
        successes: 1,
        refusals: ['CONFLICT'],
      },
    );
    const state = (await server.db.one<{ state: string }>(sql`select state from meeting where id = ${id}`))!.state;
    expect((ok[0]!.body as MeetingDetail).state).toBe(state);
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action in ('approve','return')`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action in ('meeting.approve','meeting.return')`)).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = ${`meeting.${state === 'reviewed' ? 'approve' : 'return'}`}`,
      ),
    ).toBe(1);
  });

  it('20 concurrent record saves from one version: one saved, the rest STALE_VERSION', async () => {
    const id = await meeting('held');
    const v = (await sec.get<MeetingDetail>(`/api/meetings/${id}`)).body.version;
    await race(20, (i) => sec.put(`/api/meetings/${id}/record`, { hostName: '王书记', recorderName: '李委员', speakersPoints: `第 ${i} 份记录`, version: v }), {
      successes: 1,
      refusals: ['CONFLICT', 'STALE_VERSION'],
    });
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${id} and action = 'record'`)).toBe(1);
  });

  it('10 concurrent sign-ins of one member and a cancel racing a notice: one attendance row, one winner', async () => {
    const id = await meeting('notice', '2026-11-22');
    await server.db.run(sql`update account set member_id = ${member.id} where username = 'memberA1a'`);
    const me = await login(server, 'memberA1a');
    const code = (await sec.get<MeetingSigninCode>(`/api/meetings/${id}/signin`)).body.code;
    // the meeting starts at 09:00 China time on the test day (01:00Z); the test clock (04:00Z) is past its window
    await server.db.run(sql`update signin_code set opens_at = '2026-11-21T00:00:00Z', closes_at = '2026-11-23T00:00:00Z' where record_id = ${id}`);
    // 10: the per-account attempt limit counts attempts in flight too
    const { ok } = await race(10, () => me.post<{ status: string }>('/api/me/meetings/signin', { code }), { successes: 10 });
    expect(ok.filter((r) => r.body.status === 'signed')).toHaveLength(1);
    expect(await count(sql`select count(*)::int as n from signin where record_id = ${id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from meeting_attendee where meeting_id = ${id} and attendance = 'present'`)).toBe(1);

    const other = await meeting('notice');
    await race(10, (i) => (i % 2 ? sec.post(`/api/meetings/${other}/cancel`, { reason: '临时取消' }) : sec.post(`/api/meetings/${other}/hold`, {})), {
      successes: 1,
      refusals: ['CONFLICT'],
    });
    expect(await count(sql`select count(*)::int as n from workflow_event where record_id = ${other} and action in ('cancel','hold')`)).toBe(1);
  });
});
