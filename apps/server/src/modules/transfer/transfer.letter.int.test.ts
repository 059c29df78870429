import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, MemberSummary, TodoPage, Transfer, TransferStats } from '@jiceng/contracts';
import { buildIdNumber, buildMember, ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

type Err = { error: { code: string; message: string } };

describe.each(ENGINES)('transfers by introduction letter, to-dos and statistics (%s)', (engine) => {
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

  const member = async (over: Parameters<typeof buildMember>[1] = {}) => {
    const res = await secA1a.post<Member>('/api/members', buildMember(t.branchA1a, over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const issue = (memberId: string, over: Record<string, unknown> = {}) =>
    secA1a.post<Transfer & Err>('/api/transfers/letters', {
      memberId,
      toOrgName: '中共某市某区委员会组织部',
      duesPaidTo: '2026-10',
      reason: '工作调动',
      ...over,
    });
  const letterCount = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from transfer`))!.n;

  it('numbers two letters of a year consecutively, valid for 3 months by default', async () => {
    const [a, b] = [await member(), await member()];
    const first = await issue(a.id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'letter_out',
      status: 'pending',
      statusText: '待回执',
      startedOn: '2026-11-22',
      validUntil: '2027-02-21',
      duesPaidTo: '2026-10',
      overdue: false,
      printable: true,
      actions: ['cancel', 'receipt'],
    });
    const second = await issue(b.id);
    const seq = (no: string) => Number(/^2026第(\d+)号$/.exec(no)![1]);
    expect(seq(second.body.letterNo!)).toBe(seq(first.body.letterNo!) + 1);
    const again = await issue(a.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^该党员已有未办结的转接/);
    // the refused letter took no number
    const c = await member();
    expect(seq((await issue(c.id)).body.letterNo!)).toBe(seq(second.body.letterNo!) + 1);
  });

  it('refuses a letter against the rules in Chinese and changes nothing', async () => {
    const m = await member();
    const before = await letterCount();
    const advance = await issue(m.id, { duesPaidTo: '2026-12' });
    expect(advance.status).toBe(400);
    expect(advance.body.error.message).toBe('党费缴至月份不能晚于开具介绍信的当月（党费不得预交）');
    const long = await issue(m.id, { validUntil: '2027-08-01' });
    expect(long.body.error.message).toBe('介绍信有效期最长 6 个月（至 2027-05-21），请缩短有效期');
    const badMonth = await issue(m.id, { duesPaidTo: '2026-13' });
    expect(badMonth.body.error.message).toMatch(/党费缴至/);
    expect((await supA.post('/api/transfers/letters', { memberId: m.id, toOrgName: '某党委', duesPaidTo: '2026-10' })).status).toBe(403);
    expect((await streetB.post('/api/transfers/letters', { memberId: m.id, toOrgName: '某党委', duesPaidTo: '2026-10' })).status).toBe(404);
    expect(await letterCount()).toBe(before);
  });

  it('prints 存根、正本、回执 under one number; the full ID only for who may see it, audited', async () => {
    const idNumber = buildIdNumber('1980-03-08', false);
    const m = await member({ name: '林<b>芳', idNumber, ethnicity: '回族' });
    const letter = (await issue(m.id)).body;
    const res = await secA1a.get<string>(`/api/transfers/${letter.id}/letter`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const part of ['介绍信（存根）', '中国共产党党员组织关系介绍信</h1>', '介绍信回执', '@page { size: A4']) expect(res.body).toContain(part);
    expect(res.body.split(`编号：${letter.letterNo}`)).toHaveLength(4);
    expect(res.body).toContain(idNumber);
    expect(res.body).toContain('林&#60;b&#62;芳');
    expect(res.body).toContain('女，46 岁，回族');
    expect(res.body).toContain('党费已交到 2026 年 10 月');
    const audit = await t.admin.get<{ items: { entityId: string; actorName: string }[] }>('/api/audit?action=personal.unmask');
    expect(audit.body.items.some((e) => e.entityId === m.id && e.actorName === 'secA1a')).toBe(true);
    const masked = await supA.get<string>(`/api/transfers/${letter.id}/letter`);
    expect(masked.body).not.toContain(idNumber);
    expect(masked.body).toContain(m.idNumber);
    expect((await streetB.get(`/api/transfers/${letter.id}/letter`)).status).toBe(404);
  });

  it('alerts the sender to a letter past its validity without a receipt, until the receipt is registered', async () => {
    const m = await member({ name: '欧阳逾期' });
    const letter = (await issue(m.id, { issueDate: '2026-06-01', duesPaidTo: '2026-05' })).body;
    expect(letter).toMatchObject({ validUntil: '2026-08-31', overdue: true, daysOverdue: 83 });
    const todo = (c: Client) =>
      c.get<TodoPage>('/api/todos?source=transfer.letter&pageSize=200').then((r) => r.body.items.find((x) => x.key === `transfer.letter:${letter.id}`));
    expect(await todo(secA1a)).toMatchObject({
      source: 'transfer.letter',
      title: '介绍信逾期未回执：欧阳逾期',
      dueDate: '2026-08-31',
      severity: 'overdue',
      orgId: t.branchA1a,
      link: `/transfers?tab=register&transferId=${letter.id}`,
    });
    expect(await todo(streetA)).toBeDefined();
    expect(await todo(streetB)).toBeUndefined();
    expect(await todo(supA)).toBeUndefined();
    const register = await secA1a.get<{ items: Transfer[] }>('/api/transfers?kind=letter_out&status=pending&overdue=true');
    expect(register.body.items.map((x) => x.id)).toEqual([letter.id]);

    const early = await secA1a.post<Err>(`/api/transfers/${letter.id}/receipt`, { receivedDate: '2026-05-31' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('回执日期不能早于介绍信开具日期（2026-06-01）');
    expect((await supA.post(`/api/transfers/${letter.id}/receipt`, { receivedDate: '2026-11-20' })).status).toBe(403);
    const done = await secA1a.post<Transfer>(`/api/transfers/${letter.id}/receipt`, { receivedDate: '2026-11-20', note: '回执已由对方组织部寄回' });
    expect(done.body).toMatchObject({ status: 'received', statusText: '已登记回执', completedOn: '2026-11-20', overdue: false, actions: [] });
    expect(await todo(secA1a)).toBeUndefined();

    // the member left the deployment: on record, out of active lists, not transferable again
    expect((await secA1a.get(`/api/members/${m.id}`)).status).toBe(200);
    const list = await secA1a.get<{ items: MemberSummary[] }>(`/api/members?q=${encodeURIComponent('欧阳逾期')}`);
    expect(list.body.items).toHaveLength(0);
    const again = await secA1a.post<Err>('/api/transfers', { memberId: m.id, toOrgId: t.branchA1b });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该党员的组织关系已于 2026-11-20 转出本系统，不能再办理转接');
  });

  it('voids a letter, which can then no longer be printed or receipted', async () => {
    const m = await member();
    const letter = (await issue(m.id)).body;
    const voided = await secA1a.post<Transfer>(`/api/transfers/${letter.id}/cancel`, { reason: '介绍信填写有误，重新开具' });
    expect(voided.body).toMatchObject({ status: 'cancelled', statusText: '已作废', printable: false });
    const print = await secA1a.get<Err>(`/api/transfers/${letter.id}/letter`);
    expect(print.status).toBe(409);
    expect(print.body.error.message).toMatch(/已作废/);
    expect((await secA1a.post<Err>(`/api/transfers/${letter.id}/receipt`, { receivedDate: '2026-11-22' })).body.error.message).toBe('已作废的转接不能登记回执');
    expect((await issue(m.id)).status).toBe(201);
  });

  it('registers a member arriving with a letter from outside, in one transaction with the record', async () => {
    const body = {
      letterNo: '（2026）组转字第 88 号',
      fromOrgName: '中共外省某县委组织部',
      letterDate: '2026-11-10',
      duesPaidTo: '2026-10',
      member: buildMember(t.branchB1a, { name: '外来党员' }),
    };
    const res = await streetB.post<Transfer>('/api/transfers/incoming-letters', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'letter_in',
      status: 'accepted',
      statusText: '已转入',
      letterNo: '（2026）组转字第 88 号',
      fromOrgId: null,
      toOrgId: t.branchB1a,
      startedOn: '2026-11-10',
      completedOn: '2026-11-22',
    });
    expect((await streetB.get<Member>(`/api/members/${res.body.memberId}`)).body.name).toBe('外来党员');

    const before = await letterCount();
    const badId = await streetB.post<Err>('/api/transfers/incoming-letters', { ...body, member: buildMember(t.branchB1a, { idNumber: '320102198506150000' }) });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/公民身份号码/);
    const future = await streetB.post<Err>('/api/transfers/incoming-letters', { ...body, letterDate: '2026-12-01', member: buildMember(t.branchB1a) });
    expect(future.body.error.message).toBe('介绍信开具日期不能晚于今天');
    expect((await streetB.post('/api/transfers/incoming-letters', { ...body, member: buildMember(t.branchA1a) })).status).toBe(404);
    expect((await supA.post('/api/transfers/incoming-letters', { ...body, member: buildMember(t.branchA1a) })).status).toBe(403);
    expect(await letterCount()).toBe(before);
  });

  it('counts completed transfers in and out of the scope per year and month', async () => {
    const base = (await streetA.get<TransferStats>('/api/transfers/stats')).body;
    const [a, b] = [await member(), await member()];
    const out = (await secA1a.post<Transfer>('/api/transfers', { memberId: a.id, toOrgId: t.branchB1a })).body;
    await streetB.post(`/api/transfers/${out.id}/accept`);
    const within = (await secA1a.post<Transfer>('/api/transfers', { memberId: b.id, toOrgId: t.branchA1b })).body;
    await streetA.post(`/api/transfers/${within.id}/accept`);
    const back = (await streetB.post<Transfer>('/api/transfers', { memberId: a.id, toOrgId: t.branchA1a })).body;
    expect((await streetB.get<TransferStats>('/api/transfers/stats?year=2026')).body.pendingOut).toBeGreaterThan(0);
    expect((await streetA.get<TransferStats>('/api/transfers/stats')).body.pendingIn).toBe(base.pendingIn + 1);
    await secA1a.post(`/api/transfers/${back.id}/accept`);

    const stats = (await streetA.get<TransferStats>('/api/transfers/stats?year=2026')).body;
    expect(stats.year).toBe(2026);
    expect(stats.totals).toEqual({
      ...base.totals,
      internalOut: base.totals.internalOut + 1,
      internalWithin: base.totals.internalWithin + 1,
      internalIn: base.totals.internalIn + 1,
    });
    expect(stats.months).toHaveLength(12);
    expect(stats.months[10]!.internalOut).toBe(stats.totals.internalOut);
    expect(stats.totals.letterOut).toBe(1);
    expect((await streetB.get<TransferStats>('/api/transfers/stats')).body.totals).toMatchObject({
      internalIn: 1,
      internalOut: 1,
      letterIn: 1,
      internalWithin: 0,
    });
    expect((await streetA.get<TransferStats>('/api/transfers/stats?year=2025')).body.totals).toEqual({
      internalIn: 0,
      internalOut: 0,
      internalWithin: 0,
      letterOut: 0,
      letterIn: 0,
    });
    expect((await streetA.get<Err>('/api/transfers/stats?year=1900')).status).toBe(400);
    expect((await login(server, 'memberA1a').then((c) => c.get('/api/transfers/stats'))).status).toBe(403);
  });
});
