import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attendance, Member, TodoPage, TrainingHours, TrainingMine, TrainingSession, TrainingStats } from '@jiceng/contracts';
import { minimumOwed, TRAINING_RULES_2026 } from '@jiceng/rules';
import { buildIdNumber, buildMember, ENGINES, login, PASSWORD, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { openXlsx, sheetFile, sheetTable, upload, type ImportErrorBody } from '../../test/xlsx.ts';

type Err = { error: { code: string; message: string } };
const SESSION = {
  kind: 'rotation',
  title: '2026年党员冬训集中轮训',
  startDate: '2026-03-01',
  endDate: '2026-03-02',
  hours: 16,
  place: '社区党群服务中心',
  provider: '区委党校',
};
const IMPORT_HEADERS = ['姓名*', '公民身份号码*', '课程名称*', '学习平台', '完成日期*', '学时*'];

/** Today is 2026-11-22 (TEST_TODAY): past 1 October, so this year's shortfalls are 即将到期. */
describe.each(ENGINES)('党员教育培训 over HTTP (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let secA1a: Client;
  let streetA: Client;
  let streetB: Client;
  let communityA1: Client;
  let supA: Client;
  const people: Record<string, Member & { idNumber: string }> = {};
  const member = async (c: Client, key: string, orgId: string, over: Parameters<typeof buildMember>[1] = {}) => {
    const idNumber = buildIdNumber();
    const res = await c.post<Member>('/api/members', buildMember(orgId, { name: key, idNumber, ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    people[key] = { ...res.body, idNumber };
    return res.body;
  };
  const session = async (c: Client, over: object = {}) => {
    const res = await c.post<TrainingSession & Err>('/api/training/sessions', { ...SESSION, ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const hoursOf = async (c: Client, q = '') => (await c.get<{ items: TrainingHours[]; total: number }>(`/api/training/hours?pageSize=200${q}`)).body;
  const attendanceRows = async () => (await server.db.one<{ n: number }>(sql`select count(*)::int as n from training_attendance`))!.n;

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    [secA1a, streetA, streetB, communityA1, supA] = await Promise.all([
      login(server, 'secA1a'),
      login(server, 'streetA'),
      login(server, 'streetB'),
      login(server, 'communityA1'),
      login(server, 'supA'),
    ]);
    await member(secA1a, '周全年', t.branchA1a, { joinedDate: '2009-07-01' });
    await member(secA1a, '吴七月', t.branchA1a, { joinedDate: '2026-07-15', status: 'probationary', appliedDate: '2025-03-01' });
    await member(secA1a, '郑书记', t.branchA1a, { joinedDate: '2010-07-01', appliedDate: '2009-03-01' });
    await member(secA1a, '王委员', t.branchA1a, { joinedDate: '2026-04-10', status: 'probationary', appliedDate: '2025-03-01' });
    await member(secA1a, '冯十一', t.branchA1a, { joinedDate: '2026-11-01', status: 'probationary', appliedDate: '2025-03-01' });
    await member(communityA1, '钱二支', t.branchA1b, { joinedDate: '2015-07-01' });
    await member(t.admin, '孙乙街', t.branchB1a, { joinedDate: '2015-07-01' });
    const seat = async (personName: string, post: string, startDate: string) =>
      expect((await secA1a.post(`/api/orgs/${t.branchA1a}/committee`, { personName, post, startDate })).status).toBe(201);
    await seat('郑书记', 'secretary', '2021-01-01');
    await seat('王委员', 'organization', '2026-01-01');
  });
  afterAll(() => server.close());

  describe('sessions in scope', () => {
    it('creates a session with a version and ETag, and keeps other streets out (404)', async () => {
      const s = await session(secA1a);
      expect(s).toMatchObject({ orgId: t.branchA1a, kind: 'rotation', hours: 16, online: false, attendees: 0, version: 1, imported: false });
      const got = await streetA.get<TrainingSession>(`/api/training/sessions/${s.id}`);
      expect([got.status, got.headers.etag]).toEqual([200, '"1"']);
      expect((await streetB.get(`/api/training/sessions/${s.id}`)).status).toBe(404);
      expect((await streetB.patch(`/api/training/sessions/${s.id}`, { title: '越权修改', version: 1 })).status).toBe(404);
      expect((await streetB.del(`/api/training/sessions/${s.id}`)).status).toBe(404);
      expect((await streetB.get(`/api/training/sessions/${s.id}/attendance`)).status).toBe(404);
      expect(
        (await streetB.post(`/api/training/sessions/${s.id}/attendance`, { records: [{ memberId: people['周全年']!.id, status: 'attended' }] })).status,
      ).toBe(404);
      expect((await streetB.get<{ total: number }>('/api/training/sessions')).body.total).toBe(0);
      expect((await streetB.get(`/api/training/sessions?orgId=${t.branchA1a}`)).status).toBe(404);
      expect((await streetB.post('/api/training/sessions', { ...SESSION, orgId: t.branchA1a })).status).toBe(404);
      expect((await supA.post('/api/training/sessions', SESSION)).status).toBe(403);
      expect((await (await login(server, 'memberA1a')).get('/api/training/sessions')).status).toBe(403);
      expect((await streetA.get<{ items: TrainingSession[] }>('/api/training/sessions?year=2026')).body.items.map((x) => x.id)).toContain(s.id);
    });

    it('refuses bad dates and hours in Chinese, changing nothing', async () => {
      const before = (await server.db.one<{ n: number }>(sql`select count(*)::int as n from training_session`))!.n;
      const backwards = await secA1a.post<Err>('/api/training/sessions', { ...SESSION, endDate: '2026-02-01' });
      expect([backwards.status, backwards.body.error.message]).toEqual([400, '结束日期不能早于开始日期']);
      const odd = await secA1a.post<Err>('/api/training/sessions', { ...SESSION, hours: 1.3 });
      expect(odd.status).toBe(400);
      expect(odd.body.error.message).toMatch(/\p{Script=Han}/u);
      const kind = await secA1a.post<Err>('/api/training/sessions', { ...SESSION, kind: 'seminar' });
      expect(kind.body.error.message).toBe('「培训类型」的取值不在允许范围内');
      expect((await server.db.one<{ n: number }>(sql`select count(*)::int as n from training_session`))!.n).toBe(before);
    });

    it('needs the version it started from: 428 without, 409 stale, If-Match works; 全程参加 follow the hours', async () => {
      const s = await session(secA1a, { title: '版本测试培训' });
      await secA1a.post(`/api/training/sessions/${s.id}/attendance`, { records: [{ memberId: people['周全年']!.id, status: 'attended' }] });
      const none = await secA1a.patch<Err>(`/api/training/sessions/${s.id}`, { title: '无版本修改' });
      expect([none.status, none.body.error.code]).toEqual([428, 'VERSION_REQUIRED']);
      const ok = await secA1a.patch<TrainingSession>(`/api/training/sessions/${s.id}`, { hours: 20, version: 1 });
      expect([ok.status, ok.body.version, ok.headers.etag]).toEqual([200, 2, '"2"']);
      const stale = await secA1a.patch<Err>(`/api/training/sessions/${s.id}`, { title: '过期修改', version: 1 });
      expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
      expect(stale.body.error.message).toContain('已被他人修改');
      const byHeader = await secA1a.request<TrainingSession>('PATCH', `/api/training/sessions/${s.id}`, {
        body: { title: '按 If-Match 修改' },
        headers: { 'if-match': '"2"' },
      });
      expect([byHeader.status, byHeader.body.title]).toEqual([200, '按 If-Match 修改']);
      const att = await secA1a.get<Attendance[]>(`/api/training/sessions/${s.id}/attendance`);
      expect(att.body.map((a) => a.hours)).toEqual([20]);
      expect((await secA1a.del(`/api/training/sessions/${s.id}`)).status).toBe(200);
      expect((await secA1a.get(`/api/training/sessions/${s.id}`)).status).toBe(404);
      const audit = await t.admin.get<{ items: { action: string }[] }>(`/api/audit?entityId=${s.id}`);
      expect(audit.body.items.map((a) => a.action).sort()).toEqual([
        'training.attendance',
        'training.create',
        'training.delete',
        'training.update',
        'training.update',
      ]);
    });
  });

  describe('attendance, hours and shortfalls', () => {
    let s: TrainingSession;
    beforeAll(async () => {
      s = await session(secA1a);
      const res = await secA1a.post<Attendance[]>(`/api/training/sessions/${s.id}/attendance`, {
        records: [
          { memberId: people['周全年']!.id, status: 'attended' },
          { memberId: people['吴七月']!.id, status: 'partial', hours: 8 },
          { memberId: people['郑书记']!.id, status: 'attended' },
          { memberId: people['王委员']!.id, status: 'absent' },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const online = await session(secA1a, { kind: 'online', title: '网络专题课', startDate: '2026-05-01', endDate: '2026-05-01', hours: 16 });
      expect(online.online).toBe(true);
      await secA1a.post(`/api/training/sessions/${online.id}/attendance`, { records: [{ memberId: people['吴七月']!.id, status: 'attended' }] });
    });

    it('refuses members outside the scope (404) or outside the organizer’s subtree (400), changing nothing', async () => {
      const rows = await attendanceRows();
      const outside = await secA1a.post<Err>(`/api/training/sessions/${s.id}/attendance`, {
        records: [
          { memberId: people['周全年']!.id, status: 'absent' },
          { memberId: people['孙乙街']!.id, status: 'attended' },
        ],
      });
      expect([outside.status, outside.body.error.message]).toEqual([404, '党员不存在或不在您的管理范围内']);
      const sibling = await communityA1.post<Err>(`/api/training/sessions/${s.id}/attendance`, {
        records: [{ memberId: people['钱二支']!.id, status: 'attended' }],
      });
      expect(sibling.status).toBe(400);
      expect(sibling.body.error.message).toBe('「钱二支」不在主办组织「甲一社区第一党支部」及其下级组织中，不能登记为本次培训的参训党员');
      const partial = await secA1a.post<Err>(`/api/training/sessions/${s.id}/attendance`, {
        records: [{ memberId: people['周全年']!.id, status: 'partial', hours: 16 }],
      });
      expect(partial.body.error.message).toBe('「周全年」部分参加的认定学时应少于本次培训的 16 学时');
      const twice = await secA1a.post<Err>(`/api/training/sessions/${s.id}/attendance`, {
        records: [
          { memberId: people['周全年']!.id, status: 'absent' },
          { memberId: people['周全年']!.id, status: 'attended' },
        ],
      });
      expect(twice.status).toBe(400);
      expect(await attendanceRows()).toBe(rows);
      const att = await secA1a.get<Attendance[]>(`/api/training/sessions/${s.id}/attendance`);
      expect(att.body.find((a) => a.memberId === people['周全年']!.id)?.status).toBe('attended');
    });

    it('totals each person’s year against 32 (pro rata) and 56 for 书记 and 班子成员', async () => {
      const { items } = await hoursOf(secA1a);
      const by = Object.fromEntries(items.map((h) => [h.name, h]));
      expect(by['周全年']).toMatchObject({ role: 'member', trainingHours: 16, required: 32, shortfall: 16, met: false, sessions: 1 });
      expect(by['吴七月']).toMatchObject({ role: 'member', trainingHours: 24, required: 16, shortfall: 0, met: true, sessions: 2 });
      expect(by['郑书记']).toMatchObject({ role: 'secretary', posts: ['书记'], trainingHours: 16, required: 56, shortfall: 40 });
      expect(by['王委员']).toMatchObject({ role: 'committee', posts: ['组织委员'], trainingHours: 0, required: 42, shortfall: 42, sessions: 0 });
      // joined 1 November: 32 × 2/12 = 5.33, rounded up to 5.5
      expect(by['冯十一']).toMatchObject({ required: 5.5, shortfall: 5.5 });
      expect(by['孙乙街']).toBeUndefined();
      expect((await hoursOf(secA1a, '&role=secretary')).items.map((h) => h.name)).toEqual(['郑书记']);
      expect((await hoursOf(secA1a, '&short=true')).items.map((h) => h.name)).not.toContain('吴七月');
      expect((await hoursOf(streetB)).items.map((h) => h.name)).toEqual(['孙乙街']);
      expect((await hoursOf(secA1a, '&year=2025')).items.find((h) => h.name === '周全年')).toMatchObject({ trainingHours: 0, required: 32 });
    });

    it('computes in SQL exactly what the rule set’s functions give', async () => {
      const { items } = await hoursOf(streetA);
      const seats = await server.db.rows<{ person_name: string; start_date: string }>(
        sql`select person_name, start_date::text as start_date from org_committee_member`,
      );
      expect(items.length).toBeGreaterThan(4);
      for (const h of items) {
        const seat = seats.find((x) => x.person_name === h.name);
        const since = seat ? (seat.start_date < '2026-01-01' ? '2026-01-01' : seat.start_date) : null;
        const cadre = since ? minimumOwed(TRAINING_RULES_2026.cadreMinHours, since > h.joinedDate ? since : h.joinedDate, 2026, TRAINING_RULES_2026) : 0;
        const required = Math.max(minimumOwed(TRAINING_RULES_2026.memberMinHours, h.joinedDate, 2026, TRAINING_RULES_2026), cadre);
        expect([h.name, h.required, h.shortfall], h.name).toEqual([h.name, required, Math.max(0, required - h.totalHours)]);
      }
    });

    it('answers the annual table’s figures for the scope', async () => {
      const st = (await streetA.get<TrainingStats>('/api/training/stats?year=2026')).body;
      expect(st).toMatchObject({ year: 2026, ruleSet: 'training-hours-2026', memberMinimum: 32, cadreMinimum: 56 });
      expect(st.byKind.find((k) => k.kind === 'rotation')).toMatchObject({ label: '集中轮训', sessions: 2, personTimes: 3, totalHours: 40 });
      expect(st.byKind.find((k) => k.kind === 'online')).toMatchObject({ sessions: 1, personTimes: 1, totalHours: 16 });
      expect(st).toMatchObject({ sessions: 3, personTimes: 4, totalHours: 56 });
      expect(st.members).toEqual({ total: 4, met: 1, short: 3 });
      expect(st.cadres).toEqual({ total: 2, met: 0, short: 2 });
      expect(st.secretaries).toEqual({ total: 1, met: 0, short: 1 });
      expect((await streetB.get(`/api/training/stats?orgId=${t.branchA1a}`)).status).toBe(404);
    });

    it('shows a 党员 account its own year only', async () => {
      await server.modules.account.bootstrap({
        username: 'zhou',
        displayName: '周全年',
        role: 'member',
        orgId: t.branchA1a,
        password: PASSWORD,
        mustChangePassword: false,
      });
      await server.db.run(sql`update account set member_id = ${people['周全年']!.id} where username = 'zhou'`);
      const me = await login(server, 'zhou');
      const mine = await me.get<TrainingMine>('/api/training/me');
      expect(mine.body).toMatchObject({ year: 2026, hours: { name: '周全年', totalHours: 16, required: 32, shortfall: 16 } });
      expect(mine.body.records.map((r) => [r.title, r.status, r.hours])).toEqual([['2026年党员冬训集中轮训', 'attended', 16]]);
      expect((await me.get('/api/training/hours')).status).toBe(403);
      expect((await (await login(server, 'memberA1a')).get<Err>('/api/training/me')).status).toBe(404);
      expect((await secA1a.get('/api/training/me')).status).toBe(403);
    });

    it('makes the branch’s shortfalls one to-do 即将到期 for those who record training in scope', async () => {
      const key = `training.shortfall:${t.branchA1a}:2026`;
      const page = await secA1a.get<TodoPage>('/api/todos?source=training.shortfall');
      const todo = page.body.items.find((x) => x.key === key);
      expect(todo).toMatchObject({
        severity: 'due_soon',
        nature: 'deadline',
        dueDate: '2026-12-31',
        orgId: t.branchA1a,
        title: '甲一社区第一党支部：2026年度培训学时未达标 4 人',
      });
      expect(todo!.detail).toContain('（其中书记、班子成员 2 名）');
      expect(todo!.link).toBe(`/training/hours?orgId=${t.branchA1a}&year=2026&short=true`);
      expect((await streetA.get<TodoPage>('/api/todos?kind=training')).body.items.map((x) => x.key)).toContain(key);
      expect((await streetB.get<TodoPage>('/api/todos?source=training.shortfall')).body.items.map((x) => x.key)).not.toContain(key);
      expect((await supA.get<TodoPage>('/api/todos?source=training.shortfall')).body.total).toBe(0);
    });

    it('exports the ledger and the hours list with Chinese headers', async () => {
      const ledger = await streetA.request('GET', '/api/training/sessions/export?year=2026');
      expect(ledger.status).toBe(200);
      expect(String(ledger.headers['content-disposition'])).toContain(encodeURIComponent('培训台账（2026年）_中共甲街道工作委员会_2026-11-22.xlsx'));
      const l = sheetTable((await openXlsx(ledger.raw)).getWorksheet('培训台账')!);
      expect(l.headers).toEqual([
        '培训名称',
        '培训类型',
        '主办组织',
        '开始日期',
        '结束日期',
        '学时',
        '举办方式',
        '培训地点',
        '举办单位或学习平台',
        '参训人次',
        '缺席人数',
      ]);
      expect(l.rows.map((r) => r['培训类型']).sort()).toEqual(['网络培训', '集中轮训', '集中轮训']);
      const hours = await secA1a.request('GET', '/api/training/hours/export?short=true');
      const h = sheetTable((await openXlsx(hours.raw)).getWorksheet('培训学时')!);
      expect(h.headers).toEqual([
        '姓名',
        '所在党支部',
        '人员类别',
        '班子职务',
        '入党日期',
        '参训次数',
        '培训学时',
        '党课折算学时',
        '合计学时',
        '应达学时',
        '差额学时',
        '是否达标',
      ]);
      expect(h.rows.find((r) => r['姓名'] === '郑书记')).toMatchObject({ 人员类别: '书记', 合计学时: 16, 应达学时: 56, 差额学时: 40, 是否达标: '未达标' });
    });
  });

  describe('online-course import', () => {
    const file = (rows: (string | number | null)[][]) => sheetFile('网络培训学时', IMPORT_HEADERS, rows);
    const id = (key: string) => people[key]!.idNumber;

    it('offers a template with the columns', async () => {
      const res = await secA1a.request('GET', '/api/training/import/template');
      expect(res.status).toBe(200);
      expect(sheetTable((await openXlsx(res.raw)).getWorksheet('网络培训学时')!).headers).toEqual(IMPORT_HEADERS);
    });

    it('names every bad row and imports nothing', async () => {
      const [sessions, rows] = [(await server.db.one<{ n: number }>(sql`select count(*)::int as n from training_session`))!.n, await attendanceRows()];
      const res = await upload<ImportErrorBody>(
        secA1a,
        '/api/training/import',
        await file([
          ['周全年', id('周全年'), '党章学习', '共产党员网', '2026-06-01', 4],
          ['周全年', id('周全年'), '党章学习', '共产党员网', '2026-06-02', 4],
          ['李错名', id('吴七月'), '党史学习', '学习强国', '2026-06-01', 2],
          ['孙乙街', id('孙乙街'), '党史学习', '学习强国', '2026-06-01', 2],
          ['郑书记', id('郑书记'), '党史学习', '学习强国', '2026-12-01', 2],
          ['郑书记', id('郑书记'), '理论学习', '学习强国', '2026-06-01', 1.3],
          ['郑书记', '32010219850615001X', '理论学习', null, null, null],
        ]),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/^导入文件有 \d+ 处错误，未导入任何数据/);
      const errors = res.body.error.details!.errors.map((e) => [e.row, e.column, e.message]);
      expect(errors).toEqual([
        [3, '课程名称', '与第 2 行重复：同一党员同一年度的同一课程只能导入一次'],
        [4, '姓名', '姓名与党员档案不一致（档案中为“吴七月”）'],
        [5, '公民身份号码', '未找到该公民身份号码的党员，或该党员不在您的管理范围内'],
        [6, '完成日期', '完成日期不能晚于今天'],
        [7, '学时', '学时应为 0.5 的整数倍（如 2 或 2.5）'],
        [8, '公民身份号码', '公民身份号码校验位不正确，请核对'],
        [8, '完成日期', '请填写完成日期'],
        [8, '学时', '请填写学时'],
      ]);
      expect((await server.db.one<{ n: number }>(sql`select count(*)::int as n from training_session`))!.n).toBe(sessions);
      expect(await attendanceRows()).toBe(rows);
      const report = await upload(secA1a, '/api/training/import/error-report', await file([['李错名', id('吴七月'), '党史学习', '学习强国', '2026-06-01', 2]]));
      expect(sheetTable((await openXlsx(report.raw)).getWorksheet('网络培训学时')!).rows[0]!['错误说明']).toContain('姓名与党员档案不一致');
    });

    it('imports a good file in one go as 网络培训 sessions, and refuses it a second time', async () => {
      const good = await file([
        ['周全年', id('周全年'), '党章学习', '共产党员网', '2026-06-01', 4],
        ['郑书记', id('郑书记'), '党章学习', '共产党员网', '2026-06-03', 2.5],
        ['郑书记', id('郑书记'), '党史学习', '学习强国', '2026-07-01', 8],
      ]);
      const res = await upload(secA1a, '/api/training/import', good);
      expect([res.status, res.body]).toEqual([200, { created: 3, updated: 0 }]);
      const list = await secA1a.get<{ items: TrainingSession[] }>('/api/training/sessions?kind=online&q=党章学习');
      expect(list.body.items).toMatchObject([
        { title: '党章学习', provider: '共产党员网', imported: true, hours: 4, attendees: 2, startDate: '2026-06-01', endDate: '2026-06-03' },
      ]);
      const by = Object.fromEntries((await hoursOf(secA1a)).items.map((h) => [h.name, h]));
      expect(by['周全年']!.trainingHours).toBe(20);
      expect(by['郑书记']!.trainingHours).toBe(26.5);
      const again = await upload<ImportErrorBody>(secA1a, '/api/training/import', good);
      expect(again.status).toBe(422);
      expect(again.body.error.details!.errors[0]).toEqual({ row: 2, column: '课程名称', message: '“周全年”2026年度的该课程学时已导入过' });
      const audit = await t.admin.get<{ items: { after: { rows: number } }[] }>('/api/audit?action=training.import');
      expect(audit.body.items.map((a) => a.after.rows)).toEqual([3]);
    });
  });
});
