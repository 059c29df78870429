import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MeetingDetail, MeetingSigninCode, MyMeeting, TodoPage } from '@jiceng/contracts';
import { buildMember, ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };
type D = MeetingDetail & Err;

/** 2026-11-22 12:00 in China: the clock the file starts on (moved for the sign-in window). */
const NOW = '2026-11-22T04:00:00Z';
const PASS = { attendance: 'met', topics: 'met', minutes: 'met', votes: 'met', signatures: 'met', attachments: 'partly' };

describe.each(ENGINES)('meetings: lifecycle, scope, sign-in, votes, review, amendments (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let sup: Client;
  let streetB: Client;
  let me: Client;
  let stranger: Client;
  const clock = movableClock(NOW);
  const members: Member[] = [];

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    [sec, sup, streetB] = await Promise.all([login(server, 'secA1a'), login(server, 'supA'), login(server, 'streetB')]);
    for (const [i, status] of (['full', 'full', 'full', 'full', 'probationary'] as const).entries()) {
      const over = status === 'probationary' ? { status, joinedDate: '2026-03-01', confirmedDate: null, appliedDate: '2024-01-01' } : { status };
      const res = await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name: `参会${'甲乙丙丁戊'[i]}`, ...over }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      members.push(res.body);
    }
    const other = await streetB.post<Member>('/api/members', buildMember(t.branchB1a, { name: '乙支部党员' }));
    await server.db.run(sql`update account set member_id = ${members[0]!.id} where username = 'memberA1a'`);
    await server.modules.account.bootstrap({
      username: 'otherMember',
      displayName: '乙支部党员',
      role: 'member',
      orgId: t.branchB1a,
      password: 'Test@2026pw',
      mustChangePassword: false,
    });
    await server.db.run(sql`update account set member_id = ${other.body.id} where username = 'otherMember'`);
    [me, stranger] = await Promise.all([login(server, 'memberA1a'), login(server, 'otherMember')]);
  });
  afterAll(() => server.close());

  const plan = (over: Record<string, unknown> = {}) =>
    sec.post<D>('/api/meetings', {
      orgId: t.branchA1a,
      type: 'branch_assembly',
      title: '十一月支部党员大会',
      topics: '学习全会精神；讨论发展党员',
      date: '2026-11-22',
      startTime: '12:10',
      endTime: '13:30',
      place: '社区党群服务中心',
      ...over,
    });
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;

  it('runs a meeting from plan to archive, with scope, sign-in window, quorum, review and amendments', async () => {
    const planned = await plan();
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toMatchObject({ state: 'plan', stateLabel: '计划', typeLabel: '支部党员大会', actions: ['notify', 'cancel'], version: 1 });
    expect(planned.headers.etag).toBe('"1"');
    const id = planned.body.id;
    expect((await streetB.get<Err>(`/api/meetings/${id}`)).status).toBe(404);
    expect((await streetB.post<Err>(`/api/meetings/${id}/notify`, {})).status).toBe(404);

    const noticed = await sec.post<D>(`/api/meetings/${id}/notify`, { version: 1 });
    expect(noticed.status, JSON.stringify(noticed.body)).toBe(200);
    expect(noticed.body.counts).toMatchObject({ expected: 5, present: 0, unmarked: 5 });
    expect(noticed.body.signinOpensAt).toBe('2026-11-22T03:40:00.000Z');
    expect((await me.get<MyMeeting[]>('/api/me/meetings')).body.map((m) => m.id)).toContain(id);
    const notices = await me.get<TodoPage>('/api/todos?source=meeting.notice');
    expect(notices.body.items.map((x) => x.key)).toEqual([`meeting.notice:${id}`]);
    expect(notices.body.items[0]).toMatchObject({ nature: 'deadline', severity: 'due_soon', dueDate: '2026-11-22' });
    expect(await count(sql`select count(*)::int as n from notification n join account a on a.id = n.account_id where a.username = 'memberA1a'`)).toBe(1);

    const code = (await sec.get<MeetingSigninCode>(`/api/meetings/${id}/signin`)).body;
    expect(code.code).toMatch(/^[2-9A-Z]{6}$/);
    expect(code.qrSvg).toContain('<svg');
    const signed = await me.post<{ status: string; message: string } & Err>('/api/me/meetings/signin', { code: code.code.toLowerCase() });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', message: '签到成功' });
    expect((await me.post<{ status: string }>('/api/me/meetings/signin', { token: code.token })).body.status).toBe('already');
    const outsider = await stranger.post<Err>('/api/me/meetings/signin', { code: code.code });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(/不在本次会议的应到人员名单中/);

    // an hour later the window (30 minutes after the start) is closed: the secretary's 补签 still works
    clock.advance(3600);
    const late = await stranger.post<Err>('/api/me/meetings/signin', { code: code.code });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^签到已结束/);
    clock.advance(-3600);

    const early = await sec.post<D>(`/api/meetings/${id}/hold`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/会议尚未开始/);
    clock.advance(15 * 60);
    const att = (i: number) => noticed.body.attendees.find((a) => a.memberId === members[i]!.id)!.id;
    expect((await sec.post<D>(`/api/meetings/${id}/attendance`, { attendeeId: att(1), attendance: 'present' })).body.counts.present).toBe(2);
    expect((await sec.post<D>(`/api/meetings/${id}/attendance`, { attendeeId: att(2), attendance: 'leave' })).status).toBe(400);
    expect((await sec.post<D>(`/api/meetings/${id}/attendance`, { attendeeId: att(2), attendance: 'leave', reason: '出差' })).body.counts.leave).toBe(1);
    const held = await sec.post<D>(`/api/meetings/${id}/hold`, {});
    expect(held.body.state).toBe('held');

    // 4 entitled (the 预备党员 has no vote), 2 present: no quorum, the vote is recorded as void
    const vote = (body: Record<string, unknown>) =>
      sec.post<D>(`/api/meetings/${id}/votes`, {
        motion: '接收张某为预备党员',
        kind: 'resolution',
        method: 'show_of_hands',
        yes: 2,
        no: 0,
        abstain: 0,
        ...body,
      });
    const noQuorum = await vote({});
    expect(noQuorum.body.votes[0]).toMatchObject({ entitled: 4, entitledPresent: 2, quorumMet: false, passed: false });
    expect((await vote({ yes: 3 })).body.error.message).toMatch(/超过到会有表决权的 2 人/);
    await sec.post(`/api/meetings/${id}/attendance`, { attendeeId: att(3), attendance: 'present' });
    const short = await vote({ yes: 2, no: 1 });
    expect(short.body.votes[1]).toMatchObject({ entitledPresent: 3, quorumMet: true, passed: false });
    const passed = await vote({ yes: 3 });
    expect(passed.body.votes[2]).toMatchObject({ quorumMet: true, passed: true });
    expect((await sec.del<D>(`/api/meetings/${id}/votes/${passed.body.votes[0]!.id}`)).body.votes).toHaveLength(2);
    expect(
      (await sec.post<D>(`/api/meetings/${id}/votes`, { motion: '支委会决定', kind: 'committee', method: 'show_of_hands', yes: 1, no: 0, abstain: 0 })).status,
    ).toBe(400);

    const rec = { hostName: '王书记', recorderName: '李委员', speakersPoints: '大家结合工作谈了学习体会', decisions: '同意接收张某为预备党员' };
    const current = (await sec.get<D>(`/api/meetings/${id}`)).body.version;
    expect((await sec.put<D>(`/api/meetings/${id}/record`, rec)).status).toBe(428);
    const stale = await sec.put<D>(`/api/meetings/${id}/record`, { ...rec, version: current - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const recorded = await sec.put<D>(`/api/meetings/${id}/record`, { ...rec, version: current });
    expect(recorded.body).toMatchObject({ state: 'recorded', counts: { expected: 5, present: 3, leave: 1, absent: 1, unmarked: 0 } });
    expect((await sec.post<D>(`/api/meetings/${id}/submit`, {})).body.state).toBe('submitted');

    expect((await sup.get<TodoPage>('/api/todos?source=meeting.review')).body.items.map((x) => x.key)).toContain(`meeting.review:${id}`);
    expect((await streetB.post<D>(`/api/meetings/${id}/approve`, { marks: PASS })).status).toBe(404);
    expect((await sec.post<D>(`/api/meetings/${id}/approve`, { marks: PASS })).status).toBe(403);
    const failing = await sup.post<D>(`/api/meetings/${id}/approve`, { marks: { ...PASS, signatures: 'partly' } });
    expect(failing.status).toBe(409);
    expect(failing.body.error.message).toMatch(/会议记录签字.*不能审核通过/);
    expect((await sup.post<D>(`/api/meetings/${id}/return`, {})).status).toBe(400);
    const returned = await sup.post<D>(`/api/meetings/${id}/return`, { reason: '缺少签到表照片', marks: { ...PASS, attachments: 'not_met' } });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '缺少签到表照片' });
    expect((await sec.get<TodoPage>('/api/todos?source=meeting.returned')).body.items.map((x) => x.key)).toContain(`meeting.returned:${id}`);
    expect((await sec.post<D>(`/api/meetings/${id}/submit`, {})).body.state).toBe('submitted');
    const approved = await sup.post<D>(`/api/meetings/${id}/approve`, { marks: PASS, comment: '记录规范' });
    expect(approved.body).toMatchObject({ state: 'reviewed', reviewScore: 92.5, reviewPassed: true, editable: false });

    const edit = await sec.put<D>(`/api/meetings/${id}/record`, { ...rec, speakersPoints: '改写', version: approved.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/已审核通过，不能直接修改；如需更正/);
    expect((await sec.post<D>(`/api/meetings/${id}/attendance`, { attendeeId: att(4), attendance: 'present' })).status).toBe(409);
    const amended = await sec.post<D>(`/api/meetings/${id}/amendments`, {
      field: 'decisions',
      after: '同意接收张某为预备党员（表决 3 票赞成）',
      reason: '补充表决票数',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    expect(amended.body.amendments[0]).toMatchObject({ field: 'decisions', fieldLabel: '决议', before: rec.decisions, actorName: 'secA1a' });
    expect(amended.body.corrected.decisions).toBe('同意接收张某为预备党员（表决 3 票赞成）');
    expect(amended.body.decisions).toBe(rec.decisions);
    expect(
      (await sec.post<D>(`/api/meetings/${id}/amendments`, { field: 'decisions', after: '同意接收张某为预备党员（表决 3 票赞成）', reason: '重复' })).status,
    ).toBe(400);
    await expect(server.db.run(sql`update meeting_amendment set after = 'x'`)).rejects.toThrow();

    expect((await sup.post<D>(`/api/meetings/${id}/archive`, {})).body.state).toBe('archived');
    const detail = (await sec.get<D>(`/api/meetings/${id}`)).body;
    expect(detail.history.map((h) => h.action)).toEqual(['notify', 'hold', 'record', 'submit', 'return', 'submit', 'approve', 'archive']);
    expect(await count(sql`select count(*)::int as n from audit_log where entity = 'meeting' and entity_id = ${id} and action = 'meeting.approve'`)).toBe(1);
    const audit = await t.admin.get<{ items: { entityName: string }[] }>(`/api/audit?entity=meeting&entityId=${id}&action=meeting.amend`);
    expect(audit.body.items[0]?.entityName).toBe('十一月支部党员大会');
  });

  it('computes 应到 by type: the committee for 支委会, exactly two for 谈心谈话; refuses what does not fit', async () => {
    expect((await plan({ type: 'committee_meeting', title: '支委会' })).body.id).toBeDefined();
    const noCommittee = (await plan({ type: 'committee_meeting', title: '支委会二' })).body;
    const refused = await sec.post<D>(`/api/meetings/${noCommittee.id}/notify`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/没有在任的支部委员/);
    await sec.post(`/api/orgs/${t.branchA1a}/committee`, { personName: members[0]!.name, post: 'secretary', startDate: '2021-01-01' });
    await sec.post(`/api/orgs/${t.branchA1a}/committee`, { personName: '外单位委员', post: 'member', startDate: '2021-01-01' });
    const committee = await sec.post<D>(`/api/meetings/${noCommittee.id}/notify`, {});
    expect(committee.body.attendees.map((a) => [a.name, a.post, a.memberId !== null])).toEqual([
      [members[0]!.name, 'secretary', true],
      ['外单位委员', 'member', false],
    ]);
    expect((await plan({ type: 'heart_talk', title: '谈心', memberIds: [members[0]!.id] })).body.error.message).toBe('谈心谈话须选择谈话双方两人');
    const talk = await plan({ type: 'heart_talk', title: '谈心谈话', memberIds: [members[0]!.id, members[1]!.id], guests: ['社区书记'] });
    const talkNoticed = await sec.post<D>(`/api/meetings/${talk.body.id}/notify`, {});
    expect(talkNoticed.body.counts).toMatchObject({ expected: 2, guests: 1 });
    expect((await plan({ memberIds: [members[0]!.id] })).status).toBe(400);
    const community = await t.admin.post<D>('/api/meetings', {
      orgId: t.communityA1,
      type: 'theme_day',
      title: '主题党日',
      topics: '志愿服务',
      date: '2026-11-28',
      startTime: '09:00',
      endTime: '11:00',
    });
    expect(community.body.error.message).toMatch(/不是党支部/);
    expect((await plan({ orgId: t.branchB1a })).status).toBe(404);
    expect((await plan({ startTime: '14:00', endTime: '13:00' })).body.error.message).toBe('结束时间应晚于开始时间');
  });

  it('cancels only before the meeting is held, with a reason; a cancelled meeting’s code stops', async () => {
    const m = (await plan({ title: '待取消的会议' })).body;
    await sec.post(`/api/meetings/${m.id}/notify`, {});
    const code = (await sec.get<MeetingSigninCode>(`/api/meetings/${m.id}/signin`)).body.code;
    expect((await sec.post<D>(`/api/meetings/${m.id}/cancel`, {})).status).toBe(400);
    const cancelled = await sec.post<D>(`/api/meetings/${m.id}/cancel`, { reason: '与上级会议冲突' });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: '与上级会议冲突', actions: [] });
    expect((await me.post<Err>('/api/me/meetings/signin', { code })).status).toBe(400);
    const again = await sec.post<D>(`/api/meetings/${m.id}/cancel`, { reason: '再取消' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('会议当前为「已取消」，不能办理「取消会议」');
  });

  it('lists overdue meetings as to-dos: not held past the date, record not submitted within 7 days; exports the ledger', async () => {
    const past = (await plan({ title: '上月未开的会', date: '2026-10-20' })).body;
    const heldLate = (await plan({ title: '记录未交的会', date: '2026-11-10' })).body;
    await sec.post(`/api/meetings/${heldLate.id}/notify`, {});
    await sec.post(`/api/meetings/${heldLate.id}/hold`, {});
    const notHeld = await sec.get<TodoPage>('/api/todos?source=meeting.not_held');
    expect(notHeld.body.items.find((x) => x.key === `meeting.not_held:${past.id}`)).toMatchObject({ severity: 'overdue', dueDate: '2026-10-20' });
    const due = await sec.get<TodoPage>('/api/todos?source=meeting.record_due');
    expect(due.body.items.find((x) => x.key === `meeting.record_due:${heldLate.id}`)).toMatchObject({ severity: 'overdue', dueDate: '2026-11-17' });
    const overdue = await sec.get<{ items: { id: string }[] }>('/api/meetings?overdue=true&pageSize=200');
    expect(overdue.body.items.map((x) => x.id)).toEqual(expect.arrayContaining([past.id, heldLate.id]));
    expect((await streetB.get<{ total: number }>('/api/meetings')).body.total).toBe(0);
    const file = await sec.get<Buffer>('/api/meetings/export');
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('会议台账'));
    expect((await me.get('/api/meetings')).status).toBe(403);
  });

  it('throttles failed sign-ins per account in Chinese', async () => {
    await server.modules.account.bootstrap({
      username: 'guesser',
      displayName: '猜码者',
      role: 'member',
      orgId: t.branchA1a,
      password: 'Test@2026pw',
      mustChangePassword: false,
    });
    const guesser = await login(server, 'guesser');
    const tries = [];
    for (let i = 0; i < 11; i++) tries.push(await guesser.post<Err>('/api/me/meetings/signin', { code: 'ZZZZZZ' }));
    expect(tries.slice(0, 10).every((r) => r.status === 400 || r.status === 403 || r.status === 409)).toBe(true);
    expect(tries[10]!.status).toBe(429);
    expect(tries[10]!.body.error.message).toMatch(/签到尝试次数过多/);
  });
});
