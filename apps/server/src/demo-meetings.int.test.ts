import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MEETING_STATE_IDS,
  MEETING_TYPE_IDS,
  type ComplianceOrgPage,
  type ComplianceRules,
  type Meeting,
  type MyMeeting,
  type TodoPage,
} from '@jiceng/contracts';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';
import { DEMO_RULE_SET, demoRuleSetFrom } from '../seeds/demo-compliance.ts';
import { demoBranchMeetings, monthDay } from '../seeds/demo-meetings.ts';

type List = { items: Meeting[]; total: number };

describe('demo meetings plan', () => {
  it('puts every type and every state in the demo branch, dated around the seed day', () => {
    const list = demoBranchMeetings('2026-12-02');
    expect(new Set(list.map((m) => m.type))).toEqual(new Set(MEETING_TYPE_IDS));
    expect(new Set(list.map((m) => m.to))).toEqual(new Set(MEETING_STATE_IDS));
    // approved ones lie in the past; nothing is dated before a year ago
    for (const m of list) if (m.to !== 'plan' && m.to !== 'notice' && m.to !== 'cancelled') expect(m.date < '2026-12-02', m.title).toBe(true);
    expect(list.every((m) => m.date >= '2025-12-01')).toBe(true);
    expect(monthDay('2026-03-31', 1, 31)).toBe('2026-02-28');
    expect(monthDay('2026-12-02', 0, 8)).toBe('2026-12-01');
  });

  it('dates the street’s rule set from the first day of the quarter before the seed day’s', () => {
    expect(demoRuleSetFrom('2026-12-02')).toBe('2026-07-01');
    expect(demoRuleSetFrom('2026-04-01')).toBe('2026-01-01');
    expect(demoRuleSetFrom('2026-02-15')).toBe('2025-10-01');
  });
});

describe.each(ENGINES)('demo meetings (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  });
  afterAll(() => server.close());

  it('holds meetings of every type in every state, 书记讲党课 on some 党课, an amendment and a returned record with its reason', async () => {
    const rows = await server.db.rows<{ state: string; type: string; n: number }>(sql`select state, type, count(*)::int as n from meeting group by 1, 2`);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(MEETING_STATE_IDS));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(MEETING_TYPE_IDS));
    const r = await server.db.one<{ lectures: number; amended: number; returned: number; orgs: number }>(sql`select
      (select count(*)::int from meeting where type = 'party_lecture' and lecture_by_secretary) as lectures,
      (select count(*)::int from meeting_amendment) as amended,
      (select count(*)::int from meeting where state = 'returned' and return_reason is not null) as returned,
      (select count(distinct org_id)::int from meeting) as orgs`);
    expect(r!.lectures).toBeGreaterThan(1);
    expect(r!.amended).toBeGreaterThan(0);
    expect(r!.returned).toBeGreaterThan(0);
    expect(r!.orgs).toBeGreaterThan(2);
  });

  it('shows the secretary overdue meetings, the 督导员 a record to review and the 党员 the notice', async () => {
    const shuji = await login(server, 'shuji', DEMO_PASSWORD);
    const overdue = (await shuji.get<List>('/api/meetings?overdue=true&pageSize=100')).body;
    expect(new Set(overdue.items.map((m) => m.state))).toEqual(new Set(['notice', 'recorded']));
    for (const source of ['meeting.not_held', 'meeting.record_due', 'meeting.returned'])
      expect((await shuji.get<TodoPage>(`/api/todos?source=${source}`)).body.total, source).toBeGreaterThan(0);

    const dudao = await login(server, 'dudao', DEMO_PASSWORD);
    const waiting = (await dudao.get<List>('/api/meetings?state=submitted')).body;
    expect(waiting.total).toBeGreaterThan(0);
    expect(waiting.items[0]!.actions).toEqual(expect.arrayContaining(['approve', 'return']));
    expect((await dudao.get<TodoPage>('/api/todos?source=meeting.review')).body.total).toBeGreaterThan(0);

    const me = await login(server, 'dangyuan', DEMO_PASSWORD);
    const mine = (await me.get<MyMeeting[]>('/api/me/meetings')).body;
    expect(mine.some((m) => m.state === 'notice' && m.orgName === DEMO_ORG.branch)).toBe(true);
    expect((await me.get<TodoPage>('/api/todos?source=meeting.notice')).body.total).toBeGreaterThan(0);
    // the first to-do read after the seed builds the to-do read model of the whole district (50 s on PGlite, 2 cores)
  }, 180_000);

  it('gives the compliance calendar done, missing and due items and a silent branch', async () => {
    const shequ = await login(server, 'shequ', DEMO_PASSWORD);
    const branchId = (await server.db.one<{ id: string }>(sql`select id from org where name = ${DEMO_ORG.branch}`))!.id;
    const statuses = async (period: string, date: string) => {
      const page = (await shequ.get<ComplianceOrgPage>(`/api/compliance/orgs?orgId=${branchId}&period=${period}&date=${date}`)).body;
      return new Set(page.items.flatMap((o) => o.items.map((i) => `${i.requirementId} ${i.status}`)));
    };
    const today = server.clock.today();
    // month 5 before today had no 主题党日 (missing), month 4 had one (done)
    expect(await statuses('month', monthDay(today, 5, 15))).toContain('theme-day-monthly overdue');
    expect(await statuses('month', monthDay(today, 4, 15))).toContain('theme-day-monthly done');
    // this month's 主题党日 is planned, not held yet
    expect([...(await statuses('month', today))].some((s) => /^theme-day-monthly (due|due_soon|upcoming)$/.test(s))).toBe(true);
    expect((await shequ.get<ComplianceOrgPage>('/api/compliance/orgs?status=silent')).body.total).toBeGreaterThan(0);
  });

  it('shows the street’s own rule set in the rules drawer, applied to its branches from its date', async () => {
    const jiedao = await login(server, 'jiedao', DEMO_PASSWORD);
    const today = server.clock.today();
    const from = demoRuleSetFrom(today);
    const rules = (await jiedao.get<ComplianceRules>('/api/compliance/rules')).body;
    expect(rules.sets).toHaveLength(1);
    expect(rules.sets[0]).toMatchObject({
      orgName: DEMO_ORG.street,
      effectiveFrom: from,
      overrides: DEMO_RULE_SET.overrides,
      note: DEMO_RULE_SET.note,
      createdByName: '刘志刚',
    });
    // the other street has none of its own
    const admin = await login(server, 'admin', DEMO_PASSWORD);
    const other = (await server.db.one<{ id: string }>(sql`select id from org where name = ${DEMO_ORG.otherStreet}`))!.id;
    expect((await admin.get<ComplianceRules>(`/api/compliance/rules?orgId=${other}`)).body.sets).toEqual([]);
    // the demo branch: two 党课 a quarter from the date, one before it
    const branchId = (await server.db.one<{ id: string }>(sql`select id from org where name = ${DEMO_ORG.branch}`))!.id;
    const lecture = async (date: string) => {
      const page = await jiedao.get<ComplianceOrgPage>(`/api/compliance/orgs?orgId=${branchId}&period=quarter&date=${date}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      return page.body.items.find((o) => o.orgId === branchId)!.items.find((i) => i.requirementId === 'party-lecture-quarterly')!;
    };
    expect(await lecture(today)).toMatchObject({ required: 2, label: '党课每季度至少2次' });
    expect((await lecture(monthDay(from, 1, 15))).required).toBe(1);
  });
});
