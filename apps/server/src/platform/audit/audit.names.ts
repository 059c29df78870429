import { sql, type SQL } from 'drizzle-orm';
import type { AuditEntity } from '@jiceng/contracts';
import type { Database } from '../db/database.ts';

/**
 * The display name of the record an audit entry is about, by kind: read when the entry is written
 * (stored in `entity_name`) and, for entries written before that, when the log is read. Each kind's
 * query joins the organization the record belongs to, so a name is read only inside `scopePath`
 * (null: the writer's own transaction, whose record the writer has just checked).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `select id, name` over one kind's table; `o` is the organization whose path decides the scope. */
const NAME_SQL: Record<AuditEntity, (ids: SQL, region: string, scope: SQL) => SQL> = {
  org: (ids, r, scope) => sql`select o.id::text as id, o.name from org o where o.region_id = ${r} and o.id in (${ids}) and ${scope}`,
  org_committee_member: (ids, r, scope) =>
    sql`select x.id::text as id, x.person_name as name from org_committee_member x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  org_term: (ids, r, scope) =>
    sql`select x.id::text as id, o.name || ' 第' || x.term_no || '届' as name from org_term x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  account: (ids, r, scope) =>
    sql`select x.id::text as id, x.display_name || '（' || x.username || '）' as name from account x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  compliance_rule_set: (ids, r, scope) =>
    sql`select x.id::text as id, o.name || ' 自' || x.effective_from::text || '起' as name from compliance_rule_set x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  meeting: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from meeting x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  member: (ids, r, scope) =>
    sql`select x.id::text as id, x.name from member x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  transfer: (ids, r, scope) =>
    sql`select x.id::text as id, x.member_name as name from transfer x join org o on o.region_id = x.region_id and o.id in (x.from_org_id, x.to_org_id)
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  floating_member: (ids, r, scope) =>
    sql`select x.id::text as id, x.member_name as name from floating_member x join org o on o.region_id = x.region_id and o.id = x.home_org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  lost_contact: (ids, r, scope) => byMember('lost_contact', ids, r, scope),
  hardship: (ids, r, scope) => byMember('hardship', ids, r, scope),
  appraisal_disposition: (ids, r, scope) => byMember('appraisal_disposition', ids, r, scope),
  hardship_cadre: (ids, r, scope) =>
    sql`select x.id::text as id, x.name from hardship_cadre x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  member_report_in: (ids, r, scope) =>
    sql`select x.id::text as id, m.name from member_report_in x join member m on m.region_id = x.region_id and m.id = x.member_id
          join org o on o.region_id = x.region_id and o.id in (m.org_id, x.community_id)
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rg_need: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from rg_need x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rg_resource: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from rg_resource x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rg_project: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from rg_project x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  // the dictionary has no ids of its own (entries carry the category's name)
  rg_category: () => sql`select null::text as id, null::text as name where false`,
  wish: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from wish x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  training_session: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from training_session x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  service_request: (ids, r, scope) =>
    sql`select x.id::text as id, x.code || ' ' || left(x.description, 20) as name from service_request x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  dev_applicant: (ids, r, scope) =>
    sql`select x.id::text as id, x.name from dev_applicant x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  dev_record: (ids, r, scope) =>
    sql`select x.id::text as id, a.name || ' 第' || x.step_no || '步' as name from dev_record x join dev_applicant a on a.region_id = x.region_id and a.id = x.applicant_id
          join org o on o.region_id = a.region_id and o.id = a.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  kt_plan: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from kt_plan x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  kt_task: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from kt_task x join kt_plan p on p.region_id = x.region_id and p.id = x.plan_id
          join org o on o.region_id = p.region_id and o.id = p.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  kt_review: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from kt_review x join kt_plan p on p.region_id = x.region_id and p.id = x.plan_id
          join org o on o.region_id = p.region_id and o.id = p.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  // keyed by code, not id: the writer names it (entityName)
  service_category: () => sql`select null::text as id, null::text as name where false`,
  service_dispatch_rule: (ids, r, scope) =>
    sql`select x.id::text as id, o.name || ' → ' || x.assignee_name as name from service_dispatch_rule x join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  open311_key: (ids, r, scope) =>
    sql`select x.id::text as id, x.name from open311_key x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  directive: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from directive x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  // a recipient is named by its organization and the directive; its organization decides the scope
  directive_target: (ids, r, scope) =>
    sql`select x.id::text as id, o.name || '：' || d.title as name from directive_target x join directive d on d.region_id = x.region_id and d.id = x.directive_id
          join org o on o.region_id = x.region_id and o.id = x.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  unit_report_in: (ids, r, scope) =>
    sql`select x.id::text as id, x.unit_name as name from unit_report_in x join org o on o.region_id = x.region_id and o.id = x.community_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  // either side's organization decides the scope
  cobuild_agreement: (ids, r, scope) =>
    sql`select distinct x.id::text as id, x.title as name from cobuild_agreement x join org o on o.region_id = x.region_id and o.id in (x.org_a_id, x.org_b_id)
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  venue: (ids, r, scope) =>
    sql`select x.id::text as id, x.name from venue x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  venue_booking: (ids, r, scope) =>
    sql`select x.id::text as id, v.name || ' ' || x.booked_on::text || ' ' || to_char(x.starts_at, 'HH24:MI') as name from venue_booking x
          join venue v on v.region_id = x.region_id and v.id = x.venue_id join org o on o.region_id = v.region_id and o.id = v.org_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rm_meeting: (ids, r, scope) =>
    sql`select x.id::text as id, x.title as name from rm_meeting x join org o on o.region_id = x.region_id and o.id = x.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rm_report: (ids, r, scope) =>
    sql`select x.id::text as id, x.subject_name || ' ' || x.year || '年双报告' as name from rm_report x join org o on o.region_id = x.region_id and o.id = x.community_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
  rm_rating: (ids, r, scope) =>
    sql`select x.id::text as id, u.unit_name || ' ' || x.year || '年双向评价' as name from rm_rating x join unit_report_in u on u.region_id = x.region_id and u.id = x.unit_id
          join org o on o.region_id = x.region_id and o.id = x.community_id
        where x.region_id = ${r} and x.id in (${ids}) and ${scope}`,
};

/** Records named after their member (the member's branch decides the scope). */
function byMember(table: string, ids: SQL, r: string, scope: SQL): SQL {
  return sql`select x.id::text as id, m.name from ${sql.raw(table)} x join member m on m.region_id = x.region_id and m.id = x.member_id
      join org o on o.region_id = m.region_id and o.id = m.org_id where x.region_id = ${r} and x.id in (${ids}) and ${scope}`;
}

const isKind = (entity: string): entity is AuditEntity => Object.hasOwn(NAME_SQL, entity);

/**
 * Names of `ids` of one kind (unknown kinds and ids that are not record ids have none), inside
 * `scopePath` or, with null, wherever they are.
 */
export async function recordNames(
  db: Database,
  regionId: string,
  entity: string,
  ids: readonly string[],
  scopePath: string | null,
): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (!isKind(entity) || valid.length === 0) return new Map();
  const list = sql.join(
    valid.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const scope = scopePath === null ? sql`true` : sql`o.path <@ ${scopePath}::ltree`;
  const rows = await db.rows<{ id: string; name: string | null }>(NAME_SQL[entity](list, regionId, scope));
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name!]));
}

/** A name an entry carries in its own before/after (a removed committee member, an imported file …). */
export function nameInSnapshot(before: unknown, after: unknown): string | null {
  for (const v of [after, before]) {
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    for (const k of ['name', 'personName', 'memberName', 'unitName', 'member', 'fileName']) if (typeof o[k] === 'string' && o[k]) return o[k];
  }
  return null;
}
