import { sql } from 'drizzle-orm';
import { MEMBER_AGE_BANDS } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';

/** Full years on `today`, then the band key of MEMBER_AGE_BANDS. */
const band = (today: string) => {
  const age = sql`extract(year from age(${today}::date, m.birth_date))::int`;
  const cases = MEMBER_AGE_BANDS.filter((b) => b.max !== undefined).map((b) => sql`when ${age} <= ${b.max!}::int then ${b.key}::text`);
  return sql`case ${sql.join(cases, sql` `)} else ${MEMBER_AGE_BANDS[MEMBER_AGE_BANDS.length - 1]!.key}::text end`;
};

/** Aggregates over the members of a subtree; never a row of a member. */
export const memberStatsRepository = {
  /**
   * Members of the organizations under `path` who have not left, counted by gender, by education and
   * by age band on `today`, in one pass (grouping sets): `dim` names the breakdown of each row.
   */
  counts(db: Database, regionId: string, path: string, today: string) {
    return db.rows<{ dim: 'gender' | 'education' | 'age'; key: string; n: number }>(sql`select
        case when grouping(x.gender) = 0 then 'gender' when grouping(x.education) = 0 then 'education' else 'age' end as dim,
        coalesce(x.gender, x.education, x.band) as key, count(*)::int as n
      from (select m.gender, m.education, ${band(today)} as band
            from member m join org o on o.region_id = m.region_id and o.id = m.org_id
            where m.region_id = ${regionId} and o.path <@ ${path}::ltree and m.status <> 'left') x
      group by grouping sets ((x.gender), (x.education), (x.band))`);
  },
};
