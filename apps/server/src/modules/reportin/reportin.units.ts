import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * A resident unit (驻区单位) as the modules after 双报到 know it: its standing report to one community
 * (`unit_report_in`, status reported). A unit reported to two communities is two of these, joined
 * by its 统一社会信用代码. A 驻区单位 account acts for the reports it filed itself (the account is
 * bound to the community; the report it filed names the unit).
 */
export interface ReportedUnit {
  /** The unit_report_in id. */
  id: string;
  unitName: string;
  creditCode: string;
  communityId: string;
  communityName: string;
  communityPath: string;
}

const select = sql`select u.id, u.unit_name as "unitName", u.credit_code as "creditCode", u.community_id as "communityId",
  c.name as "communityName", c.path::text as "communityPath"
  from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id`;

export const reportedUnits = {
  /** The standing units a 驻区单位 account filed (empty for any other account). */
  async ofAccount(db: Database, actor: Pick<Actor, 'id' | 'regionId' | 'role'>): Promise<ReportedUnit[]> {
    if (actor.role !== 'resident_unit') return [];
    return db.rows<ReportedUnit>(
      sql`${select} where u.region_id = ${actor.regionId} and u.created_by = ${actor.id} and u.status = 'reported' order by u.report_date, u.id`,
    );
  },
  /** One standing unit report by id, or undefined. */
  byId(db: Database, regionId: string, id: string): Promise<ReportedUnit | undefined> {
    return db.one<ReportedUnit>(sql`${select} where u.region_id = ${regionId} and u.id = ${id} and u.status = 'reported'`);
  },
  /** The standing units of the communities under `path`. */
  under(db: Database, regionId: string, path: string): Promise<ReportedUnit[]> {
    return db.rows<ReportedUnit>(
      sql`${select} where u.region_id = ${regionId} and c.path <@ ${path}::ltree and u.status = 'reported' order by c.path, u.unit_name`,
    );
  },
};

/**
 * The unit a 驻区单位 account acts for: `unitId` when given (one of its own, else 404), or its
 * earliest report; 404 when it has none.
 */
export async function actingUnit(db: Database, actor: Pick<Actor, 'id' | 'regionId' | 'role'>, unitId?: string | null): Promise<ReportedUnit> {
  const own = await reportedUnits.ofAccount(db, actor);
  if (unitId) {
    const u = own.find((x) => x.id === unitId);
    if (!u) throw notFound('驻区单位');
    return u;
  }
  if (own.length === 0) throw notFound('本账号报到的驻区单位（请先到社区报到）');
  return own[0]!;
}
