import { sql, type SQL } from 'drizzle-orm';
import { orgSetupRuleLabel, Permission, type OrgSetupRule } from '@jiceng/contracts';
import { ORG_SETUP_RULES_2018, type OrgSetupRuleSet } from '@jiceng/rules';
import { todoStoreColumns, type TodoPresented, type TodoSource } from '../../platform/todo/todo.source.ts';
import { presentWarning } from './orgsetup.presenter.ts';

/** What a setup to-do's row carries: the finding and the counts its message quotes. */
interface SetupTodoData {
  orgName: string;
  orgType: string;
  rule: OrgSetupRule;
  value: number;
  threshold: number;
  unitName: string | null;
  members: number;
  fullMembers: number;
  subtreeMembers: number;
  committeeSeats: number;
}

const list = (xs: readonly string[]): SQL =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/**
 * Where each finding's work is done: seats on the committee (班子成员 tab); splitting a branch or
 * founding one for a unit (下级组织 tab); a type to change or units to move (基本信息); members of a
 * temporary branch to transfer (the member list of that branch).
 */
const SETUP_WORK: Record<OrgSetupRule, (orgId: string, orgName: string) => string> = {
  branch_without_committee: (id) => `/orgs/${id}?tab=committee`,
  branch_oversize: (id) => `/orgs/${id}?tab=children`,
  committee_due: (id) => `/orgs/${id}?tab=info`,
  general_branch_due: (id) => `/orgs/${id}?tab=info`,
  joint_branch_units: (id) => `/orgs/${id}?tab=info`,
  unit_without_branch: (id) => `/orgs/${id}?tab=children`,
  temporary_branch_members: (id, name) => `/members?orgId=${id}&orgName=${encodeURIComponent(name)}`,
};
/** The page (and tab) where a setup finding is resolved. */
export const setupLink = (rule: OrgSetupRule, orgId: string, orgName: string): string => SETUP_WORK[rule](orgId, orgName);

/** Which organizations a setup query judges: the given ones (a uuid[] expression), or the whole region. */
type Targets = { regionId: string; today: string; refs: SQL | null };

/**
 * 组织设置预警 as 待办 for those who maintain the organization tree: the rule set's checks
 * (packages/rules evaluateOrgSetup) written as SQL over the same counts as the warning list
 * (orgsetup.repository.ts), with the rule set's numbers as parameters, so a whole region is judged
 * in the database. `orgsetup.int.test.ts` holds the two equal: every finding of the warning list is
 * a to-do with the same key, and no other. A standing warning: no due date (alert, 预警). Stored:
 * a change to an organization recomputes it and its ancestors (their subtree counts changed).
 */
export function orgSetupTodoSource(rules: OrgSetupRuleSet = ORG_SETUP_RULES_2018): TodoSource {
  const types = [...new Set<string>([...rules.branchTypes, ...rules.belowCommitteeTypes, 'joint_branch', 'temporary_branch'])];
  const isBranch = sql`c.type in (${list(rules.branchTypes)})`;
  const committeeDue = sql`(c.type in (${list(rules.belowCommitteeTypes)}) and c.subtree_members >= ${rules.committeeMembers}::int)`;

  /** The findings of the targets as `f` (org_id, rule, value, threshold, unit) joined to their counts `c`, and `select`. */
  const findings = (t: Targets, select: SQL) => {
    const r = t.regionId;
    // Given organizations: the members of their subtrees, through the indexes; the region: every member.
    const held = t.refs
      ? sql`select x.id as org_id, x.path, n.members, n.full_members
          from (select distinct x.id, x.path from tgt join org x on x.region_id = ${r} and x.path <@ tgt.path) x
          cross join lateral (select count(*)::int as members, (count(*) filter (where m.status = 'full'))::int as full_members
            from member m where m.region_id = ${r} and m.org_id = x.id and m.status <> 'left') n
          where n.members > 0`
      : sql`select m.org_id, x.path, count(*)::int as members, (count(*) filter (where m.status = 'full'))::int as full_members
          from member m join org x on x.region_id = m.region_id and x.id = m.org_id
          where m.region_id = ${r} and m.status <> 'left'
          group by m.org_id, x.path`;
    return sql`with tgt as (
        select o.id, o.name, o.type, o.path from org o
        where o.region_id = ${r} and o.status = 'active' and o.type in (${list(types)}) ${t.refs ? sql`and o.id = any(${t.refs})` : sql``}),
      held as (${held}),
      -- members of each organization added to each of its ancestors (and itself)
      sub as (
        select subpath(h.path, 0, k)::text as path, sum(h.members)::int as members
        from held h cross join lateral generate_series(1, nlevel(h.path)) k
        group by 1),
      c as (
        select t.id, t.name, t.type, t.path, coalesce(h.members, 0) as members, coalesce(h.full_members, 0) as full_members,
          coalesce(sb.members, 0) as subtree_members,
          (select count(*) from org_committee_member cm where cm.region_id = ${r} and cm.org_id = t.id
            and (cm.end_date is null or cm.end_date >= ${t.today}::date))::int as committee_seats,
          (select count(*) from org_unit u where u.region_id = ${r} and u.org_id = t.id and t.type = 'joint_branch')::int as units
        from tgt t left join held h on h.org_id = t.id left join sub sb on sb.path = t.path::text),
      f as (
        select c.id as org_id, v.rule, v.value, v.threshold, null::text as unit
        from c cross join lateral (values
          ('branch_without_committee', ${isBranch} and c.full_members >= ${rules.committeeFullMembers}::int and c.committee_seats < ${rules.committeeMinSeats}::int,
            c.full_members, ${rules.committeeFullMembers}::int),
          ('branch_oversize', ${isBranch} and c.subtree_members > ${rules.branchMaxMembers}::int, c.subtree_members, ${rules.branchMaxMembers}::int),
          ('committee_due', ${committeeDue}, c.subtree_members, ${rules.committeeMembers}::int),
          ('general_branch_due', not ${committeeDue} and ${isBranch} and c.subtree_members >= ${rules.generalBranchMembers}::int,
            c.subtree_members, ${rules.generalBranchMembers}::int),
          ('joint_branch_units', c.type = 'joint_branch' and c.units > ${rules.jointBranchMaxUnits}::int, c.units, ${rules.jointBranchMaxUnits}::int),
          ('temporary_branch_members', c.type = 'temporary_branch' and c.members > 0, c.members, 0)
        ) v(rule, hit, value, threshold)
        where v.hit
        union all
        select u.org_id, 'unit_without_branch', u.full_members, ${rules.ownBranchFullMembers}::int, u.name
        from (select u.org_id, u.name,
                (select count(*) from member m where m.region_id = u.region_id and m.org_id = u.org_id and m.status = 'full'
                  and btrim(m.work_unit) = btrim(u.name))::int as full_members
              from org_unit u join tgt t on t.id = u.org_id and t.type = 'joint_branch' where u.region_id = ${r}) u
        where u.full_members >= ${rules.ownBranchFullMembers}::int)
      ${select}
      from f join c on c.id = f.org_id`;
  };
  const key = sql`f.rule || ':' || c.id || coalesce(':' || f.unit, '')`;

  return {
    id: 'org.setup',
    permission: Permission.ORG_WRITE,
    store: {
      undated: 'alert',
      // a change under an organization changes its subtree counts: it and its ancestors of the checked types
      affected: (regionId, dirty) => sql`select a.id from org d join org a on a.region_id = d.region_id and a.path @> d.path
        where d.region_id = ${regionId} and d.id = any(${dirty}) and a.type in (${list(types)})`,
      candidates: (regionId, today, refs) =>
        findings(
          { regionId, today, refs },
          sql`select ${todoStoreColumns('org.setup', {
            key,
            ref: sql`c.id`,
            orgId: sql`c.id`,
            orgPath: sql`c.path`,
            name: sql`c.name`,
            dueDate: sql`null`,
            dueFrom: sql`null`,
            data: sql`jsonb_build_object('orgName', c.name, 'orgType', c.type, 'rule', f.rule, 'value', f.value, 'threshold', f.threshold, 'unitName', f.unit,
              'members', c.members, 'fullMembers', c.full_members, 'subtreeMembers', c.subtree_members, 'committeeSeats', c.committee_seats)`,
          })}`,
        ),
      // a committee member counts through the day their term ends
      staleBetween: (regionId, since, today) => sql`select org_id from org_committee_member
        where region_id = ${regionId} and end_date >= ${since}::date and end_date < ${today}::date`,
    },
    present(row): TodoPresented {
      const d = row.data as unknown as SetupTodoData;
      const finding = { rule: d.rule, level: rules.levels[d.rule], value: d.value, threshold: d.threshold, unitName: d.unitName };
      const counts = {
        id: row.org_id,
        name: d.orgName,
        type: d.orgType,
        parent_name: null,
        members: d.members,
        full_members: d.fullMembers,
        subtree_members: d.subtreeMembers,
        committee_seats: d.committeeSeats,
      };
      return {
        key: row.key,
        source: 'org.setup',
        title: `${d.orgName}：${orgSetupRuleLabel[d.rule]}`,
        detail: presentWarning(finding, counts, rules).message,
        orgId: row.org_id,
        dueDate: null,
        severity: 'alert',
        link: setupLink(d.rule, row.org_id, d.orgName),
      };
    },
  };
}
