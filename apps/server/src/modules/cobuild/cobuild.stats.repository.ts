import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** The statistics' reads: agreements with either side under `scopePath`, the log of one year when given. */
export interface StatsScope {
  regionId: string;
  scopePath: string;
  year: number | null;
  today: string;
}

const inScope = (s: StatsScope): SQL => sql`a.region_id = ${s.regionId} and (a.org_a_path <@ ${s.scopePath}::ltree or a.org_b_path <@ ${s.scopePath}::ltree)`;
const inYear = (s: StatsScope): SQL => (s.year ? sql`and extract(year from g.on_date)::int = ${s.year}` : sql``);
const logJoin = sql`from cobuild_log g join cobuild_agreement a on a.region_id = g.region_id and a.id = g.agreement_id`;

export const cobuildStatsRepository = {
  /** Agreements by partner kind and state, with those ending within `windowDays`. */
  byState(db: Database, s: StatsScope, windowDays: number): Promise<{ kind: string; state: string; n: number; expiring: number }[]> {
    return db.rows(sql`select a.partner_kind as kind, a.state, count(*)::int as n,
        count(*) filter (where a.state = 'active' and a.end_on between ${s.today}::date and ${s.today}::date + ${windowDays}::int)::int as expiring
      from cobuild_agreement a where ${inScope(s)} group by 1, 2`);
  },

  /** Distinct organizations paired (in force or ended), side B by kind and overall (kind null), side A overall. */
  partners(db: Database, s: StatsScope): Promise<{ kind: string | null; n: number; a: number }[]> {
    return db.rows(sql`select x.kind, count(distinct x.b)::int as n, count(distinct x.oa)::int as a from (
        select a.partner_kind as kind, a.org_b_id as b, a.org_a_id as oa from cobuild_agreement a where ${inScope(s)} and a.state in ('active', 'expired')
      ) x group by rollup (x.kind)`);
  },

  logTotals(db: Database, s: StatsScope): Promise<{ activities: number; participants: number; problems: number; funds: number } | undefined> {
    return db.one(sql`select count(*) filter (where g.kind = 'activity')::int as activities,
        coalesce(sum(g.participants) filter (where g.kind = 'activity'), 0)::int as participants,
        coalesce(sum(g.count) filter (where g.kind = 'problem'), 0)::int as problems, coalesce(sum(g.amount_fen) filter (where g.kind = 'fund'), 0)::float8 as funds
      ${logJoin} where ${inScope(s)} ${inYear(s)}`);
  },

  byHeading(db: Database, s: StatsScope): Promise<{ heading: string; activities: number; problems: number }[]> {
    return db.rows(sql`select g.heading, count(*) filter (where g.kind = 'activity')::int as activities,
        coalesce(sum(g.count) filter (where g.kind = 'problem'), 0)::int as problems
      ${logJoin} where ${inScope(s)} ${inYear(s)} and g.heading is not null group by 1 order by 2 desc, 3 desc, 1 limit 20`);
  },

  /** The last 24 months with entries, newest first. */
  byMonth(db: Database, s: StatsScope): Promise<{ month: string; activities: number; problems: number; funds: number }[]> {
    return db.rows(sql`select to_char(g.on_date, 'YYYY-MM') as month, count(*) filter (where g.kind = 'activity')::int as activities,
        coalesce(sum(g.count) filter (where g.kind = 'problem'), 0)::int as problems, coalesce(sum(g.amount_fen) filter (where g.kind = 'fund'), 0)::float8 as funds
      ${logJoin} where ${inScope(s)} ${inYear(s)} group by 1 order by 1 desc limit 24`);
  },

  async overdueCommitments(db: Database, s: StatsScope, graceDays: number): Promise<number> {
    const r = await db.one<{ n: number }>(sql`select count(*)::int as n from cobuild_commitment k
        join cobuild_agreement a on a.region_id = k.region_id and a.id = k.agreement_id
      where ${inScope(s)} and a.state = 'active' and k.done_on is null and k.due_on + ${graceDays}::int < ${s.today}::date`);
    return r?.n ?? 0;
  },
};
