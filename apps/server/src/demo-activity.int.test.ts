import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoPage, TrainingStats } from '@jiceng/contracts';
import { trainingReminder } from '@jiceng/rules';
import { ENGINES, login, type TestServer } from './test/harness.ts';
import { startDemoServer } from './test/demo-server.ts';
import { planActivity, type ActivityPlan } from '../seeds/demo-activity.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_PASSWORD } from '../seeds/demo-accounts.ts';
import { planMembers } from '../seeds/demo-members.ts';
import { planDemo } from '../seeds/demo.ts';
import { givenNameSex } from '../seeds/names.ts';
import { createRandom } from '../seeds/random.ts';

/** The plan as the seed makes it on `today` (same seeds as demo.ts), organizations named instead of by id. */
function activityOn(today: string): { activity: ActivityPlan; named: string } {
  const plan = planDemo(today);
  const dangyuan = DEMO_ACCOUNTS.find((a) => a.role === 'member')!;
  const members = planMembers(plan, today, createRandom(3_300_017), [
    { orgName: dangyuan.orgName, name: dangyuan.displayName, female: true, birthDate: '1988-03-12' },
  ]);
  const activity = planActivity(plan, members, today, createRandom(5_200_023));
  const names = new Map(plan.orgs.map((o) => [o.id, o.name]));
  return { activity, named: JSON.stringify(activity, (_, v: unknown) => (typeof v === 'string' && names.has(v) ? names.get(v) : v)) };
}

/** Counts by state that the plan promises, in the shape of `countsIn`. */
function plannedCounts(a: ActivityPlan): Record<string, number> {
  const c: Record<string, number> = {};
  const add = (k: string) => (c[k] = (c[k] ?? 0) + 1);
  for (const t of a.transfers) add(`transfer internal ${t.outcome.status}`);
  for (const l of a.letters) add(`transfer letter_out ${l.outcome.status}`);
  for (const _ of a.arrivals) add('transfer letter_in accepted');
  for (const f of a.floating) add(`floating ${f.returned ? 'returned' : f.verified ? 'verified' : f.arrival ? 'pending_verify' : 'pending_arrival'}`);
  for (const l of a.lost) add(`lost ${l.foundOn ? 'found' : 'lost'}`);
  for (const l of a.lost) for (const _ of l.attempts) add('lost attempt');
  for (const p of a.appraisals) for (const g of p.grades) add(`appraisal ${p.year} ${g.grade}`);
  for (const p of a.appraisals)
    for (const g of p.grades) if (g.disposition) add(`disposition ${g.disposition.kind} ${g.disposition.done ? 'done' : 'in_progress'}`);
  for (const h of a.hardships) add(`hardship ${h.closed ? 'closed' : h.cadre === null ? 'open without cadre' : 'open with cadre'}`);
  for (const h of a.hardships) for (const _ of h.visits) add('hardship visit');
  for (const _ of a.cadres) add('hardship cadre');
  for (const r of a.memberReports) add(`member report ${r.cancelled ? 'cancelled' : 'reported'}`);
  for (const u of a.unitReports) add(`unit report ${u.cancelled ? 'cancelled' : 'reported'}`);
  return c;
}

/** The same counts as stored. */
async function countsIn(s: TestServer): Promise<Record<string, number>> {
  const rows = await s.db.rows<{ k: string; n: number }>(sql`
    select 'transfer ' || kind || ' ' || status as k, count(*)::int as n from transfer group by 1
    union all select 'floating ' || status, count(*)::int from floating_member group by 1
    union all select 'lost ' || status, count(*)::int from lost_contact group by 1
    union all select 'lost attempt', count(*)::int from lost_contact_attempt having count(*) > 0
    union all select 'appraisal ' || year || ' ' || grade, count(*)::int from appraisal group by 1
    union all select 'disposition ' || kind || ' ' || status, count(*)::int from appraisal_disposition group by 1
    union all select 'hardship ' || case when closed_date is not null then 'closed' when cadre_id is null then 'open without cadre' else 'open with cadre' end, count(*)::int from hardship group by 1
    union all select 'hardship visit', count(*)::int from hardship_visit having count(*) > 0
    union all select 'hardship cadre', count(*)::int from hardship_cadre having count(*) > 0
    union all select 'member report ' || status, count(*)::int from member_report_in group by 1
    union all select 'unit report ' || status, count(*)::int from unit_report_in group by 1`);
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

describe('demo activity plan', () => {
  it('is the same on every run, and has every state of every module', () => {
    const a = activityOn('2026-11-22');
    expect(activityOn('2026-11-22').named).toBe(a.named);
    const c = plannedCounts(a.activity);
    for (const k of [
      'transfer internal pending',
      'transfer internal accepted',
      'transfer internal returned',
      'transfer internal cancelled',
      'transfer letter_out pending',
      'transfer letter_out received',
      'transfer letter_out cancelled',
      'transfer letter_in accepted',
      'floating pending_arrival',
      'floating pending_verify',
      'floating verified',
      'floating returned',
      'lost lost',
      'lost found',
      'disposition correction in_progress',
      'disposition correction done',
      'disposition persuade in_progress',
      'disposition remove in_progress',
      'hardship open with cadre',
      'hardship open without cadre',
      'hardship closed',
      'member report reported',
      'member report cancelled',
      'unit report reported',
      'unit report cancelled',
    ])
      expect(c[k], k).toBeGreaterThan(0);
    for (const g of ['excellent', 'qualified', 'basically_qualified', 'unqualified']) expect(c[`appraisal 2025 ${g}`], g).toBeGreaterThan(0);
  });

  it('keeps its dates relative to the seed day (a quarter start has recent records but nothing dated later)', () => {
    const { activity } = activityOn('2026-01-01');
    const dates = JSON.stringify(activity).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const past = dates.filter((d) => d <= '2026-01-01');
    // expected return dates, 活动证 and letter validity and 限期改正 deadlines lie ahead; every step taken does not
    expect(past.length).toBeGreaterThan(dates.length / 2);
    for (const t of activity.transfers) expect(t.startedOn <= '2026-01-01').toBe(true);
    for (const h of activity.hardships) for (const v of h.visits) expect(v.date <= '2026-01-01').toBe(true);
  });
});

/** Counts of the first engine's seed, to compare the next engine's with. */
let firstCounts: Record<string, number> | null = null;

describe.each(ENGINES)('demo district at work (%s)', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startDemoServer(engine);
  });
  afterAll(() => server.close());

  it('stores exactly the planned records (the same on every fresh start and on each engine)', async () => {
    const stored = await countsIn(server);
    expect(stored).toEqual(plannedCounts(activityOn(server.clock.today()).activity));
    if (firstCounts) expect(stored).toEqual(firstCounts);
    firstCounts = stored;
  });

  it('tags 困难 exactly the members with an open hardship record, and 流动 those away', async () => {
    const mismatched = await server.db.one<{ hardship: number; floating: number; tagged: number }>(sql`select
      count(*) filter (where ('hardship' = any(m.categories)) <> exists (select 1 from hardship h where h.region_id = m.region_id and h.member_id = m.id and h.closed_date is null))::int as hardship,
      count(*) filter (where ('floating' = any(m.categories)) <> exists (select 1 from floating_member f where f.region_id = m.region_id and f.member_id = m.id and f.status <> 'returned'))::int as floating,
      count(*) filter (where 'hardship' = any(m.categories))::int as tagged
      from member m`);
    expect(mismatched).toMatchObject({ hardship: 0, floating: 0 });
    expect(mismatched!.tagged).toBeGreaterThan(50);
  });

  it('keeps member records in step with transfers and lost contact', async () => {
    const r = await server.db.one<{ moved: number; out: number; suspended: number; cadres_over: number }>(sql`select
      (select count(*)::int from transfer t join member m on m.region_id = t.region_id and m.id = t.member_id
        where t.kind = 'internal' and ((t.status = 'accepted') <> (m.org_id = t.to_org_id))) as moved,
      (select count(*)::int from member m where (m.transferred_out_date is not null) <> exists (select 1 from transfer t
        where t.region_id = m.region_id and t.member_id = m.id and t.kind = 'letter_out' and t.status = 'received')) as out,
      (select count(*)::int from member m where (m.status = 'suspended') <> exists (select 1 from lost_contact l
        where l.region_id = m.region_id and l.member_id = m.id and l.status = 'lost')
        and m.status = 'suspended') as suspended,
      (select count(*)::int from (select cadre_id from hardship where closed_date is null and cadre_id is not null group by 1 having count(*) > 3) x) as cadres_over`);
    expect(r).toEqual({ moved: 0, out: 0, suspended: 0, cadres_over: 0 });
  });

  it('gives women women’s names and men men’s', async () => {
    const members = await server.db.rows<{ name: string; gender: string }>(sql`select name, gender from member`);
    const wrong = members.filter((m) => {
      const sex = givenNameSex(m.name.slice(1));
      return sex !== null && sex !== m.gender;
    });
    expect(wrong).toEqual([]);
  });

  it('puts every module on the 工作台 of the district, overdue and due soon', async () => {
    const admin = await login(server, 'admin', DEMO_PASSWORD);
    const sources = [
      'transfer.letter',
      'floating.six_months',
      'floating.cert_expired',
      'floating.pending',
      'member.lost_contact',
      'appraisal.disposition',
      'hardship.visit',
    ];
    for (const source of sources) {
      const page = await admin.get<TodoPage>(`/api/todos?source=${source}&pageSize=100`);
      expect(page.status, source).toBe(200);
      expect(page.body.total, source).toBeGreaterThan(0);
      if (source === 'appraisal.disposition') expect(new Set(page.body.items.map((t) => t.severity))).toEqual(new Set(['overdue', 'due_soon']));
      if (source === 'member.lost_contact')
        expect(new Set(page.body.items.map((t) => (t.title.includes('建议除名') ? 'remove' : 'suspend')))).toEqual(new Set(['suspend', 'remove']));
    }
  });

  it('holds training of every kind, members meeting and short of the minimum, 书记 and 班子成员 among them', async () => {
    const admin = await login(server, 'admin', DEMO_PASSWORD);
    const year = Number(server.clock.today().slice(0, 4));
    const st = (await admin.get<TrainingStats>(`/api/training/stats?year=${year}`)).body;
    for (const k of st.byKind) expect(k.sessions, k.kind).toBeGreaterThan(0);
    for (const g of [st.members, st.cadres]) expect([g.met > 0, g.short > 0]).toEqual([true, true]);
    expect(st.secretaries.total).toBeGreaterThan(0);
    const mine = await (await login(server, 'shuji', DEMO_PASSWORD)).get<{ total: number }>(`/api/training/hours?year=${year - 1}&short=true`);
    expect(mine.body.total).toBeGreaterThan(0);
    // from 1 October to 31 January the branches' shortfalls are to-dos (rule training-reminder)
    const todos = (await admin.get<TodoPage>('/api/todos?source=training.shortfall')).body.total;
    expect(todos > 0).toBe(trainingReminder(server.clock.today()) !== null);
  });

  it('shows each demo account the modules of its own scope', async () => {
    const total = async (username: string, url: string) => {
      const res = await (await login(server, username, DEMO_PASSWORD)).get<{ total?: number } | unknown[]>(url);
      expect(res.status, `${username} ${url}`).toBe(200);
      return Array.isArray(res.body) ? res.body.length : (res.body.total ?? 0);
    };
    for (const username of ['shuji', 'shequ', 'jiedao']) {
      for (const url of ['/api/transfers', '/api/floating', '/api/lost-contact', '/api/hardship', '/api/appraisals/dispositions'])
        expect(await total(username, url), `${username} ${url}`).toBeGreaterThan(0);
      expect((await (await login(server, username, DEMO_PASSWORD)).get<TodoPage>('/api/todos?pageSize=1')).body.total, username).toBeGreaterThan(0);
    }
    for (const username of ['shequ', 'jiedao']) expect(await total(username, '/api/report-ins/members'), username).toBeGreaterThan(0);
    expect(await total('danwei', '/api/report-ins/units')).toBeGreaterThan(0);
    const me = await login(server, 'dangyuan', DEMO_PASSWORD);
    expect((await me.get<unknown[]>('/api/me/appraisals')).body.length).toBe(2);
    expect((await me.get<{ current: { communityName: string } | null }>('/api/me/report-in')).body.current?.communityName).toBe(DEMO_ORG.community);
  });
});
