import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceHeatmap, ComplianceOrgPage, ComplianceRules, ComplianceRuleSetView, ComplianceSummary } from '@jiceng/contracts';
import { COMPLIANCE_RULES_2018, evaluateCompliance, periodOf, type HeldMeeting } from '@jiceng/rules';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';
import { insertMeeting } from '../../test/meetings.ts';

type Err = { error: { code: string; message: string } };

/**
 * The compliance calendar over HTTP (the test clock stands on 2026-11-22): what each branch held,
 * judged by rule set compliance-2018 in SQL, must be what the pure evaluator says; roll-ups by
 * child, the organizations' page, silent branches, the heat map, subtree rule sets from a date,
 * and scope.
 */
describe.each(ENGINES)('compliance calendar (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  let streetB: Client;

  /** A meeting of `orgId` in `state` on `date` (as the meeting module writes it; only what the calendar reads matters here). */
  const meeting = (orgId: string, type: string, date: string, state: string, bySecretary = false) =>
    insertMeeting(server, { orgId, type, date, state, bySecretary });

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    // set up long ago (a branch set up this year would be exempt from the periods before)
    await server.db.run(sql`update org set approval_date = '2015-03-01' where region_id = ${server.regionId}`);
    streetA = await login(server, 'streetA');
    streetB = await login(server, 'streetB');
    // A1a: a good November (committee with 3 seats, so 支委会 applies); A1b: nothing since October
    for (const [personName, post] of [
      ['张书记', 'secretary'],
      ['李委员', 'organization'],
      ['王委员', 'publicity'],
    ])
      expect((await streetA.post(`/api/orgs/${t.branchA1a}/committee`, { personName, post, startDate: '2024-01-01' })).status).toBe(201);
    await meeting(t.branchA1a, 'committee_meeting', '2026-11-05', 'reviewed');
    await meeting(t.branchA1a, 'theme_day', '2026-11-10', 'submitted');
    await meeting(t.branchA1a, 'branch_assembly', '2026-10-15', 'archived');
    await meeting(t.branchA1a, 'party_lecture', '2026-11-12', 'returned', true);
    // planned and cancelled meetings never count
    await meeting(t.branchA1b, 'theme_day', '2026-11-25', 'notice');
    await meeting(t.branchA1b, 'committee_meeting', '2026-11-02', 'cancelled');
    await meeting(t.branchA1b, 'branch_assembly', '2026-10-08', 'reviewed');
  });
  afterAll(() => server.close());

  it('judges every requirement-period as the pure rule set does (rule compliance-2018)', async () => {
    const page = (await streetA.get<ComplianceOrgPage>('/api/compliance/orgs?period=quarter&pageSize=50')).body;
    expect(page.period).toMatchObject({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31', label: '2026年第四季度' });
    const held: Record<string, HeldMeeting[]> = {
      [t.branchA1a]: [
        { type: 'committee_meeting', date: '2026-11-05' },
        { type: 'theme_day', date: '2026-11-10' },
        { type: 'branch_assembly', date: '2026-10-15' },
        { type: 'party_lecture', date: '2026-11-12', bySecretary: true },
      ],
      [t.branchA1b]: [{ type: 'branch_assembly', date: '2026-10-08' }],
    };
    for (const [orgId, meetings] of Object.entries(held)) {
      const row = page.items.find((r) => r.orgId === orgId)!;
      const expected = evaluateCompliance(
        { type: 'branch', hasCommittee: orgId === t.branchA1a, activeFrom: '2015-03-01' },
        periodOf('quarter', '2026-11-22'),
        meetings,
        '2026-11-22',
        COMPLIANCE_RULES_2018,
      );
      const key = (x: { requirementId: string; start: string }) => `${x.requirementId}@${x.start}`;
      expect(row.items.map((i) => [key(i), i.held, i.required, i.status]).sort()).toEqual(expected.map((i) => [key(i), i.held, i.required, i.status]).sort());
    }
    // A1a met 支委会 and 主题党日 in November, missed them in October; A1b has no committee (no 支委会 requirement)
    const a1a = page.items.find((r) => r.orgId === t.branchA1a)!;
    expect(a1a.items.find((i) => i.requirementId === 'committee-monthly' && i.start === '2026-11-01')).toMatchObject({ status: 'done', statusLabel: '已完成' });
    expect(a1a.items.find((i) => i.requirementId === 'committee-monthly' && i.start === '2026-10-01')).toMatchObject({
      status: 'overdue',
      statusLabel: '未完成',
    });
    expect(a1a.items.find((i) => i.requirementId === 'secretary-lecture-yearly')).toMatchObject({ status: 'done', held: 1 });
    const a1b = page.items.find((r) => r.orgId === t.branchA1b)!;
    expect(a1b.items.some((i) => i.requirementId === 'committee-monthly')).toBe(false);
    // 8 days left of November: due, not yet due soon (7 days, dueSoonDays.month)
    expect(a1b.items.find((i) => i.requirementId === 'theme-day-monthly' && i.start === '2026-11-01')).toMatchObject({ held: 0, status: 'due' });
    // most missing first
    expect(page.items[0]!.missing).toBeGreaterThanOrEqual(page.items.at(-1)!.missing);
  });

  it('rolls the month up by child, ranks the children and names what they missed', async () => {
    const s = (await t.admin.get<ComplianceSummary>('/api/compliance/summary?period=month')).body;
    expect(s.period).toMatchObject({ kind: 'month', start: '2026-11-01', end: '2026-11-30', label: '2026年11月' });
    const a = s.children.find((c) => c.orgId === t.streetA)!;
    const b = s.children.find((c) => c.orgId === t.streetB)!;
    expect(a.orgName).toBe('中共甲街道工作委员会');
    expect(a.counts.organizations).toBeGreaterThanOrEqual(2);
    expect(a.counts.done).toBeGreaterThan(0);
    expect(b.counts.done).toBe(0);
    expect(a.rank).toBe(1);
    expect(b.rank).toBeGreaterThan(1);
    // the district committee itself has a requirement too (书记讲党课), in a row of its own
    expect(s.children.find((c) => c.orgId === s.scope.orgId)?.counts.items).toBeGreaterThan(0);
    expect(a.missing.map((m) => m.requirementId)).toContain('theme-day-monthly');
    const sum = s.children.reduce((n, c) => n + c.counts.items, 0);
    expect(s.totals.items).toBe(sum);
    expect(s.totals.rate).toBeCloseTo(s.totals.done / (s.totals.done + s.totals.due + s.totals.dueSoon + s.totals.overdue), 3);
  });

  it('turns a missing requirement done once the record is submitted', async () => {
    const theme = async () =>
      (await streetA.get<ComplianceOrgPage>('/api/compliance/orgs?period=month')).body.items
        .find((r) => r.orgId === t.branchA1b)!
        .items.find((i) => i.requirementId === 'theme-day-monthly')!;
    expect((await theme()).status).toBe('due');
    const id = await meeting(t.branchA1b, 'theme_day', '2026-11-20', 'held');
    expect((await theme()).status).toBe('due');
    await server.db.run(sql`update meeting set state = 'submitted' where region_id = ${server.regionId} and id = ${id}`);
    expect((await theme()).status).toBe('done');
    await server.db.run(sql`update meeting set state = 'cancelled' where region_id = ${server.regionId} and id = ${id}`);
    expect((await theme()).status).toBe('due');
  });

  it('finds silent branches: no meeting held for 30 days', async () => {
    const silent = (await streetA.get<ComplianceOrgPage>('/api/compliance/orgs?status=silent')).body;
    expect(silent.items.map((r) => r.orgId)).toEqual([t.branchA1b]);
    expect(silent.items[0]).toMatchObject({ silent: true, lastMeetingDate: '2026-10-08' });
    const b = (await t.admin.get<ComplianceOrgPage>(`/api/compliance/orgs?status=silent&orgId=${t.streetB}`)).body;
    expect(b.items.map((r) => r.orgId)).toEqual([t.branchB1a]);
  });

  it('keeps to the scope: another street’s organizations are 404, its own summary shows only its subtree', async () => {
    expect((await streetB.get<Err>(`/api/compliance/summary?orgId=${t.streetA}`)).status).toBe(404);
    expect((await streetB.get<Err>(`/api/compliance/orgs?orgId=${t.branchA1a}`)).status).toBe(404);
    const s = (await streetB.get<ComplianceSummary>('/api/compliance/summary')).body;
    expect(s.scope.orgId).toBe(t.streetB);
    expect(s.children.map((c) => c.orgId).sort()).toEqual([t.streetB, t.communityB1].sort());
    const member = await login(server, 'memberA1a');
    expect((await member.get<Err>('/api/compliance/summary')).status).toBe(403);
  });

  it('draws a heat map of children × months', async () => {
    const h = (await t.admin.get<ComplianceHeatmap>('/api/compliance/heatmap?year=2026')).body;
    expect(h.months).toHaveLength(12);
    const a = h.rows.find((r) => r.orgId === t.streetA)!;
    expect(a.rates).toHaveLength(12);
    expect(a.rates[10]).toBeGreaterThan(0);
    // nothing has fallen due yet in a year to come
    const later = (await t.admin.get<ComplianceHeatmap>('/api/compliance/heatmap?year=2030')).body;
    expect(later.rows.every((r) => r.rates.every((x) => x === null))).toBe(true);
  });

  it('applies a subtree’s own numbers from their date, and refuses bad ones in Chinese', async () => {
    const rules = (await streetA.get<ComplianceRules>('/api/compliance/rules')).body;
    expect(rules.defaults.requirements.find((r) => r.requirementId === 'theme-day-monthly')).toMatchObject({ minCount: 1, every: 'month' });
    const body = { orgId: t.streetA, effectiveFrom: '2026-11-01', overrides: [{ requirementId: 'theme-day-monthly', minCount: 2 }], silentAfterDays: 60 };
    const created = await streetA.post<ComplianceRuleSetView>('/api/compliance/rules', body);
    expect(created.status).toBe(201);
    const a1a = async (period: string) =>
      (await streetA.get<ComplianceOrgPage>(`/api/compliance/orgs?period=${period}`)).body.items.find((r) => r.orgId === t.branchA1a)!;
    const nov = (await a1a('month')).items.find((i) => i.requirementId === 'theme-day-monthly')!;
    expect(nov).toMatchObject({ required: 2, held: 1, status: 'due' });
    // October is before the date: the default still applies there
    const oct = (await a1a('quarter')).items.find((i) => i.requirementId === 'theme-day-monthly' && i.start === '2026-10-01')!;
    expect(oct.required).toBe(1);
    // 60 days of silence now: A1b (last meeting 2026-10-08, 45 days) is no longer silent
    expect((await streetA.get<ComplianceOrgPage>('/api/compliance/orgs?status=silent')).body.items).toEqual([]);
    // street B is unaffected
    const b1a = (await streetB.get<ComplianceOrgPage>('/api/compliance/orgs?period=month')).body.items.find((r) => r.orgId === t.branchB1a)!;
    expect(b1a.items.find((i) => i.requirementId === 'theme-day-monthly')!.required).toBe(1);

    const again = await streetA.post<Err>('/api/compliance/rules', body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/已有自 2026-11-01 起生效/);
    const unknown = await streetA.post<Err>('/api/compliance/rules', {
      ...body,
      effectiveFrom: '2027-01-01',
      overrides: [{ requirementId: 'nope', minCount: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/未知的组织生活要求/);
    expect((await streetB.post<Err>('/api/compliance/rules', { ...body, effectiveFrom: '2027-01-01' })).status).toBe(404);

    expect((await streetA.del<Err>(`/api/compliance/rules/${created.body.id}`)).status).toBe(428);
    expect((await streetA.del<Err>(`/api/compliance/rules/${created.body.id}?version=${created.body.version + 1}`)).status).toBe(409);
    expect((await streetB.del<Err>(`/api/compliance/rules/${created.body.id}?version=${created.body.version}`)).status).toBe(404);
    expect((await streetA.del(`/api/compliance/rules/${created.body.id}?version=${created.body.version}`)).status).toBe(200);
    expect((await a1a('month')).items.find((i) => i.requirementId === 'theme-day-monthly')!.required).toBe(1);
  });
});
