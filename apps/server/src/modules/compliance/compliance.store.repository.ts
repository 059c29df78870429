import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { evaluated, type EvaluationInput } from './compliance.repository.ts';

/** A uuid[] expression of `ids`, sent as one parameter. */
const uuids = (ids: readonly string[]): SQL => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const yearBounds = (year: number) => sql`${`${year}-01-01`}::date and ${`${year}-12-31`}::date`;

/** The compliance read model (migration 0038): stored items, built years, change marks. */
export const complianceStoreRepository = {
  /** Whether anything is marked, and each built year's judging day. */
  async state(db: Database, regionId: string): Promise<{ dirty: boolean; years: Map<number, string> }> {
    const rows = await db.rows<{ dirty: boolean; year: number | null; judged_on: string | null }>(sql`select
        exists (select 1 from compliance_dirty where region_id = ${regionId}) as dirty, s.year, s.judged_on::text as judged_on
      from (select 1) one left join compliance_store s on s.region_id = ${regionId}`);
    return {
      dirty: rows[0]?.dirty ?? false,
      years: new Map(rows.filter((r) => r.year !== null).map((r) => [r.year!, r.judged_on!])),
    };
  },

  /**
   * Takes the region's refresh lock for the transaction and returns the built years with their
   * judging days. JIT off, as for the 待办 read model: the recomputing queries are small but their
   * estimates pass the JIT threshold.
   */
  async lock(tx: Database, regionId: string): Promise<Map<number, string>> {
    await tx.run(sql`set local jit = off`);
    await tx.run(sql`insert into compliance_store_lock (region_id) values (${regionId}) on conflict (region_id) do nothing`);
    await tx.run(sql`select region_id from compliance_store_lock where region_id = ${regionId} for update`);
    const rows = await tx.rows<{ year: number; judged_on: string }>(
      sql`select year, judged_on::text as judged_on from compliance_store where region_id = ${regionId}`,
    );
    return new Map(rows.map((r) => [r.year, r.judged_on]));
  },

  /**
   * Removes the marks committed so far and returns the organizations they name: a marked
   * organization, and every organization of a marked subtree (a rule set).
   */
  async claimDirty(tx: Database, regionId: string): Promise<string[]> {
    const rows = await tx.rows<{ id: string }>(sql`with gone as (delete from compliance_dirty where region_id = ${regionId} returning org_id, subtree)
      select g.org_id::text as id from gone g where not g.subtree
      union select o.id::text from gone g join org d on d.region_id = ${regionId} and d.id = g.org_id
        join org o on o.region_id = d.region_id and o.path <@ d.path where g.subtree`);
    return rows.map((r) => r.id);
  },

  /** Organizations whose committee in office differs between the days `from` and `to` (from < to): a seat began or ended in between. */
  async committeeChanged(tx: Database, regionId: string, from: string, to: string): Promise<string[]> {
    const rows = await tx.rows<{ id: string }>(sql`select distinct org_id::text as id from org_committee_member
      where region_id = ${regionId} and ((start_date > ${from}::date and start_date <= ${to}::date) or (end_date >= ${from}::date and end_date < ${to}::date))`);
    return rows.map((r) => r.id);
  },

  /**
   * Replaces the year's items of the organizations `orgIds` (all of the region's when null) with
   * the live judgement's (`e`: the year's requirement rows, the subtrees' rule sets applied in SQL);
   * a requirement a rule set sets to 0 is not one.
   */
  async replace(tx: Database, regionId: string, year: number, orgIds: readonly string[] | null, e: EvaluationInput): Promise<void> {
    await tx.run(sql`delete from compliance_item where region_id = ${regionId} and period_start between ${yearBounds(year)}
      ${orgIds ? sql`and org_id = any(${uuids(orgIds)})` : sql``}`);
    const live: EvaluationInput = { ...e, scopePath: '', stored: false, overridesInSql: true, orgRefs: orgIds ? uuids(orgIds) : null };
    await tx.run(sql`insert into compliance_item (region_id, org_id, requirement_id, period_kind, period_start, period_end, min_count, held, partial, due_soon_days)
      with ${evaluated(live)}
      select ${regionId}, i.org_id, i.requirement_id, i.period_kind, i.period_start, i.period_end, i.min_count, i.held, i.partial, i.due_soon_days
      from items i where i.min_count > 0
      order by i.period_kind, i.period_start, i.org_id`);
  },

  async setJudged(tx: Database, regionId: string, year: number, day: string): Promise<void> {
    await tx.run(sql`insert into compliance_store (region_id, year, judged_on) values (${regionId}, ${year}, ${day}::date)
      on conflict (region_id, year) do update set judged_on = excluded.judged_on`);
  },

  /** Planner statistics after a build (PGlite runs no autovacuum). */
  async analyze(tx: Database): Promise<void> {
    await tx.run(sql`analyze compliance_item`);
  },

  /** Every stored item of the region, for comparing with a rebuild. */
  all(db: Database, regionId: string) {
    return db.rows(sql`select org_id::text as org_id, requirement_id, period_kind, period_start::text as period_start,
        period_end::text as period_end, min_count, held, partial, due_soon_days
      from compliance_item where region_id = ${regionId} order by org_id, requirement_id, period_start`);
  },
};
