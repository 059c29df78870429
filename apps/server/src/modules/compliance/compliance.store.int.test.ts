import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceRuleSetView } from '@jiceng/contracts';
import {
  COMPLIANCE_ACTIVE_STATES,
  COMPLIANCE_COMMITTEE_MIN_SEATS,
  COMPLIANCE_COUNTED_STATES,
  COMPLIANCE_RULES_2018,
  periodOf,
  type CalendarPeriod,
} from '@jiceng/rules';
import { buildOrg, ENGINES, movableClock, seedTree, startTestServer, type SeededTree, type TestServer } from '../../test/harness.ts';
import { insertMeeting } from '../../test/meetings.ts';
import { complianceRepository as repo, type EvaluationInput } from './compliance.repository.ts';
import { requirementRows } from './compliance.requirements.ts';
import { createComplianceStore, type ComplianceStore } from './compliance.store.ts';

/**
 * The compliance read model (migration 0038, ADR 0018) against the live judgement: after every
 * kind of change — meetings written, changed and deleted (this year and last), a subtree's rule set
 * added and removed, committee seats changed and ending with the day, organizations moved, set up,
 * re-dated and dissolved, the month turning — every view (roll-up by child, what was missed, the
 * heat map, the organizations' page and their items) of every scope reads the same from the stored
 * items as judged live from the meeting counts.
 */
describe.each(ENGINES)('compliance read model (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let store: ComplianceStore;
  const clock = movableClock('2026-11-22T04:00:00Z');
  const defaults = [COMPLIANCE_RULES_2018];
  const silentTypes = ['branch', 'joint_branch'];

  const meeting = (orgId: string, type: string, date: string, state: string, bySecretary = false) =>
    insertMeeting(server, { orgId, type, date, state, bySecretary });
  const pathOf = async (id: string) =>
    (await server.db.one<{ p: string }>(sql`select path::text as p from org where region_id = ${server.regionId} and id = ${id}`))!.p;
  const byJson = <T>(xs: T[]) => [...xs].map((x) => JSON.stringify(x)).sort();

  /** Every view of every scope, from the store and live, for the periods around today and a month of last year. */
  async function expectSameAsLive(step: string) {
    const today = clock.today();
    const views: CalendarPeriod[] = [periodOf('month', today), periodOf('quarter', today), periodOf('year', today), periodOf('month', '2025-06-15')];
    const scopes = await Promise.all([t.rootId, t.streetA, t.communityA1, t.branchA1a].map(pathOf));
    let compared = 0;
    for (const view of views) {
      await store.refresh(today, [view.year]);
      for (const scopePath of scopes) {
        const sets = await repo.ruleSets(server.db, server.regionId, scopePath);
        const base: EvaluationInput = {
          regionId: server.regionId,
          scopePath,
          today,
          requirements: requirementRows(defaults, sets, view),
          counted: COMPLIANCE_COUNTED_STATES,
          active: COMPLIANCE_ACTIVE_STATES,
          committeeMinSeats: COMPLIANCE_COMMITTEE_MIN_SEATS,
        };
        const read = async (stored: boolean) => {
          const e = { ...base, stored };
          return {
            counts: byJson(await repo.countsByChild(server.db, e)),
            missing: byJson(await repo.missingByChild(server.db, e)),
            heat: byJson(await repo.heatmap(server.db, e)),
            items: byJson(await repo.items(server.db, e)),
            page: await repo.orgPage(server.db, { ...e, filter: 'all', q: null, limit: 100, offset: 0, silentTypes }),
          };
        };
        const live = await read(false);
        compared += live.items.length;
        expect(await read(true), `${step}: ${view.kind} ${view.year}-${view.index} under ${scopePath}`).toEqual(live);
      }
    }
    // a view that judges nothing would pass too: the world holds items to compare
    expect(compared).toBeGreaterThan(20);
  }

  beforeAll(async () => {
    server = await startTestServer(engine, { clock });
    t = await seedTree(server);
    store = createComplianceStore({ db: server.db, regionId: server.regionId, defaults });
    await server.db.run(sql`update org set approval_date = '2015-03-01' where region_id = ${server.regionId}`);
    for (const [personName, post] of [
      ['张书记', 'secretary'],
      ['李委员', 'organization'],
      ['王委员', 'publicity'],
    ])
      expect((await t.admin.post(`/api/orgs/${t.branchA1a}/committee`, { personName, post, startDate: '2024-01-01' })).status).toBe(201);
    await meeting(t.branchA1a, 'committee_meeting', '2026-11-05', 'reviewed');
    await meeting(t.branchA1a, 'theme_day', '2026-11-10', 'submitted');
    await meeting(t.branchA1a, 'branch_assembly', '2026-10-15', 'archived');
    await meeting(t.branchA1a, 'party_lecture', '2026-11-12', 'returned', true);
    await meeting(t.branchA1b, 'theme_day', '2026-11-25', 'notice');
    await meeting(t.branchA1b, 'branch_assembly', '2025-06-08', 'reviewed');
  });
  afterAll(() => server.close());

  it('reads every view as the live judgement does, after every kind of change and as the days pass', async () => {
    await expectSameAsLive('built');

    // meetings: recorded, submitted, deleted; one of last year
    const planned = await meeting(t.branchB1a, 'theme_day', '2026-11-08', 'held');
    await expectSameAsLive('a meeting held');
    await server.db.run(sql`update meeting set state = 'submitted' where region_id = ${server.regionId} and id = ${planned}`);
    await expectSameAsLive('its record submitted');
    await server.db.run(sql`delete from meeting where region_id = ${server.regionId} and id = ${planned}`);
    await expectSameAsLive('the meeting deleted');
    await meeting(t.branchB1a, 'committee_meeting', '2025-06-03', 'reviewed');
    await expectSameAsLive('a meeting of last year');

    // a street's own numbers from a date, then removed
    const added = await t.admin.post<ComplianceRuleSetView>('/api/compliance/rules', {
      orgId: t.streetA,
      effectiveFrom: '2026-10-01',
      overrides: [
        { requirementId: 'theme-day-monthly', minCount: 2 },
        { requirementId: 'party-lecture-quarterly', minCount: 0 },
      ],
      silentAfterDays: 45,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    await expectSameAsLive('a street rule set');
    expect((await t.admin.del(`/api/compliance/rules/${added.body.id}?version=${added.body.version}`)).status).toBe(200);
    await expectSameAsLive('the rule set removed');

    // committee: a seat ends in three days; nothing is written when it does
    await server.db.run(sql`update org_committee_member set end_date = '2026-11-24' where region_id = ${server.regionId} and person_name = '王委员'`);
    await expectSameAsLive('a seat to end');
    clock.advance(3 * 86_400);
    await expectSameAsLive('the seat ended with the day');

    // organizations: moved, set up this year, dissolved
    expect((await t.admin.post(`/api/orgs/${t.branchA1b}/move`, { newParentId: t.communityB1 })).status).toBe(200);
    await expectSameAsLive('a branch moved to another street');
    const created = await t.admin.post<{ id: string }>('/api/orgs', buildOrg(t.communityA1, { name: '甲一社区第三党支部' }));
    expect(created.status).toBe(201);
    await server.db.run(sql`update org set approval_date = '2026-08-15' where region_id = ${server.regionId} and id = ${created.body.id}`);
    await meeting(created.body.id, 'theme_day', '2026-11-20', 'reviewed');
    await expectSameAsLive('a branch set up this year');
    expect((await t.admin.post(`/api/orgs/${created.body.id}/dissolve`, {})).status).toBe(200);
    await expectSameAsLive('the branch dissolved');

    // the month turns
    clock.advance(8 * 86_400);
    expect(clock.today()).toBe('2026-12-03');
    await expectSameAsLive('a new month');
  });

  it('is built and kept by the compliance-refresh job, off the request path', async () => {
    await server.db.run(sql`delete from compliance_store where region_id = ${server.regionId}`);
    await server.jobs.find((j) => j.name === 'compliance-refresh')!.run();
    const built = await server.db.rows<{ year: number; judged_on: string }>(
      sql`select year, judged_on::text as judged_on from compliance_store where region_id = ${server.regionId}`,
    );
    expect(built).toEqual([{ year: 2026, judged_on: clock.today() }]);
    await expectSameAsLive('built by the job');
  });

  it('rebuilds to the same items it kept up to date', async () => {
    const kept = await store.rows();
    await server.db.run(sql`delete from compliance_store where region_id = ${server.regionId}`);
    await store.refresh(clock.today(), [2025, 2026]);
    expect(await store.rows()).toEqual(kept);
  });
});
