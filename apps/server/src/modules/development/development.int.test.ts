import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantDetail, ApplicantSummary, DevBoard, DevYearReport, Member, Todo } from '@jiceng/contracts';
import {
  buildIdNumber,
  buildMember,
  ENGINES,
  login,
  movableClock,
  seedTree,
  startTestServer,
  type Client,
  type SeededTree,
  type TestServer,
} from '../../test/harness.ts';
import { openXlsx, upload } from '../../test/xlsx.ts';
import { pdfBytes } from '../../platform/attachments/attachment.fixtures.ts';

type Err = { error: { code: string; message: string; details?: { rule?: string; possibleFrom?: string } } };
type D = ApplicantDetail & Err;
const committee = { entitled: 5, present: 4, yes: 4, no: 0, abstain: 0 };
const admission = { entitled: 10, present: 8, yes: 7, no: 1, abstain: 0 };

/** The whole path of one applicant with the clock moved along it (rule set dev-2014). */
describe.each(ENGINES)('发展党员 over HTTP (%s)', (engine) => {
  const clock = movableClock('2025-01-05T04:00:00Z');
  const setToday = (d: string) => clock.advance((Date.parse(`${d}T04:00:00Z`) - clock.now().getTime()) / 1000);
  let server: TestServer;
  let t: SeededTree;
  let sec: Client;
  let community: Client;
  let streetA: Client;
  let streetB: Client;
  let sup: Client;
  let secB: Client;
  let contact: Member;
  let introducer: Member;
  let id: string;
  let version = 1;

  const step = async (c: Client, body: Record<string, unknown>) => {
    const res = await c.post<D>(`/api/development/applicants/${id}/steps`, { version, ...body });
    if (res.status === 200) version = res.body.version;
    return res;
  };
  const ok = async (c: Client, body: Record<string, unknown>) => {
    const res = await step(c, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const devTodos = async (c: Client) =>
    (await c.get<{ items: Todo[] }>('/api/todos?pageSize=200')).body.items.filter((x) => x.source.startsWith('development.'));
  const messages = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from notification where dedupe_key like 'development.%'`))!.n;

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    [sec, community, streetA, streetB, sup] = await Promise.all([
      login(server, 'secA1a'),
      login(server, 'communityA1'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'supA'),
    ]);
    await server.modules.account.bootstrap({
      username: 'secA1b',
      displayName: 'secA1b',
      role: 'secretary',
      orgId: t.branchA1b,
      password: 'Test@2026pw',
      mustChangePassword: false,
    });
    secB = await login(server, 'secA1b', 'Test@2026pw');
    const m = async (name: string) => (await sec.post<Member>('/api/members', buildMember(t.branchA1a, { name, idNumber: buildIdNumber() }))).body;
    contact = await m('联系人甲');
    introducer = await m('介绍人乙');
  });
  afterAll(async () => server?.close());

  it('registers an application (step 1) in the branch, refusing one under 18 and a second path of the same person', async () => {
    const young = buildIdNumber('2007-01-06');
    const body = (idNumber: string, over: object = {}) => ({
      orgId: t.branchA1a,
      name: '李申请',
      idNumber,
      ethnicity: '汉族',
      education: 'bachelor',
      occupation: 'professional',
      appliedOn: '2025-01-05',
      ...over,
    });
    const refused = await sec.post<Err>('/api/development/applicants', body(young));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'RULE_VIOLATION',
      message: '递交申请书时须年满18周岁（2025-01-06 年满18周岁）',
      details: { rule: 'dev-age-18', possibleFrom: '2025-01-06' },
    });
    expect((await community.post<Err>('/api/development/applicants', body(buildIdNumber(), { orgId: t.communityA1 }))).body.error.message).toMatch(
      /不是党支部/,
    );
    const idNumber = buildIdNumber('1998-05-01');
    const created = await sec.post<D>('/api/development/applicants', { ...body(idNumber), phone: '13912345678' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'applicant',
      stageLabel: '入党申请人',
      idNumberMasked: expect.stringMatching(/\*/),
      phoneMasked: expect.stringMatching(/\*/),
      birthMonth: '1998年5月',
      ageAtApplication: 26,
    });
    expect(created.body).not.toHaveProperty('birthDate');
    expect(JSON.stringify(created.body)).not.toContain(idNumber);
    id = created.body.id;
    version = created.body.version;
    expect((await sec.post<Err>('/api/development/applicants', body(idNumber))).body.error.message).toBe(
      '该公民身份号码已有正在进行的发展记录（甲一社区第一党支部）',
    );
    // another street hears that a path exists, not where
    await server.modules.account.bootstrap({
      username: 'secB1a',
      displayName: 'secB1a',
      role: 'secretary',
      orgId: t.branchB1a,
      password: 'Test@2026pw',
      mustChangePassword: false,
    });
    const other = await login(server, 'secB1a', 'Test@2026pw');
    expect((await other.post<Err>('/api/development/applicants', { ...body(idNumber), orgId: t.branchB1a })).body.error.message).toBe(
      '该公民身份号码已有正在进行的发展记录',
    );
    const memberId = buildIdNumber('1980-01-01');
    expect((await sec.post('/api/members', buildMember(t.branchA1a, { name: '已是党员', idNumber: memberId }))).status).toBe(201);
    expect((await sec.post<Err>('/api/development/applicants', body(memberId))).body.error.message).toBe(
      '该公民身份号码已登记为党员（甲一社区第一党支部），不能再登记入党申请',
    );
    expect(created.body.deadlines).toEqual([expect.objectContaining({ key: 'talk', dueOn: '2025-02-05', rule: 'dev-talk-1-month' })]);
  });

  it('keeps the path in scope: another branch, another street and a 督导员 cannot record; outside the scope it does not exist', async () => {
    expect((await secB.get(`/api/development/applicants/${id}`)).status).toBe(404);
    expect((await streetB.get(`/api/development/applicants/${id}`)).status).toBe(404);
    expect(
      (await streetB.post(`/api/development/applicants/${id}/steps`, { key: 'talk', date: '2025-01-06', talker: { name: '某', post: 'secretary' } })).status,
    ).toBe(404);
    expect((await secB.get<{ total: number }>('/api/development/applicants')).body.total).toBe(0);
    expect((await sup.get(`/api/development/applicants/${id}`)).status).toBe(200);
    expect(
      (await sup.post<Err>(`/api/development/applicants/${id}/steps`, { key: 'talk', date: '2025-01-06', talker: { name: '某', post: 'secretary' } })).status,
    ).toBe(403);
    expect((await sec.get<{ total: number; items: ApplicantSummary[] }>('/api/development/applicants')).body.items.map((a) => a.name)).toEqual(['李申请']);
  });

  it('reminds of the talk once before it is due and once when overdue, to the branch and then the committee above', async () => {
    setToday('2025-01-25');
    expect(await server.sweepDevelopment()).toBe(1);
    expect(await server.sweepDevelopment()).toBe(0);
    expect((await devTodos(sec)).map((x) => [x.source, x.severity])).toEqual([['development.due', 'due_soon']]);
    expect(await devTodos(community)).toEqual([]);
    setToday('2025-02-06');
    expect(await server.sweepDevelopment()).toBe(2);
    expect(await server.sweepDevelopment()).toBe(0);
    expect(await messages()).toBe(3);
    expect((await devTodos(community)).map((x) => [x.source, x.severity, x.title])).toEqual([
      ['development.overdue', 'overdue', '李申请：第2步「党组织派人谈话」已逾期'],
    ]);
  });

  it('refuses steps out of order and superior steps from the branch, naming the rule', async () => {
    const early = await step(sec, { key: 'activist', date: '2025-02-06', vote: committee });
    expect(early.body.error.message).toBe('须先办理第2步「党组织派人谈话」，再办理第3步「推荐和确定入党积极分子」');
    expect((await step(sec, { key: 'talk', date: '2025-01-04', talker: { name: '王书记', post: 'secretary' } })).body.error.details).toMatchObject({
      rule: 'dev-order',
      possibleFrom: '2025-01-05',
    });
    await ok(sec, { key: 'talk', date: '2025-02-06', talker: { name: '王书记', post: 'secretary' } });
    expect(await devTodos(community)).toEqual([]);
    setToday('2025-02-20');
    await ok(sec, { key: 'activist', date: '2025-02-10', vote: committee });
    const filing = await step(sec, { key: 'activist_filing', date: '2025-02-15' });
    expect(filing.status).toBe(403);
    expect(filing.body.error.message).toBe('「报上级党委备案」由上级党委办理，党支部不能办理');
    const filed = await ok(community, { key: 'activist_filing', date: '2025-02-15' });
    expect(filed.records.at(-1)).toMatchObject({ key: 'activist_filing', approvingOrgName: '中共甲一社区委员会' });
    const c = await ok(sec, { key: 'contacts', date: '2025-02-15', memberIds: [contact.id] });
    expect(c.stage).toBe('activist');
    expect(c.records.at(-1)?.summary).toBe('培养联系人：联系人甲');
  });

  it('refuses 发展对象 before a full year as 积极分子, saying from when, then takes it with the assessments', async () => {
    setToday('2026-02-20');
    const early = await step(sec, { key: 'candidate', date: '2026-02-09', vote: committee });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('经过一年以上培养教育和考察方可列为发展对象：2026-02-10 起方可办理第7步「确定发展对象」');
    expect(early.body.error.details?.possibleFrom).toBe('2026-02-10');
    expect((await step(sec, { key: 'candidate', date: '2026-02-10', vote: committee })).body.error.message).toMatch(/须有 2 次培养教育考察记录，现有 0 次/);
    await ok(sec, { key: 'assessment', date: '2025-08-01', note: '表现良好' });
    await ok(sec, { key: 'assessment', date: '2026-02-01' });
    const cand = await ok(sec, { key: 'candidate', date: '2026-02-10', vote: committee });
    expect(cand).toMatchObject({ stage: 'candidate', stageLabel: '发展对象' });
  });

  it('takes the 发展对象 through to the approval, which makes the member record (预备党员) without retyping', async () => {
    setToday('2026-04-01');
    await ok(community, { key: 'candidate_filing', date: '2026-02-15' });
    expect((await step(sec, { key: 'introducers', date: '2026-02-15', memberIds: [contact.id] })).body.error.message).toBe('入党介绍人应为两名正式党员');
    await ok(sec, { key: 'introducers', date: '2026-02-15', memberIds: [contact.id, introducer.id] });
    await ok(sec, { key: 'political_review', date: '2026-03-01', reviewResult: 'pass', note: '政治审查合格' });
    expect((await step(sec, { key: 'training', date: '2026-03-10', training: { days: 2, hours: 16 } })).body.error.details?.rule).toBe('dev-training');
    await ok(sec, { key: 'training', date: '2026-03-10', training: { days: 3, hours: 24, course: '区委党校发展对象培训班' } });
    expect(
      (await step(sec, { key: 'branch_review', date: '2026-03-20', vote: committee, publicity: { from: '2026-03-09', to: '2026-03-12' } })).body.error.details
        ?.rule,
    ).toBe('dev-publicity');
    await ok(sec, { key: 'branch_review', date: '2026-03-20', vote: committee, publicity: { from: '2026-03-09', to: '2026-03-13' } });
    await ok(community, { key: 'pre_review', date: '2026-03-25' });
    await ok(sec, { key: 'volunteer_form', date: '2026-03-28' });
    expect(
      (await step(sec, { key: 'branch_meeting', date: '2026-04-01', vote: { entitled: 10, present: 5, yes: 5, no: 0, abstain: 0 } })).body.error.message,
    ).toMatch(/表决无效/);
    await ok(sec, { key: 'branch_meeting', date: '2026-04-01', vote: admission });
    setToday('2026-04-22');
    await ok(community, { key: 'superior_talk', date: '2026-04-10', talker: { name: '社区组织员', post: 'organization' } });
    const approved = await ok(community, { key: 'approval', date: '2026-04-20', docNo: '甲社党〔2026〕5号' });
    expect(approved).toMatchObject({ stage: 'probationary', probationEnd: '2027-04-01', memberId: expect.any(String) });
    const m = await sec.get<Member>(`/api/members/${approved.memberId}`);
    expect(m.body).toMatchObject({ name: '李申请', status: 'probationary', joinedDate: '2026-04-01', orgId: t.branchA1a });
  });

  it('extends the probation once only, then confirms with 党龄 from the end of the extended probation', async () => {
    setToday('2026-04-25');
    await ok(sec, { key: 'join_branch', date: '2026-04-25' });
    await ok(sec, { key: 'oath', date: '2026-04-25' });
    setToday('2027-04-10');
    await ok(sec, { key: 'full_application', date: '2027-03-20', publicity: { from: '2027-03-08', to: '2027-03-12' } });
    expect((await step(sec, { key: 'full_meeting', date: '2027-03-31', vote: admission, outcome: 'full' })).body.error.details).toMatchObject({
      rule: 'dev-probation-1-year',
      possibleFrom: '2027-04-01',
    });
    await ok(sec, { key: 'full_meeting', date: '2027-04-01', vote: admission, outcome: 'extend', extendMonths: 6 });
    expect((await step(sec, { key: 'full_approval', date: '2027-04-05' })).status).toBe(403);
    const ext = await ok(community, { key: 'full_approval', date: '2027-04-05' });
    expect(ext).toMatchObject({ stage: 'probationary', probationEnd: '2027-10-01' });
    setToday('2027-10-10');
    await ok(sec, { key: 'full_application', date: '2027-09-10', publicity: { from: '2027-09-01', to: '2027-09-07' } });
    const again = await step(sec, { key: 'full_meeting', date: '2027-10-01', vote: admission, outcome: 'extend', extendMonths: 6 });
    expect(again.body.error).toMatchObject({ message: '预备期只能延长一次，已延长过', details: { rule: 'dev-extension-once' } });
    await ok(sec, { key: 'full_meeting', date: '2027-10-01', vote: admission, outcome: 'full' });
    const full = await ok(community, { key: 'full_approval', date: '2027-10-05', docNo: '甲社党〔2027〕9号' });
    expect(full).toMatchObject({ stage: 'full', partyAgeFrom: '2027-10-01', deadlines: [] });
    const m = await sec.get<Member>(`/api/members/${full.memberId}`);
    expect(m.body).toMatchObject({ status: 'full', confirmedDate: '2027-10-01' });
    await ok(sec, { key: 'archive', date: '2027-10-08' });
  });

  it('answers the board, the year report by approving organization, the plan, the exports and the dossier', async () => {
    expect((await community.put('/api/development/plans', { orgId: t.branchA1a, year: 2026, quota: 2 })).status).toBe(200);
    expect((await sec.put('/api/development/plans', { orgId: t.branchA1a, year: 2026, quota: 2 })).status).toBe(403);
    const y = (await community.get<DevYearReport>(`/api/development/year?year=2026`)).body;
    expect(y.rows.find((r) => r.orgId === t.branchA1a)).toMatchObject({ quota: 2, developed: 1, confirmed: 0 });
    expect(y.byApprover).toEqual([{ orgName: '中共甲一社区委员会', developed: 1, confirmed: 0 }]);
    expect((await community.get<DevYearReport>(`/api/development/year?year=2027`)).body.total).toMatchObject({ confirmed: 1, extended: 1 });
    expect((await streetB.get<DevYearReport>(`/api/development/year?year=2026&orgId=${t.communityA1}`)).status).toBe(404);
    const board = (await streetA.get<DevBoard>('/api/development/board')).body;
    expect(board.stages.map((s) => s.count)).toEqual([0, 0, 0, 0]);
    const list = await sec.get<{ items: ApplicantSummary[] }>('/api/development/applicants?state=all');
    expect(list.body.items[0]).toMatchObject({ stage: 'full', stateLabel: '正式党员' });
    const xlsx = await sec.get('/api/development/applicants/export?state=all');
    expect(xlsx.status).toBe(200);
    const ws = (await openXlsx(xlsx.raw)).worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    expect(ws.getRow(2).getCell(1).value).toBe('李申请');
    const doc = await sec.get(`/api/development/applicants/${id}/dossier`);
    expect(doc.status).toBe(200);
    expect(String(doc.headers['content-type'])).toContain('wordprocessingml');
    expect(String(doc.headers['content-disposition'])).toContain(encodeURIComponent('发展党员档案_李申请.docx'));
    expect(doc.raw.subarray(0, 2).toString()).toBe('PK');
    expect((await secB.get(`/api/development/applicants/${id}/dossier`)).status).toBe(404);
    expect((await sec.get(`/api/development/applicants/${id}/dossier/vote`)).status).toBe(200);
  });

  it('keeps the papers of a step: uploaded by who records the path, read (audited) in scope, removed', async () => {
    const d = (await sec.get<ApplicantDetail>(`/api/development/applicants/${id}`)).body;
    const apply = d.records.find((r) => r.key === 'apply')!;
    const url = `/api/development/applicants/${id}/records/${apply.id}/attachments`;
    const added = await upload<{ attachment: { id: string; fileName: string } }>(sec, url, pdfBytes(), '入党申请书.pdf');
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.attachment.fileName).toBe('入党申请书.pdf');
    const fileId = added.body.attachment.id;
    expect(
      (await sec.get<ApplicantDetail>(`/api/development/applicants/${id}`)).body.records.find((r) => r.key === 'apply')!.attachments.map((a) => a.fileName),
    ).toEqual(['入党申请书.pdf']);
    expect((await upload(sup, url, pdfBytes(), 'x.pdf')).status).toBe(403);
    expect((await upload(secB, url, pdfBytes(), 'x.pdf')).status).toBe(404);
    expect((await secB.get(`${url}/${fileId}`)).status).toBe(404);
    const read = await sup.get(`${url}/${fileId}`);
    expect(read.status).toBe(200);
    expect(read.raw.subarray(0, 4).toString()).toBe('%PDF');
    expect(
      (await server.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'attachment.read' and entity_id = ${apply.id}`))!.n,
    ).toBe(1);
    expect((await upload<Err>(sec, url, Buffer.from('not a pdf'), 'x.pdf')).status).toBe(415);
    const removed = await sec.del<D>(`${url}/${fileId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.records.find((r) => r.key === 'apply')!.attachments).toEqual([]);
  });

  it('stops a path with the reason, after which no step is taken', async () => {
    setToday('2027-11-01');
    const other = await sec.post<D>('/api/development/applicants', {
      orgId: t.branchA1a,
      name: '赵退出',
      idNumber: buildIdNumber('1990-01-01'),
      ethnicity: '汉族',
      education: 'bachelor',
      occupation: 'worker',
      appliedOn: '2027-10-20',
    });
    expect((await sec.post<Err>(`/api/development/applicants/${other.body.id}/stop`, { reason: 'x', date: '2027-11-01' })).status).toBe(400);
    const stopped = await sec.post<D>(`/api/development/applicants/${other.body.id}/stop`, { reason: '本人申请撤回入党申请', date: '2027-11-01' });
    expect(stopped.body).toMatchObject({ ended: 'stopped', stateLabel: '已终止培养', endReason: '本人申请撤回入党申请', deadlines: [] });
    const after = await sec.post<Err>(`/api/development/applicants/${other.body.id}/steps`, {
      key: 'talk',
      date: '2027-11-01',
      talker: { name: '王书记', post: 'secretary' },
    });
    expect(after.body.error.message).toBe('已终止培养，不能再办理');
    const history = await server.db.rows<{ action: string }>(
      sql`select action from workflow_event where kind = 'dev_applicant' and record_id = ${id} order by at, id`,
    );
    expect(history.map((h) => h.action).filter((a) => a !== 'record')).toEqual(['activist', 'candidate', 'approve', 'confirm']);
  });
});
