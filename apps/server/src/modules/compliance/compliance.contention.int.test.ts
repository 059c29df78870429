import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceRuleSetView } from '@jiceng/contracts';
import { race } from '../../test/contention.ts';
import { ENGINES, login, startSeeded, type Client, type SeededTree, type TestServer } from '../../test/harness.ts';

/**
 * Subtree rule sets racing each other: a subtree has at most one rule set per effective date
 * however many identical adds arrive at once (the unique key (region_id, org_id, effective_from) of
 * migration 0031 and an insert that does nothing on conflict: one 201, the rest the Chinese 409),
 * a delete racing adds of the same date leaves the adds that came after it and refuses the ones
 * before, and each rule set's audit rows (compliance.rules_set, compliance.rules_removed, written in
 * the same transaction) agree with what is stored. Never a 5xx.
 */
describe.each(ENGINES)('组织生活频次设置 under contention (%s)', (engine) => {
  let server: TestServer;
  let t: SeededTree;
  let streetA: Client;
  const n = async (q: ReturnType<typeof sql>) => (await server.db.one<{ n: number }>(q))!.n;
  const stored = (orgId: string, date: string) =>
    server.db.rows<{ id: string }>(
      sql`select id::text from compliance_rule_set where region_id = ${server.regionId} and org_id = ${orgId} and effective_from = ${date}::date`,
    );
  const audited = (action: string, id: string) =>
    n(sql`select count(*)::int as n from audit_log where action = ${action} and entity = 'compliance_rule_set' and entity_id = ${id}`);
  /** Rules-set audit rows for (org, date) whatever the id (a losing add must leave none). */
  const auditedAdds = (orgId: string, date: string) =>
    n(sql`select count(*)::int as n from audit_log where action = 'compliance.rules_set'
      and after ->> 'orgId' = ${orgId} and after ->> 'effectiveFrom' = ${date}`);

  const body = (orgId: string, effectiveFrom: string, minCount: number) => ({
    orgId,
    effectiveFrom,
    overrides: [{ requirementId: 'theme-day-monthly', minCount }],
    silentAfterDays: 45,
  });

  beforeAll(async () => {
    ({ server, t } = await startSeeded(engine));
    streetA = await login(server, 'streetA');
  });
  afterAll(() => server.close());

  it('20 concurrent adds of the same subtree and date: one 201, the rest the Chinese 409, one audit row', async () => {
    const { ok, refused } = await race(
      20,
      (i) => (i % 2 ? streetA : t.admin).post<ComplianceRuleSetView>('/api/compliance/rules', body(t.streetA, '2026-07-01', 1 + (i % 3))),
      { successes: 1, refusals: ['CONFLICT'] },
    );
    for (const r of refused) expect((r.body as unknown as { error: { message: string } }).error.message).toMatch(/已有自 2026-07-01 起生效/);
    const winner = ok[0]!.body;
    expect(await stored(t.streetA, '2026-07-01')).toEqual([{ id: winner.id }]);
    // the stored numbers are the winner's, and only the winner was audited
    const row = await server.db.one<{ min: number }>(
      sql`select (overrides -> 0 ->> 'minCount')::int as min from compliance_rule_set where region_id = ${server.regionId} and id = ${winner.id}`,
    );
    expect(row!.min).toBe(winner.overrides[0]!.minCount);
    expect(await audited('compliance.rules_set', winner.id)).toBe(1);
    expect(await auditedAdds(t.streetA, '2026-07-01')).toBe(1);
  });

  it('adds of one date for different subtrees all succeed at once', async () => {
    const orgs = [t.streetA, t.streetB, t.communityA1, t.communityB1, t.branchA1a, t.branchB1a];
    await race(orgs.length, (i) => t.admin.post('/api/compliance/rules', body(orgs[i]!, '2026-09-01', 2)), { successes: orgs.length });
    for (const orgId of orgs) {
      const rows = await stored(orgId, '2026-09-01');
      expect(rows).toHaveLength(1);
      expect(await audited('compliance.rules_set', rows[0]!.id)).toBe(1);
    }
  });

  it('a delete racing adds of the same subtree and date: the delete wins once, an add only after it, the audit agrees', async () => {
    const date = '2026-10-01';
    const first = await streetA.post<ComplianceRuleSetView>('/api/compliance/rules', body(t.streetA, date, 2));
    expect(first.status).toBe(201);
    const { answers } = await race(
      11,
      (i) =>
        i === 0
          ? streetA.del(`/api/compliance/rules/${first.body.id}?version=${first.body.version}`)
          : t.admin.post<ComplianceRuleSetView>('/api/compliance/rules', body(t.streetA, date, 3)),
      { successes: [1, 2], refusals: ['CONFLICT'] },
    );
    expect(answers[0]!.status).toBe(200);
    const added = answers.slice(1).filter((a) => a.status === 201);
    expect(added.length).toBeLessThanOrEqual(1);
    // what is stored is the add that came after the delete, or nothing
    expect(await stored(t.streetA, date)).toEqual(added.map((a) => ({ id: (a.body as ComplianceRuleSetView).id })));
    expect(await audited('compliance.rules_set', first.body.id)).toBe(1);
    expect(await audited('compliance.rules_removed', first.body.id)).toBe(1);
    expect(await auditedAdds(t.streetA, date)).toBe(1 + added.length);
  });

  it('10 concurrent deletes of one rule set at one version: one 200, the rest the Chinese 404 (it is gone, not changed), one audit row', async () => {
    const created = await streetA.post<ComplianceRuleSetView>('/api/compliance/rules', body(t.streetA, '2026-12-01', 2));
    expect(created.status).toBe(201);
    await race(10, (i) => (i % 2 ? streetA : t.admin).del(`/api/compliance/rules/${created.body.id}?version=${created.body.version}`), {
      successes: 1,
      refusals: ['NOT_FOUND'],
    });
    expect(await stored(t.streetA, '2026-12-01')).toEqual([]);
    expect(await audited('compliance.rules_removed', created.body.id)).toBe(1);
  });
});
