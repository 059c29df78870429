import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/** One organization with the counts the setup rules need. */
export interface OrgCountRow {
  id: string;
  name: string;
  type: string;
  parent_name: string | null;
  members: number;
  full_members: number;
  subtree_members: number;
  committee_seats: number;
}

/** A unit a 联合党支部 covers, with its 正式党员 whose 工作单位 is the unit's name. */
export interface JointUnitRow {
  org_id: string;
  name: string;
  full_members: number;
}

/** Only `orgId` when given, else every active organization of the listed types under `scopePath`. */
const target = (regionId: string, scopePath: string, types: readonly string[], orgId: string | null) =>
  sql`o.region_id = ${regionId} and o.path <@ ${scopePath}::ltree and o.status = 'active'
    and o.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)}) ${orgId ? sql`and o.id = ${orgId}` : sql``}`;

/**
 * Read model of the 组织设置 checks: counts over the org tree, the member records (relations held,
 * not left), sitting committee members and covered units. Reads only; the owning modules write.
 */
export const orgSetupRepository = {
  /**
   * Members held directly (and 正式党员 among them), members in the subtree, and sitting committee
   * members (no end date, or one not yet past) of the organizations checked.
   */
  counts(db: Database, regionId: string, scopePath: string, types: readonly string[], today: string, orgId: string | null = null) {
    return db.rows<OrgCountRow>(sql`with held as (
        select m.org_id, count(*)::int as members, (count(*) filter (where m.status = 'full'))::int as full_members
        from member m join org s on s.region_id = m.region_id and s.id = m.org_id
        where m.region_id = ${regionId} and m.status <> 'left' and s.path <@ ${scopePath}::ltree
        group by m.org_id)
      select o.id, o.name, o.type, p.name as parent_name,
        coalesce(h.members, 0)::int as members, coalesce(h.full_members, 0)::int as full_members,
        coalesce((select sum(x.members) from org s join held x on x.org_id = s.id where s.region_id = o.region_id and s.path <@ o.path), 0)::int as subtree_members,
        (select count(*) from org_committee_member c where c.region_id = o.region_id and c.org_id = o.id
          and (c.end_date is null or c.end_date >= ${today}::date))::int as committee_seats
      from org o
      left join org p on p.region_id = o.region_id and p.id = o.parent_id
      left join held h on h.org_id = o.id
      where ${target(regionId, scopePath, types, orgId)}
      order by o.path`);
  },

  /** The units of the 联合党支部 checked, each with its full members matched by 工作单位 (trimmed). */
  jointUnits(db: Database, regionId: string, scopePath: string, orgId: string | null = null) {
    return db.rows<JointUnitRow>(sql`select u.org_id, u.name,
        (select count(*) from member m where m.region_id = u.region_id and m.org_id = u.org_id and m.status = 'full'
          and btrim(m.work_unit) = btrim(u.name))::int as full_members
      from org_unit u join org o on o.region_id = u.region_id and o.id = u.org_id
      where ${target(regionId, scopePath, ['joint_branch'], orgId)}
      order by u.org_id, u.seq`);
  },
};
export type OrgSetupRepository = typeof orgSetupRepository;
