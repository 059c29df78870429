import { sql, type SQL } from 'drizzle-orm';
import type { RmFigures } from '@jiceng/rules';
import type { Database } from '../../platform/db/database.ts';

export interface RatingRow {
  id: string;
  year: number;
  rater: 'community' | 'unit';
  unit_id: string;
  unit_name: string;
  community_id: string;
  community_name: string;
  org_path: string;
  scores: Record<string, number>;
  total: number;
  grade: string;
  comment: string | null;
  rated_by_name: string | null;
  updated_at: string;
  version: number;
}

export interface LedgerRow {
  unit_id: string;
  unit_name: string;
  community_id: string;
  community_name: string;
  street_name: string | null;
  report_id: string | null;
  report_state: string | null;
  figures: RmFigures | null;
  unit_total: number | null;
  unit_grade: string | null;
  community_total: number | null;
  community_grade: string | null;
}

const select = sql`select x.id, x.year, x.rater, x.unit_id, u.unit_name, x.community_id, c.name as community_name, x.org_path::text as org_path,
  x.scores, x.total, x.grade, x.comment, x.rated_by_name, x.updated_at::text as updated_at, x.version
  from rm_rating x join unit_report_in u on u.region_id = x.region_id and u.id = x.unit_id join org c on c.region_id = x.region_id and c.id = x.community_id`;

/**
 * The ledger's units: the units of the communities under the path that stand reported, or that
 * have a report or a rating of the year (a unit that left keeps its year).
 */
const ledgerFrom = (regionId: string, path: string, year: number, q: string | null): SQL => sql`from unit_report_in u
  join org c on c.region_id = u.region_id and c.id = u.community_id
  left join org s on s.region_id = c.region_id and s.id = c.parent_id
  left join rm_report r on r.region_id = u.region_id and r.unit_id = u.id and r.year = ${year}
  left join rm_rating ru on ru.region_id = u.region_id and ru.unit_id = u.id and ru.year = ${year} and ru.rater = 'community'
  left join rm_rating rc on rc.region_id = u.region_id and rc.unit_id = u.id and rc.year = ${year} and rc.rater = 'unit'
  where u.region_id = ${regionId} and c.path <@ ${path}::ltree and (u.status = 'reported' or r.id is not null or ru.id is not null or rc.id is not null)
  ${q ? sql`and strpos(u.unit_name, ${q}) > 0` : sql``}`;

/** SQL of the 双向评价 and the ledger per unit and year. */
export const ratingRepository = {
  pair(db: Database, regionId: string, year: number, unitId: string): Promise<RatingRow[]> {
    return db.rows<RatingRow>(sql`${select} where x.region_id = ${regionId} and x.year = ${year} and x.unit_id = ${unitId} order by x.rater`);
  },

  /** One side's rating, its row held until the transaction ends (a change to it takes it first). */
  one(db: Database, regionId: string, year: number, rater: string, unitId: string): Promise<{ id: string; version: number } | undefined> {
    return db.one(
      sql`select id, version from rm_rating where region_id = ${regionId} and year = ${year} and rater = ${rater} and unit_id = ${unitId} for update`,
    );
  },

  /** The first rating of the pair: of two at once the unique index lets one in (the other is a 409). */
  async insert(
    tx: Database,
    regionId: string,
    r: {
      id: string;
      year: number;
      rater: string;
      unitId: string;
      communityId: string;
      orgPath: string;
      ruleSet: string;
      scores: Record<string, number>;
      total: number;
      grade: string;
      comment: string | null;
      by: string;
      byName: string;
    },
  ): Promise<void> {
    await tx.run(sql`insert into rm_rating (region_id, id, year, rater, unit_id, community_id, org_path, rule_set, scores, total, grade, comment, rated_by, rated_by_name)
      values (${regionId}, ${r.id}, ${r.year}, ${r.rater}, ${r.unitId}, ${r.communityId}, ${r.orgPath}::ltree, ${r.ruleSet}, ${JSON.stringify(r.scores)}::jsonb,
        ${r.total}, ${r.grade}, ${r.comment}, ${r.by}, ${r.byName})`);
  },

  /** A later change, only at the version the form started from. */
  async update(
    tx: Database,
    regionId: string,
    r: {
      id: string;
      version: number;
      ruleSet: string;
      scores: Record<string, number>;
      total: number;
      grade: string;
      comment: string | null;
      by: string;
      byName: string;
    },
  ): Promise<boolean> {
    const n =
      await tx.run(sql`update rm_rating set rule_set = ${r.ruleSet}, scores = ${JSON.stringify(r.scores)}::jsonb, total = ${r.total}, grade = ${r.grade},
        comment = ${r.comment}, rated_by = ${r.by}, rated_by_name = ${r.byName}, version = version + 1, updated_at = now()
      where region_id = ${regionId} and id = ${r.id} and version = ${r.version}`);
    return n > 0;
  },

  async ledger(db: Database, regionId: string, path: string, year: number, q: string | null, page: number, pageSize: number) {
    const from = ledgerFrom(regionId, path, year, q);
    const [items, total] = await Promise.all([
      db.rows<LedgerRow>(sql`select u.id as unit_id, u.unit_name, c.id as community_id, c.name as community_name, s.name as street_name,
          r.id as report_id, r.state as report_state, r.figures, ru.total as unit_total, ru.grade as unit_grade, rc.total as community_total, rc.grade as community_grade
        ${from} order by c.path, u.unit_name, u.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
      db.one<{ n: number }>(sql`select count(*)::int as n ${from}`),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  /** Ratings by grade and side in the scope, and the standing units their community has not rated. */
  async figures(db: Database, regionId: string, path: string, year: number) {
    const [grades, unrated] = await Promise.all([
      db.rows<{ rater: string; grade: string; n: number }>(sql`select rater, grade, count(*)::int as n from rm_rating
        where region_id = ${regionId} and year = ${year} and org_path <@ ${path}::ltree group by rater, grade`),
      db.one<{ n: number }>(sql`select count(*)::int as n from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id
        where u.region_id = ${regionId} and u.status = 'reported' and c.path <@ ${path}::ltree
          and not exists (select 1 from rm_rating x where x.region_id = u.region_id and x.unit_id = u.id and x.year = ${year} and x.rater = 'community')`),
    ]);
    return { grades, unrated: unrated?.n ?? 0 };
  },
};
export type RatingRepository = typeof ratingRepository;

/** A unit (any status) with its community, for the rating pages. */
export interface RatedUnitRow {
  id: string;
  unit_name: string;
  status: string;
  created_by: string | null;
  community_id: string;
  community_name: string;
  community_path: string;
}

export const ratedUnit = (db: Database, regionId: string, id: string): Promise<RatedUnitRow | undefined> =>
  db.one<RatedUnitRow>(sql`select u.id, u.unit_name, u.status, u.created_by::text as created_by, u.community_id, c.name as community_name, c.path::text as community_path
    from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id where u.region_id = ${regionId} and u.id = ${id}`);
