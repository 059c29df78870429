import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LostContactDetail, LostContactRecord, Member } from '@jiceng/contracts';
import { buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

describe.each(ENGINES)('lost-contact members over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;
  let secA1a: Client;
  let supA: Client;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [streetA, streetB, secA1a, supA] = await Promise.all([login(server, 'streetA'), login(server, 'streetB'), login(server, 'secA1a'), login(server, 'supA')]);
  });
  afterAll(() => server.close());

  const member = async (name = '吴失联') => (await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, { name }))).body;
  const record = async (memberId: string, lastContactDate = '2026-03-01') => {
    const res = await secA1a.post<LostContactRecord>('/api/lost-contact', { memberId, lastContactDate, measures: '多次电话联系未接通，上门走访无人' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const counts = async () => (await server.db.one<{ l: number; a: number }>(sql`select (select count(*)::int from lost_contact) as l, (select count(*)::int from lost_contact_attempt) as a`))!;

  it('records a loss of contact, the tries, and the day contact came back', async () => {
    const m = await member('郑失联');
    const r = await record(m.id, '2026-03-01');
    expect(r).toMatchObject({ status: 'lost', memberName: '郑失联', memberStatus: 'full', orgName: '甲一社区第一党支部', monthsLost: 8, proposal: 'suspend', proposalDueDate: '2026-09-01', attemptCount: 0 });
    const tried = await secA1a.post<LostContactRecord>(`/api/lost-contact/${r.id}/attempts`, { date: '2026-10-08', method: 'relatives', result: '其母亲称已外出务工，无联系方式' });
    expect(tried.body).toMatchObject({ attemptCount: 1, lastAttemptDate: '2026-10-08', lastContactDate: '2026-03-01' });
    const edited = await secA1a.patch<LostContactRecord>(`/api/lost-contact/${r.id}`, { measures: '电话、走访、联系亲属均未果' });
    expect(edited.body.measures).toBe('电话、走访、联系亲属均未果');
    const detail = await streetA.get<LostContactDetail>(`/api/lost-contact/${r.id}`);
    expect(detail.body.attempts).toEqual([expect.objectContaining({ date: '2026-10-08', method: 'relatives', actorName: 'secA1a' })]);
    const found = await secA1a.post<LostContactRecord>(`/api/lost-contact/${r.id}/found`, { date: '2026-11-20', note: '本人主动联系支部' });
    expect(found.body).toMatchObject({ status: 'found', foundDate: '2026-11-20', proposal: null, monthsLost: 8 });
    expect((await secA1a.post<Err>(`/api/lost-contact/${r.id}/found`, { date: '2026-11-21' })).status).toBe(400);
    expect((await secA1a.post<Err>(`/api/lost-contact/${r.id}/attempts`, { date: '2026-11-21', method: 'phone', result: '再次联系' })).status).toBe(400);
    // never a change of status: the member stays a full member throughout
    expect((await secA1a.get<Member>(`/api/members/${m.id}`)).body.status).toBe('full');
    const audit = await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${r.id}&pageSize=50`);
    expect(audit.body.items.map((a) => a.action).sort()).toEqual(['lost_contact.attempt', 'lost_contact.create', 'lost_contact.found', 'lost_contact.update']);
    // found: a new loss of contact may be recorded again
    await record(m.id, '2026-11-20');
  });

  it('lists open records first and filters by status', async () => {
    const list = await streetA.get<{ items: LostContactRecord[] }>('/api/lost-contact?status=lost&pageSize=200');
    expect(list.body.items.every((x) => x.status === 'lost')).toBe(true);
    expect((await streetB.get<{ items: LostContactRecord[]; total: number }>('/api/lost-contact')).body.total).toBe(0);
  });

  it('rejects bad input with Chinese messages and changes nothing', async () => {
    const m = await member();
    const r = await record(m.id);
    const before = await counts();
    const future = await secA1a.post<Err>('/api/lost-contact', { memberId: m.id, lastContactDate: '2026-12-01', measures: '电话联系' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('日期不能晚于今天');
    const short = await secA1a.post<Err>('/api/lost-contact', { memberId: m.id, lastContactDate: '2026-01-01', measures: '无' });
    expect(short.body.error.message).toMatch(/「已采取的联系措施」至少需要 2 个字符/);
    const dup = await secA1a.post<Err>('/api/lost-contact', { memberId: m.id, lastContactDate: '2026-01-01', measures: '电话联系' });
    expect(dup.status).toBe(409);
    const beforeContact = await secA1a.post<Err>(`/api/lost-contact/${r.id}/attempts`, { date: '2026-02-01', method: 'phone', result: '未接通' });
    expect(beforeContact.body.error.message).toBe('日期不能早于最后联系日期（2026-03-01）');
    const method = await secA1a.post<Err>(`/api/lost-contact/${r.id}/attempts`, { date: '2026-04-01', method: 'pigeon', result: '未接通' });
    expect(method.body.error.message).toMatch(/「联系方式」的取值不在允许范围内/);
    expect((await secA1a.patch<Err>(`/api/lost-contact/${r.id}`, { lastContactDate: '2027-01-01' })).status).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await secA1a.get<LostContactRecord>(`/api/lost-contact/${r.id}`)).body.lastContactDate).toBe('2026-03-01');
  });

  it('answers 403 without the permission and 404 outside the scope, for every route', async () => {
    const m = await member();
    const r = await record(m.id);
    expect((await supA.post('/api/lost-contact', { memberId: m.id, lastContactDate: '2026-01-01', measures: '电话联系' })).status).toBe(403);
    expect((await supA.post(`/api/lost-contact/${r.id}/found`, { date: '2026-11-01' })).status).toBe(403);
    expect((await supA.get(`/api/lost-contact/${r.id}`)).status).toBe(200);
    const other = await member();
    expect((await streetB.post('/api/lost-contact', { memberId: other.id, lastContactDate: '2026-01-01', measures: '电话联系' })).status).toBe(404);
    expect((await streetB.get(`/api/lost-contact/${r.id}`)).status).toBe(404);
    expect((await streetB.patch(`/api/lost-contact/${r.id}`, { measures: '越权修改' })).status).toBe(404);
    expect((await streetB.post(`/api/lost-contact/${r.id}/attempts`, { date: '2026-04-01', method: 'phone', result: '越权' })).status).toBe(404);
    expect((await streetB.post(`/api/lost-contact/${r.id}/found`, { date: '2026-11-01' })).status).toBe(404);
  });
});
