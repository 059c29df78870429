import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CobuildAgreement, CobuildAgreementDetail, CobuildStats, TodoPage } from '@jiceng/contracts';
import { buildOrg, ENGINES, login, movableClock, seedTree, startTestServer, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable } from '../../test/xlsx.ts';
import { act, agencySide, CONTACTS, draft, inForce } from './cobuild.fixtures.ts';

type Err = { error: { code: string; message: string; details?: { fields?: { field: string }[] } } };
const BASE = '/api/cobuild/agreements';

/**
 * 结对共建 end to end on both engines: an agency branch drafts, the community confirms; each side
 * sees it, a third organization gets 404; the drafting side cannot confirm for the other; bad input
 * is a Chinese 400 that changes nothing; the plan, the log, the to-dos, unmasking, 续签, 终止, the
 * ledger, the 协议书 and the statistics; the sweep run twice expires and reminds once.
 */
describe.each(ENGINES)('结对共建 (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  const clock = movableClock();
  let agency: { orgId: string; client: Client };
  let community: Client;
  let streetA: Client;
  let streetB: Client;
  let sup: Client;
  let main: CobuildAgreementDetail;
  const count = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const agreements = () => count(sql`select count(*)::int as n from cobuild_agreement`);

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    agency = await agencySide(server, t);
    [community, streetA, streetB, sup] = await Promise.all([
      login(server, 'communityA1'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'supA'),
    ]);
  });
  afterAll(() => server.close());

  it('drafts with the 四联四共 by default and masked contacts; the other side confirms; the drafting side cannot', async () => {
    const d = await draft(agency.client, agency.orgId, t.communityA1);
    expect(d).toMatchObject({
      state: 'draft',
      stateLabel: '草稿',
      partnerKind: 'community',
      draftingSide: 'a',
      title: '区发改委机关党支部与中共甲一社区委员会结对共建协议',
      headings: ['党建工作联创', '发展项目联抓', '基础设施联建', '社会活动联谊'],
      mySides: ['a'],
      can: { edit: true, actions: ['submit', 'discard'] },
    });
    expect(d.contacts.map((c) => c.phone)).toEqual(['139****0001', '139****0002']);
    const raw = await server.db.rows(sql`select * from cobuild_contact where agreement_id = ${d.id}`);
    expect(JSON.stringify(raw)).not.toContain('13912340001');

    // the other side does not see a draft's buttons
    expect((await community.get<CobuildAgreementDetail>(`${BASE}/${d.id}`)).body.can.actions).toEqual([]);
    const sent = await act(agency.client, d.id, 'submit');
    expect(sent.state).toBe('pending');

    const self = await agency.client.post<Err>(`${BASE}/${d.id}/actions`, { action: 'confirm' });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('「确认签订」只能由对方（结对的另一方）办理');

    const seen = await community.get<CobuildAgreementDetail>(`${BASE}/${d.id}`);
    expect(seen.body).toMatchObject({ mySides: ['b'], can: { actions: ['confirm', 'decline'] } });
    main = await act(community, d.id, 'confirm');
    expect(main).toMatchObject({ state: 'active', signedOn: '2026-11-22', signedByName: 'communityA1', can: { renew: true, record: true } });
    expect(main.history.map((e) => [e.action, e.toStateLabel])).toEqual([
      ['submit', '待对方确认'],
      ['confirm', '生效'],
    ]);
  });

  it('shows the agreement to both sides and those above them, and answers 404 to a third organization', async () => {
    for (const c of [agency.client, community, streetA, sup, t.admin]) {
      expect((await c.get(`${BASE}/${main.id}`)).status).toBe(200);
      expect((await c.get<{ items: CobuildAgreement[] }>(BASE)).body.items.map((a) => a.id)).toContain(main.id);
    }
    const other = await streetB.get<Err>(`${BASE}/${main.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/结对共建协议不存在/);
    expect((await streetB.get<{ items: CobuildAgreement[] }>(BASE)).body.items).toEqual([]);
    expect((await streetB.post(`${BASE}/${main.id}/actions`, { action: 'terminate', reason: '越权' })).status).toBe(404);
    expect(
      (await streetB.post(`${BASE}/${main.id}/activities`, { heldOn: '2026-11-01', title: '越权活动', heading: '党建工作联创', participants: 3 })).status,
    ).toBe(404);
    // filters: the side the scope holds, the partner kind
    expect((await community.get<{ total: number }>(`${BASE}?side=b`)).body.total).toBe(1);
    expect((await community.get<{ total: number }>(`${BASE}?side=a`)).body.total).toBe(0);
    expect((await agency.client.get<{ total: number }>(`${BASE}?partnerKind=village`)).body.total).toBe(0);
  });

  it('refuses bad input with a Chinese 400 and changes nothing', async () => {
    const before = await agreements();
    const agencyB = (await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.rootId, { name: '区教育局机关党委', type: 'committee', domain: 'agency' })))
      .body.id;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ orgBId: agencyB }, /乙方应为村、社区或企业党组织/],
      [{ endOn: '2025-12-31' }, /结束日期应晚于开始日期/],
      [{ endOn: '2031-06-30' }, /最长 5 年/],
      [{ headings: ['党建工作联创', '党建工作联创'] }, /重复/],
      [{ orgAId: t.communityB1, orgBId: t.branchB1a }, /至少有一方应是本单位或下级党组织/],
      [{ orgBId: agency.orgId }, /同一个党组织/],
      [{ startOn: '2027-01-01', endOn: '2027-06-30' }, /已有期限为 2026-01-01 至 2027-12-31 的结对共建协议/],
    ];
    for (const [over, message] of cases) {
      const res = await agency.client.post<Err>(BASE, {
        orgAId: agency.orgId,
        orgBId: t.communityA1,
        startOn: '2026-01-01',
        endOn: '2027-12-31',
        contacts: CONTACTS,
        ...over,
      });
      expect([400, 409], JSON.stringify(over)).toContain(res.status);
      expect(res.body.error.message).toMatch(message);
    }
    const noReason = await community.post<Err>(`${BASE}/${main.id}/actions`, { action: 'terminate' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/须填写原因/);
    const future = await community.post<Err>(`${BASE}/${main.id}/problems`, { solvedOn: '2026-12-01', count: 1, description: '解决道路硬化问题' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('日期不能晚于今天（2026-11-22）');
    const badHeading = await community.post<Err>(`${BASE}/${main.id}/activities`, {
      heldOn: '2026-11-01',
      title: '联学',
      heading: '别的内容',
      participants: 3,
    });
    expect(badHeading.status).toBe(400);
    expect(await agreements()).toBe(before);
    expect(await count(sql`select count(*)::int as n from cobuild_log`)).toBe(0);
    expect((await community.get<CobuildAgreementDetail>(`${BASE}/${main.id}`)).body.state).toBe('active');
  });

  it('keeps the plan and the log of both sides, with the totals and the overdue commitment as to-dos', async () => {
    const plan = await agency.client.post<CobuildAgreementDetail>(`${BASE}/${main.id}/commitments`, {
      heading: '基础设施联建',
      content: '协调资金硬化社区道路',
      dueOn: '2026-10-31',
      side: 'a',
    });
    expect(plan.status).toBe(200);
    expect(plan.body.plan).toMatchObject([{ content: '协调资金硬化社区道路', status: 'overdue' }]);
    const cid = plan.body.plan[0]!.id;
    await community.post(`${BASE}/${main.id}/activities`, { heldOn: '2026-11-01', title: '联合主题党日', heading: '党建工作联创', participants: 40 });
    await agency.client.post(`${BASE}/${main.id}/activities`, { heldOn: '2026-11-10', title: '关爱老人志愿服务', heading: '社会活动联谊', participants: 12 });
    await community.post(`${BASE}/${main.id}/problems`, { solvedOn: '2026-11-15', heading: '基础设施联建', count: 1, description: '解决道路硬化问题' });
    const funds = await agency.client.post<CobuildAgreementDetail>(`${BASE}/${main.id}/funds`, {
      raisedOn: '2026-11-20',
      amountFen: 5_000_000,
      source: '区发改委专项',
      purpose: '道路硬化',
    });
    expect(funds.body).toMatchObject({ activities: 2, participants: 52, problems: 1, fundsFen: 5_000_000, commitments: { total: 1, done: 0, overdue: 1 } });
    expect(funds.body.log.map((e) => [e.kind, e.side])).toEqual([
      ['fund', 'a'],
      ['problem', 'b'],
      ['activity', 'a'],
      ['activity', 'b'],
    ]);

    const todos = await agency.client.get<TodoPage>('/api/todos?source=cobuild.overdue');
    expect(todos.body.items.map((x) => [x.title, x.severity, x.dueDate])).toEqual([['共建承诺逾期未完成：协调资金硬化社区道路', 'overdue', '2026-10-31']]);
    expect((await community.get<TodoPage>('/api/todos?source=cobuild.overdue')).body.items).toEqual([]);

    // only the side that recorded an entry removes it
    const mine = funds.body.log.find((e) => e.kind === 'problem')!;
    expect((await agency.client.del<Err>(`${BASE}/${main.id}/log/${mine.id}`)).status).toBe(403);
    const done = await community.post<CobuildAgreementDetail>(`${BASE}/${main.id}/commitments/${cid}/done`, { doneOn: '2026-11-18', note: '已完工' });
    expect(done.body.plan[0]).toMatchObject({ status: 'done', doneOn: '2026-11-18' });
    expect((await community.post<Err>(`${BASE}/${main.id}/commitments/${cid}/done`, { doneOn: '2026-11-18' })).status).toBe(409);
    expect((await agency.client.get<TodoPage>('/api/todos?source=cobuild.overdue')).body.items).toEqual([]);
  });

  it('shows the phones in full only on request, with personal:unmask, and audits it', async () => {
    const full = await community.get<CobuildAgreementDetail>(`${BASE}/${main.id}?unmask=true`);
    expect(full.body).toMatchObject({ unmasked: true });
    expect(full.body.contacts.map((c) => c.phone)).toEqual(['13912340001', '13912340002']);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'personal.unmask' and entity_id = ${main.id}`)).toBe(1);
    expect((await sup.get(`${BASE}/${main.id}?unmask=true`)).status).toBe(403);
    // in force, a side changes only its own contacts
    const mineOnly = await community.patch<Err>(`${BASE}/${main.id}`, { contacts: [CONTACTS[0]], version: full.body.version });
    expect(mineOnly.status).toBe(400);
    expect(mineOnly.body.error.message).toMatch(/只能修改本方联系人/);
  });

  it('lists the waiting confirmation as the other side’s to-do only', async () => {
    const village = (await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.streetA, { name: '中共甲村委员会', type: 'committee', domain: 'rural' }))).body
      .id;
    const d = await draft(agency.client, agency.orgId, village);
    await act(agency.client, d.id, 'submit');
    const theirs = await streetA.get<TodoPage>('/api/todos?source=cobuild.confirm');
    expect(theirs.body.items.map((x) => x.title)).toEqual([`结对共建协议待确认：${d.title}`]);
    expect((await agency.client.get<TodoPage>('/api/todos?source=cobuild.confirm')).body.items).toEqual([]);
    expect((await t.admin.get<TodoPage>('/api/todos?source=cobuild.confirm')).body.items).toEqual([]);
    expect((await act(streetA, d.id, 'decline', '联系人电话有误')).lastReason).toBe('联系人电话有误');
  });

  it('runs the sweep: reminds once within 30 days of the end, expires once after it, twice is the same as once', async () => {
    const village = (await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.streetA, { name: '中共甲二村委员会', type: 'committee', domain: 'rural' })))
      .body.id;
    const e = await inForce(agency.client, streetA, agency.orgId, village, { startOn: '2026-01-01', endOn: '2026-12-10' });
    expect(e.expiring).toBe(true);
    const first = await server.modules.cobuild.sweep();
    expect(first).toEqual({ expired: 0, reminded: 1 });
    expect(await server.modules.cobuild.sweep()).toEqual({ expired: 0, reminded: 0 });
    // the agency's account (side A); the village has no account of its own
    expect(await count(sql`select count(*)::int as n from notification where dedupe_key like ${`cobuild.expiring:${e.id}:%`}`)).toBe(1);
    expect((await agency.client.get<TodoPage>('/api/todos?source=cobuild.expiring')).body.items.map((x) => x.dueDate)).toEqual(['2026-12-10']);

    clock.advance(19 * 86_400);
    expect(await server.modules.cobuild.sweep()).toEqual({ expired: 1, reminded: 0 });
    expect(await server.modules.cobuild.sweep()).toEqual({ expired: 0, reminded: 0 });
    const after = await agency.client.get<CobuildAgreementDetail>(`${BASE}/${e.id}`);
    expect(after.body).toMatchObject({ state: 'expired', can: { renew: true } });
    expect(after.body.history.filter((h) => h.action === 'expire')).toMatchObject([{ actorName: '系统', toStateLabel: '已到期' }]);
    expect(await count(sql`select count(*)::int as n from notification where dedupe_key like ${`cobuild.expiring:${e.id}:%`}`)).toBe(1);

    // 续签: the next term's draft, once
    const next = await agency.client.post<CobuildAgreementDetail>(`${BASE}/${e.id}/renew`, {});
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ state: 'draft', termNo: 2, startOn: '2026-12-11', renewedFromId: e.id, title: `${e.title}（第2期）` });
    expect(next.body.contacts).toHaveLength(2);
    const again = await streetA.post<Err>(`${BASE}/${e.id}/renew`, {});
    expect(again.status).toBe(409);
    expect((await agency.client.get<CobuildAgreementDetail>(`${BASE}/${e.id}`)).body.renewedToId).toBe(next.body.id);
    clock.advance(-19 * 86_400);
  });

  it('terminates with a reason, exports the ledger with its totals, prints the 协议书 and counts the figures', async () => {
    const ended = await act(community, main.id, 'terminate', '机构调整');
    expect(ended).toMatchObject({ state: 'terminated', lastReason: '机构调整', terminatedOn: '2026-11-22', can: { actions: [], renew: false } });

    const xlsx = await agency.client.get(`${BASE}/export`);
    expect(xlsx.status).toBe(200);
    const { headers, rows } = sheetTable((await openXlsx(xlsx.raw)).getWorksheet('结对共建台账')!);
    expect(headers).toContain('解决问题（件）');
    const total = rows.at(-1)!;
    expect(total['协议名称']).toMatch(/^合计（\d+ 份协议）$/);
    expect(total['共建活动（次）']).toBe(2);
    expect(total['筹集资金（元）']).toBe(50000);

    const doc = await community.get(`${BASE}/${main.id}/document.docx`);
    expect(doc.status).toBe(200);
    expect(String(doc.headers['content-type'])).toMatch(/wordprocessingml/);

    const stats = await streetA.get<CobuildStats>('/api/cobuild/stats');
    expect(stats.body.byKind.map((k) => [k.label, k.total])).toEqual([
      ['村', 3],
      ['社区', 1],
      ['企业', 0],
    ]);
    expect(stats.body.totals).toMatchObject({ activities: 2, participants: 52, problems: 1, fundsFen: 5_000_000, terminated: 1 });
    expect(stats.body.byHeading.map((h) => h.heading)).toContain('党建工作联创');
    expect((await streetB.get<CobuildStats>('/api/cobuild/stats')).body.totals.total).toBe(0);
  });
});
