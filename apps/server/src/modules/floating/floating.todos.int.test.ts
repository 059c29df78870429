import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FloatingRecord, LostContactRecord, Member, TodoPage } from '@jiceng/contracts';
import { chinaDate, type Clock } from '../../platform/clock.ts';
import { buildMember, ENGINES, login, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/** A clock the test moves forward (noon in China on `day`). */
function movableClock(day: string) {
  let at = new Date(`${day}T04:00:00Z`);
  const clock: Clock = { now: () => new Date(at), today: () => chinaDate(at) };
  return { clock, set: (d: string) => void (at = new Date(`${d}T04:00:00Z`)) };
}

describe.each(ENGINES)('floating and lost-contact to-dos on a fixed clock (%s)', (engine) => {
  const time = movableClock('2026-05-22');
  let server: TestServer;
  let t: SeededTree;
  let accounts: Record<string, Client>;
  let floating: FloatingRecord;
  let lostMember: Member;
  let lost: LostContactRecord;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock: time.clock });
    t = await seedTree(server);
    const names = ['streetA', 'streetB', 'communityA1', 'secA1a', 'supA', 'memberA1a'];
    accounts = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(server, n)] as const)));
    const sec = accounts.secA1a!;
    const away = (await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name: '冯外出' }))).body;
    lostMember = (await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name: '陈失联' }))).body;
    floating = (await sec.post<FloatingRecord>('/api/floating', { memberId: away.id, destinationPlace: '江苏省无锡市', destinationOrgId: t.branchB1a, reason: 'work', contactPhone: '13800001234', leftDate: '2026-05-22', certNo: '流证2026009', certValidUntil: '2026-08-31' })).body;
    lost = (await sec.post<LostContactRecord>('/api/lost-contact', { memberId: lostMember.id, lastContactDate: '2026-05-22', measures: '电话停机，走访无人' })).body;
  });
  afterAll(() => server.close());

  const todos = async (account: string, source: string) => {
    const res = await accounts[account]!.get<TodoPage>(`/api/todos?source=${source}&pageSize=200`);
    return res.status === 200 ? res.body.items : [];
  };
  const keys = async (account: string, source: string) => (await todos(account, source)).map((x) => x.key);

  it('asks the destination to register (凡进必登) and then the home branch to confirm (凡登必核)', async () => {
    expect(await keys('streetB', 'floating.pending')).toEqual([`floating.pending:${floating.id}`]);
    expect(await keys('secA1a', 'floating.pending')).toEqual([]);
    await accounts.streetB!.post(`/api/floating/${floating.id}/arrival`, { date: '2026-05-22', contactPerson: '褚书记' });
    expect(await keys('streetB', 'floating.pending')).toEqual([]);
    expect(await keys('secA1a', 'floating.pending')).toEqual([`floating.pending:${floating.id}`]);
    await accounts.secA1a!.post(`/api/floating/${floating.id}/verify`, { date: '2026-05-22' });
    expect(await keys('secA1a', 'floating.pending')).toEqual([]);
  });

  it('proposes a formal transfer from six months at the destination, to the home side with member:write only', async () => {
    time.set('2026-11-21');
    expect(await keys('secA1a', 'floating.six_months')).toEqual([]);
    time.set('2026-11-22');
    const [todo] = await todos('secA1a', 'floating.six_months');
    expect(todo).toMatchObject({ key: `floating.six_months:${floating.id}`, dueDate: '2026-11-22', orgId: t.branchA1a, link: `/transfers?memberId=${floating.memberId}` });
    expect(todo!.title).toBe('冯外出：流动满 6 个月，建议转接组织关系');
    for (const a of ['streetA', 'communityA1']) expect(await keys(a, 'floating.six_months')).toEqual([todo!.key]);
    for (const a of ['streetB', 'supA', 'memberA1a']) expect(await keys(a, 'floating.six_months')).toEqual([]);
  });

  it('reports an expired 活动证 the day after its last valid day', async () => {
    time.set('2026-08-31');
    expect(await keys('secA1a', 'floating.cert_expired')).toEqual([]);
    time.set('2026-09-01');
    expect(await keys('secA1a', 'floating.cert_expired')).toEqual([`floating.cert_expired:${floating.id}`]);
    expect(await keys('streetB', 'floating.cert_expired')).toEqual([]);
  });

  it('proposes 停止党籍 after 6 months without contact, for the member’s side only, and changes nothing itself', async () => {
    time.set('2026-11-21');
    expect(await keys('secA1a', 'member.lost_contact')).toEqual([]);
    time.set('2026-11-22');
    const [todo] = await todos('secA1a', 'member.lost_contact');
    expect(todo).toMatchObject({ key: `member.lost_contact:${lost.id}:suspend`, dueDate: '2026-11-22', link: `/members/${lostMember.id}?tab=status` });
    expect(todo!.title).toBe('陈失联：失联满 6 个月，建议停止党籍');
    expect(await keys('streetA', 'member.lost_contact')).toEqual([todo!.key]);
    for (const a of ['streetB', 'supA', 'memberA1a']) expect(await keys(a, 'member.lost_contact')).toEqual([]);
    expect((await accounts.secA1a!.get<Member>(`/api/members/${lostMember.id}`)).body.status).toBe('full');
  });

  it('after people decide 停止党籍, proposes 除名 only when still lost 2 years later', async () => {
    time.set('2026-11-25');
    const suspended = await accounts.secA1a!.post<Member>(`/api/members/${lostMember.id}/events`, { event: 'suspend', date: '2026-11-25', reason: '失联超过六个月，经支委会研究停止党籍' });
    expect(suspended.body.status).toBe('suspended');
    expect(await keys('secA1a', 'member.lost_contact')).toEqual([]);
    time.set('2028-11-24');
    expect(await keys('secA1a', 'member.lost_contact')).toEqual([]);
    time.set('2028-11-25');
    const [todo] = await todos('secA1a', 'member.lost_contact');
    expect(todo).toMatchObject({ key: `member.lost_contact:${lost.id}:remove`, dueDate: '2028-11-25' });
    expect(todo!.title).toBe('陈失联：失联且停止党籍满 2 年，建议除名');
    expect(await keys('streetB', 'member.lost_contact')).toEqual([]);
    expect((await accounts.secA1a!.get<Member>(`/api/members/${lostMember.id}`)).body.status).toBe('suspended');
  });

  it('drops the to-dos once floating ends and contact is found', async () => {
    await accounts.secA1a!.post(`/api/floating/${floating.id}/return`, { date: '2028-11-25' });
    await accounts.secA1a!.post(`/api/lost-contact/${lost.id}/found`, { date: '2028-11-25', note: '本人回到社区' });
    for (const s of ['floating.six_months', 'floating.cert_expired', 'member.lost_contact']) expect(await keys('secA1a', s)).toEqual([]);
  });
});
