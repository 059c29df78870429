import { sql, type SQL } from 'drizzle-orm';
import { REPORT_IN_ORG_DOMAINS, REPORT_IN_ORG_TYPES, type MemberReportInQuery, type MemberReportInView, type UnitReportInQuery } from '@jiceng/contracts';
import type { Database } from '../../platform/db/database.ts';
import { searchMatch } from '../../platform/search/chinese-search.ts';

/** An organization as a report target (read across the whole region: one may report outside one's street). */
export interface CommunityRow {
  id: string;
  name: string;
  path: string;
  type: string;
  domain: string;
  status: string;
}

/**
 * A member's report with the member's snapshot. Only what the community may see is selected from
 * the member record (name, gender, home branch, masked phone); nothing is decrypted.
 */
export interface MemberReportRow {
  id: string;
  community_id: string;
  community_name: string;
  community_path: string;
  member_id: string;
  member_name: string;
  gender: string;
  home_org_name: string;
  home_org_path: string;
  phone_masked: string | null;
  report_date: string;
  intentions: string | null;
  status: string;
  cancelled_date: string | null;
  cancel_reason: string | null;
  created_at: string;
}

export interface UnitReportRow {
  id: string;
  community_id: string;
  community_name: string;
  community_path: string;
  unit_name: string;
  credit_code: string;
  contact_name: string;
  phone_enc: string;
  phone_masked: string;
  resources: string | null;
  report_date: string;
  status: string;
  cancelled_date: string | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface MemberReportFilter extends MemberReportInQuery {
  scopePath: string;
  view: MemberReportInView;
}

export interface UnitReportFilter extends UnitReportInQuery {
  /** Subtree of the communities, or (self-scoped accounts) only the reports this account filed. */
  scopePath: string | null;
  createdBy: string | null;
}

const textArray = (a: readonly string[]) =>
  sql`array[${sql.join(
    a.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

const memberReportSelect = sql`select r.id, r.community_id, c.name as community_name, c.path::text as community_path,
  r.member_id, m.name as member_name, m.gender, mo.name as home_org_name, mo.path::text as home_org_path, m.phone_masked,
  r.report_date, r.intentions, r.status, r.cancelled_date, r.cancel_reason, r.created_at::text as created_at
  from member_report_in r
  join org c on c.region_id = r.region_id and c.id = r.community_id
  join member m on m.region_id = r.region_id and m.id = r.member_id
  join org mo on mo.region_id = m.region_id and mo.id = m.org_id`;

const unitReportSelect = sql`select u.id, u.community_id, c.name as community_name, c.path::text as community_path, u.unit_name,
  u.credit_code, u.contact_name, u.phone_enc, u.phone_masked, u.resources, u.report_date, u.status, u.cancelled_date,
  u.cancel_reason, u.created_by, u.created_at::text as created_at
  from unit_report_in u join org c on c.region_id = u.region_id and c.id = u.community_id`;

/** Conditions of a member-report list, status aside (the counts by status share them). */
function memberWhere(regionId: string, f: MemberReportFilter): SQL[] {
  const w: SQL[] = [sql`r.region_id = ${regionId}`];
  w.push(f.view === 'home' ? sql`mo.path <@ ${f.scopePath}::ltree` : sql`c.path <@ ${f.scopePath}::ltree`);
  if (f.communityId) w.push(sql`r.community_id = ${f.communityId}`);
  if (f.q) w.push(searchMatch(sql`m.search`, f.q));
  return w;
}

function unitWhere(regionId: string, f: UnitReportFilter): SQL[] {
  const w: SQL[] = [sql`u.region_id = ${regionId}`];
  if (f.scopePath !== null) w.push(sql`c.path <@ ${f.scopePath}::ltree`);
  if (f.createdBy !== null) w.push(sql`u.created_by = ${f.createdBy}`);
  if (f.communityId) w.push(sql`u.community_id = ${f.communityId}`);
  if (f.q) w.push(sql`strpos(u.unit_name, ${f.q}) > 0`);
  return w;
}

/**
 * One page of `select` (which must end in its joins) in `order`, the total, and the counts by
 * status for the same conditions without the status filter.
 */
async function pageOf<T>(db: Database, select: SQL, statusColumn: SQL, base: SQL[], status: string | undefined, order: SQL, page = 1, pageSize = 20) {
  const withStatus = sql.join(status ? [...base, sql`${statusColumn} = ${status}`] : base, sql` and `);
  const items = await db.rows<T>(sql`${select} where ${withStatus} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const counts = await db.rows<{ status: string; n: number }>(
    sql`select x.status, count(*)::int as n from (${select} where ${sql.join(base, sql` and `)}) x group by x.status`,
  );
  const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  return { items, total: status ? n(status) : counts.reduce((sum, c) => sum + c.n, 0), reported: n('reported'), cancelled: n('cancelled') };
}

export const reportInRepository = {
  /** An organization by id anywhere in the region (the report target; scope is the caller's business). */
  community(db: Database, regionId: string, id: string) {
    return db.one<CommunityRow>(sql`select id, name, path::text as path, type, domain, status from org where region_id = ${regionId} and id = ${id}`);
  },

  /** Active community (village) organizations anywhere in the region whose name matches `q`. */
  communities(db: Database, regionId: string, q: string | undefined, limit: number) {
    return db.rows<{ id: string; name: string; type: string; parent_name: string | null }>(sql`select o.id, o.name, o.type, p.name as parent_name
      from org o left join org p on p.region_id = o.region_id and p.id = o.parent_id
      where o.region_id = ${regionId} and o.status = 'active' and o.type = any(${textArray(REPORT_IN_ORG_TYPES)})
        and o.domain = any(${textArray(REPORT_IN_ORG_DOMAINS)}) and ${q ? searchMatch(sql`o.search`, q) : sql`true`}
      order by o.depth, o.path limit ${limit}`);
  },

  memberReport(db: Database, regionId: string, id: string, lock = false) {
    return db.one<MemberReportRow>(sql`${memberReportSelect} where r.region_id = ${regionId} and r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
  },

  /** A member's reports, the standing one first. */
  memberReportsOf(db: Database, regionId: string, memberId: string) {
    return db.rows<MemberReportRow>(sql`${memberReportSelect} where r.region_id = ${regionId} and r.member_id = ${memberId}
      order by (r.status = 'reported') desc, r.report_date desc, r.id desc`);
  },

  /** The member's standing report, if any (one at a time). */
  standingReportOf(db: Database, regionId: string, memberId: string) {
    return db.one<MemberReportRow>(sql`${memberReportSelect} where r.region_id = ${regionId} and r.member_id = ${memberId} and r.status = 'reported'`);
  },

  listMemberReports(db: Database, regionId: string, f: MemberReportFilter) {
    return pageOf<MemberReportRow>(
      db,
      memberReportSelect,
      sql`r.status`,
      memberWhere(regionId, f),
      f.status,
      sql`r.status desc, r.report_date desc, r.id desc`,
      f.page,
      f.pageSize,
    );
  },

  async insertMemberReport(
    db: Database,
    regionId: string,
    r: { id: string; memberId: string; communityId: string; reportDate: string; intentions: string | null; createdBy: string },
  ) {
    await db.run(sql`insert into member_report_in (region_id, id, member_id, community_id, report_date, intentions, created_by)
      values (${regionId}, ${r.id}, ${r.memberId}, ${r.communityId}, ${r.reportDate}, ${r.intentions}, ${r.createdBy})`);
  },

  async cancelMemberReport(db: Database, regionId: string, id: string, date: string, reason: string) {
    await db.run(sql`update member_report_in set status = 'cancelled', cancelled_date = ${date}, cancel_reason = ${reason}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },

  unitReport(db: Database, regionId: string, id: string, lock = false) {
    return db.one<UnitReportRow>(sql`${unitReportSelect} where u.region_id = ${regionId} and u.id = ${id} ${lock ? sql`for update of u` : sql``}`);
  },

  /** The standing report of the unit with this credit code to this community, if any. */
  standingUnitReport(db: Database, regionId: string, communityId: string, creditCode: string) {
    return db.one<{ id: string }>(sql`select id from unit_report_in where region_id = ${regionId} and community_id = ${communityId}
      and credit_code = ${creditCode} and status = 'reported'`);
  },

  listUnitReports(db: Database, regionId: string, f: UnitReportFilter) {
    return pageOf<UnitReportRow>(
      db,
      unitReportSelect,
      sql`u.status`,
      unitWhere(regionId, f),
      f.status,
      sql`u.status desc, u.report_date desc, u.id desc`,
      f.page,
      f.pageSize,
    );
  },

  async insertUnitReport(
    db: Database,
    regionId: string,
    u: {
      id: string;
      communityId: string;
      unitName: string;
      creditCode: string;
      contactName: string;
      phoneEnc: string;
      phoneMasked: string;
      resources: string | null;
      reportDate: string;
      createdBy: string;
    },
  ) {
    await db.run(sql`insert into unit_report_in (region_id, id, community_id, unit_name, credit_code, contact_name, phone_enc, phone_masked, resources, report_date, created_by)
      values (${regionId}, ${u.id}, ${u.communityId}, ${u.unitName}, ${u.creditCode}, ${u.contactName}, ${u.phoneEnc}, ${u.phoneMasked}, ${u.resources}, ${u.reportDate}, ${u.createdBy})`);
  },

  async cancelUnitReport(db: Database, regionId: string, id: string, date: string, reason: string) {
    await db.run(sql`update unit_report_in set status = 'cancelled', cancelled_date = ${date}, cancel_reason = ${reason}, updated_at = now()
      where region_id = ${regionId} and id = ${id}`);
  },
};
export type ReportInRepository = typeof reportInRepository;
