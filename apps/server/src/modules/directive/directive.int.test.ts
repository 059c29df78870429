import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveDetail, DirectiveSummary, DirectiveTargetDetail } from '@jiceng/contracts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';
import { buildOrg, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetTable, upload } from '../../test/xlsx.ts';

type Err = { error: { code: string; message: string } };
type D = DirectiveDetail & Err;
const TASK = { kind: 'task', title: '开展冬季消防安全排查', content: '对辖区老旧小区逐栋排查', dueOn: '2026-12-10', evidence: '排查台账及照片' };

/**
 * 下发任务 over HTTP: streetA sends to its communities; scope (a recipient sees its own, a sibling
 * cannot act on another's, another street sees nothing), sender-only steps refused to recipients,
 * 转发 only below oneself, bad input a Chinese 400 that changes nothing, the steps through to close.
 */
describe.each(ENGINES)('下发任务 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let street: Client;
  let streetB: Client;
  let a1: Client;
  let a2: Client;
  let sec: Client;
  let sup: Client;
  let communityA2: string;
  let d: DirectiveDetail;
  const count = async (table: string) => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))!.n;
  const targetOf = (x: DirectiveDetail, orgId: string) => x.targets.find((y) => y.orgId === orgId)!;
  const url = (x: DirectiveDetail, orgId: string, step = '') => `/api/directives/${x.id}/targets/${targetOf(x, orgId).id}${step}`;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    communityA2 = (await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.streetA, { name: '中共甲二社区委员会', type: 'committee' }))).body.id;
    await server.modules.account.bootstrap({
      username: 'communityA2',
      displayName: '甲二社区',
      role: 'community',
      orgId: communityA2,
      password: PASSWORD,
      mustChangePassword: false,
    });
    [street, streetB, a1, a2, sec, sup] = await Promise.all([
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'communityA1'),
      login(server, 'communityA2'),
      login(server, 'secA1a'),
      login(server, 'supA'),
    ]);
  });
  afterAll(() => server?.close());

  it('refuses bad input with a Chinese 400 and changes nothing', async () => {
    const before = [await count('directive'), await count('directive_target'), await count('audit_log')];
    const bad: [object, RegExp][] = [
      [{ ...TASK, recipients: {} }, /二者选一/],
      [{ ...TASK, recipients: { orgIds: [t.communityA1], allOfType: 'committee' } }, /二者选一/],
      [{ ...TASK, recipients: { orgIds: [t.communityA1, t.communityB1] } }, /不存在或不在您的管理范围内/],
      [{ ...TASK, recipients: { orgIds: [t.streetA] } }, /不能下发给自己/],
      [{ ...TASK, recipients: { allOfType: 'group' } }, /没有符合条件的组织/],
      [{ ...TASK, recipients: { orgIds: [t.communityA1] }, dueOn: '2026-11-21' }, /不能早于今天/],
      [{ ...TASK, recipients: { orgIds: [t.communityA1] }, dueOn: '2026-02-30' }, /./],
      [{ ...TASK, kind: 'memo', recipients: { orgIds: [t.communityA1] } }, /./],
    ];
    for (const [body, message] of bad) {
      const res = await street.post<Err>('/api/directives', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
    }
    expect((await sec.post<Err>('/api/directives', { ...TASK, recipients: { allOfType: 'group' } })).status).toBe(403);
    expect([await count('directive'), await count('directive_target'), await count('audit_log')]).toEqual(before);
  });

  it('sends to every community of the street; each reader sees only what is in its scope', async () => {
    const res = await street.post<D>('/api/directives', { ...TASK, filesRequired: true, recipients: { allOfType: 'committee', domain: 'community' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    d = res.body;
    expect(d.targets.map((x) => x.orgId).sort()).toEqual([t.communityA1, communityA2].sort());
    expect(d.counts).toMatchObject({ total: 2, sent: 2, notAcknowledged: 2 });
    expect(d.canClose).toBe(true);
    // recipients see only their own row; another street nothing; the street's 督导员 all
    const mine = (await a1.get<DirectiveDetail>(`/api/directives/${d.id}`)).body;
    expect(mine.targets.map((x) => x.orgId)).toEqual([t.communityA1]);
    expect(mine.mine).toMatchObject({ state: 'sent', statusLabel: '未签收' });
    expect(targetOf(mine, t.communityA1).actions).toEqual(['acknowledge']);
    expect((await streetB.get(`/api/directives/${d.id}`)).status).toBe(404);
    expect((await sec.get(`/api/directives/${d.id}`)).status).toBe(404);
    expect((await sup.get<DirectiveDetail>(`/api/directives/${d.id}`)).body.targets).toHaveLength(2);
    const received = (await a1.get<{ items: DirectiveSummary[] }>('/api/directives?box=received')).body.items;
    expect(received.map((x) => x.id)).toEqual([d.id]);
    expect((await streetB.get<{ total: number }>('/api/directives?box=sent')).body.total).toBe(0);
    expect((await t.admin.get<{ total: number }>('/api/directives?box=sent')).body.total).toBe(1);
    // a sibling community cannot see, sign or answer another's row
    const bodies: Record<string, object> = {
      '/acknowledge': {},
      '/report': { report: '完成' },
      '/extension': { dueOn: '2026-12-12', reason: '原因' },
      '/forward': { recipients: { allOfType: 'branch' } },
    };
    for (const [step, body] of Object.entries(bodies)) expect((await a2.post(url(d, t.communityA1, step), body)).status, step).toBe(404);
    expect((await a2.get(url(d, t.communityA1))).status).toBe(404);
  });

  it('lets only the recipient sign, once; sender-only steps are refused to recipients', async () => {
    expect((await street.post<Err>(url(d, t.communityA1, '/acknowledge'))).body.error.code).toBe('FORBIDDEN');
    const signed = await a1.post<D>(url(d, t.communityA1, '/acknowledge'));
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.mine).toMatchObject({ state: 'acknowledged' });
    const again = await a1.post<Err>(url(d, t.communityA1, '/acknowledge'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该任务当前为「已签收」，不能办理「签收」');
    expect((await a1.post<Err>(`/api/directives/${d.id}/close`, {})).status).toBe(403);
    expect((await a1.post<Err>(`/api/directives/${d.id}/remind`, { targetIds: [targetOf(d, t.communityA1).id] })).status).toBe(403);
    expect((await a1.post<Err>(url(d, t.communityA1, '/extension/decision'), { grant: true })).status).toBe(403);
  });

  it('forwards only below the recipient, and reports done with the evidence and the roll-up of its branches', async () => {
    const fwd = url(d, t.communityA1, '/forward');
    expect((await a1.post<Err>(fwd, { recipients: { orgIds: [t.branchB1a] } })).body.error.message).toMatch(/不存在或不在您的管理范围内/);
    expect((await a1.post<Err>(fwd, { recipients: { orgIds: [communityA2] } })).status).toBe(400);
    expect((await a1.post<Err>(fwd, { recipients: { allOfType: 'branch' }, dueOn: '2026-12-11' })).body.error.message).toMatch(/不能晚于本单位的办结期限/);
    const forwarded = await a1.post<D>(fwd, { recipients: { allOfType: 'branch' }, dueOn: '2026-12-05' });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body.targets.map((x) => [x.orgId, x.depth, x.dueOn])).toEqual([
      [t.communityA1, 1, '2026-12-10'],
      [t.branchA1a, 2, '2026-12-05'],
      [t.branchA1b, 2, '2026-12-05'],
    ]);
    expect((await a1.post<Err>(fwd, { recipients: { orgIds: [t.branchA1a] } })).body.error.message).toMatch(/已收到该任务/);
    // the branch: its own row only; it cannot forward (no task:plan), signs and reports
    const d2 = (await sec.get<DirectiveDetail>(`/api/directives/${d.id}`)).body;
    expect(d2.targets.map((x) => x.orgId)).toEqual([t.branchA1a]);
    await sec.post(url(d2, t.branchA1a, '/acknowledge'));
    expect((await sec.post<Err>(url(d2, t.branchA1a, '/forward'), { recipients: { allOfType: 'group' } })).status).toBe(403);
    expect((await sec.post<Err>(url(d2, t.branchA1a, '/report'), { report: '已排查12栋' })).body.error.message).toMatch(/须上传佐证材料|要求上传佐证材料/);
    const file = await upload<{ attachment: { id: string } }>(sec, `${url(d2, t.branchA1a)}/attachments`, pdfBytes(), '排查台账.pdf');
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect((await sec.post<D>(url(d2, t.branchA1a, '/report'), { report: '已排查12栋' })).status).toBe(200);
    // the community reports with its branches' answers rolled up; the street reads the evidence
    await upload(a1, `${url(d, t.communityA1)}/attachments`, pdfBytes(), '汇总.pdf');
    const done = await a1.post<D>(url(d, t.communityA1, '/report'), { report: '辖区排查完毕' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const row = targetOf(done.body, t.communityA1);
    expect(row.rollup?.map((r) => [r.statusLabel, r.report])).toEqual([
      ['已完成', '已排查12栋'],
      ['未签收', null],
    ]);
    expect(row.children).toMatchObject({ total: 2, done: 1, sent: 1 });
    const seen = (await street.get<DirectiveDetail>(`/api/directives/${d.id}`)).body;
    expect(seen.counts).toMatchObject({ total: 2, done: 1, sent: 1 });
    const f = targetOf(seen, t.branchA1a).attachments[0]!;
    expect((await street.get(`${url(seen, t.branchA1a)}/attachments/${f.id}`)).status).toBe(200);
    expect((await a2.get(`${url(seen, t.branchA1a)}/attachments/${f.id}`)).status).toBe(404);
  });

  it('decides an extension request once, reminds once a day, closes leaving the open ones 未完成, exports the table', async () => {
    await a2.post(url(d, communityA2, '/acknowledge'));
    expect((await a2.post<Err>(url(d, communityA2, '/extension'), { dueOn: '2027-02-01', reason: '排查面积大' })).body.error.message).toMatch(/最多延期 30 天/);
    expect((await a2.post<D>(url(d, communityA2, '/extension'), { dueOn: '2026-12-20', reason: '排查面积大' })).status).toBe(200);
    expect((await street.post<Err>(url(d, communityA2, '/extension/decision'), { grant: false })).body.error.message).toBe('不同意延期须填写意见');
    const granted = await street.post<D>(url(d, communityA2, '/extension/decision'), { grant: true });
    expect(targetOf(granted.body, communityA2)).toMatchObject({ state: 'acknowledged', dueOn: '2026-12-20', extension: { state: 'granted' } });
    const twice = await street.post<Err>(url(d, communityA2, '/extension/decision'), { grant: false, reason: '再议' });
    expect(twice.status).toBe(409);
    const history = (await street.get<DirectiveTargetDetail>(url(d, communityA2))).body.history.map((e) => e.actionLabel);
    expect(history).toEqual(['签收', '申请延期', '同意延期']);

    const ids = d.targets.map((x) => x.id);
    const first = await street.post<{ reminded: number; skipped: { orgName: string }[] }>(`/api/directives/${d.id}/remind`, { targetIds: ids });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.reminded).toBe(1);
    const again = await street.post<Err>(`/api/directives/${d.id}/remind`, { targetIds: ids });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/今天已催办过/);
    const inbox = (await a2.get<{ items: { title: string }[] }>('/api/notifications')).body.items.map((n) => n.title);
    expect(inbox.filter((x) => x.startsWith('催办'))).toHaveLength(1);
    // the community reminds the branch it forwarded to (it is that branch's issuer)
    const own = (await a1.get<DirectiveDetail>(`/api/directives/${d.id}`)).body;
    expect((await a1.post(`/api/directives/${d.id}/remind`, { targetIds: [targetOf(own, t.branchA1b).id] })).status).toBe(200);

    const closed = await street.post<D>(`/api/directives/${d.id}/close`, { note: '阶段性工作结束' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(closed.body.targets.map((x) => x.statusLabel)).toEqual(['已完成', '已完成', '未完成', '未完成']);
    expect((await a2.post<Err>(url(d, communityA2, '/report'), { report: '迟到的上报' })).status).toBe(409);
    const file = await street.get(`/api/directives/${d.id}/export`);
    expect(file.status).toBe(200);
    const { headers, rows } = sheetTable((await openXlsx(file.raw)).worksheets[0]!);
    expect(headers.slice(0, 4)).toEqual(['接收单位', '下发单位', '办理情况', '办结期限']);
    expect(rows.map((r) => r['办理情况'])).toEqual(['已完成', '已完成', '未完成', '未完成']);
  });

  it('ends a notice at its 签收', async () => {
    const n = (await street.post<D>('/api/directives', { ...TASK, kind: 'notice', title: '关于春节值班的通知', recipients: { orgIds: [t.communityA1] } })).body;
    const signed = await a1.post<D>(url(n, t.communityA1, '/acknowledge'));
    expect(signed.body.mine).toMatchObject({ state: 'done', statusLabel: '已完成' });
    expect((await a1.post<Err>(url(n, t.communityA1, '/report'), { report: '已阅' })).status).toBe(409);
  });
});
