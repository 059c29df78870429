import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';

/**
 * One requirement for one period, as the service resolved it for a regime (a subtree with rule sets
 * of its own, or '' for the default): the SQL evaluates every organization of the scope against
 * these rows, so each organization follows its deepest regime's rule set in force for the period.
 */
export interface RequirementRow {
  regime: string;
  orgType: string;
  requirementId: string;
  label: string;
  /** The label without its count (「主题党日每月」), for a minimum set in SQL. */
  stem: string;
  meetingType: string;
  every: string;
  minCount: number;
  bySecretary: boolean;
  onlyIfCommittee: boolean;
  periodStart: string;
  periodEnd: string;
  dueSoonDays: number;
  partialExempt: boolean;
  silentAfterDays: number;
}

export interface EvaluationInput {
  regionId: string;
  scopePath: string;
  today: string;
  requirements: readonly RequirementRow[];
  /** Meeting states that count as held (rule set). */
  counted: readonly string[];
  /** Meeting states that show the organization is active (not silent). */
  active: readonly string[];
  committeeMinSeats: number;
  /** Only these organizations (a page's rows). */
  orgIds?: readonly string[];
  /** Only these organizations, as a uuid[] expression (the to-do read model's recomputed ones). */
  orgRefs?: SQL | null;
  /**
   * The requirement rows are the defaults (regime '') and each organization's subtree rule sets
   * are applied in SQL (for the to-do read model, which builds its SQL without reading them first):
   * of the enclosing subtrees' latest sets in force on the period's first day, the deepest that
   * names the requirement gives its minimum — the same composition as ruleSetForSubtree.
   */
  overridesInSql?: boolean;
  /**
   * The items come from the read model (compliance.store.ts, brought up to date before the read)
   * instead of being judged from the meeting counts: the requirement-periods of `requirements`.
   */
  stored?: boolean;
}

export interface CountsRow {
  child_id: string | null;
  organizations: number;
  items: number;
  done: number;
  due: number;
  due_soon: number;
  overdue: number;
  exempt: number;
  upcoming: number;
}

export interface MissingRow {
  child_id: string | null;
  requirement_id: string;
  label: string;
  organizations: number;
}

export interface OrgItemRow {
  org_id: string;
  requirement_id: string;
  label: string;
  period_start: string;
  period_end: string;
  held: number;
  min_count: number;
  status: string;
}

export interface OrgPageRow {
  org_id: string;
  name: string;
  type: string;
  parent_name: string | null;
  done: number;
  missing: number;
  last_meeting: string | null;
  silent: boolean;
}

export interface RuleSetRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  effective_from: string;
  overrides: { requirementId: string; minCount: number }[];
  silent_after_days: number;
  note: string | null;
  created_by_name: string | null;
  created_at: string;
  version: number;
}

const STATUS = sql`case when i.held >= i.min_count then 'done'
    when i.partial then 'exempt'
    when i.today < i.period_start then 'upcoming'
    when i.today > i.period_end then 'overdue'
    when (i.period_end - i.today) < i.due_soon_days then 'due_soon'
    else 'due' end`;

/** The child of `scopePath` an organization's path falls under (the scope itself for its own organization). */
const childOf = (scopePath: string, alias = 'j') => {
  const path = sql.raw(`${alias}.path`);
  return sql`case when nlevel(${path}) = nlevel(${scopePath}::ltree) then null else subpath(${path}, 0, nlevel(${scopePath}::ltree) + 1)::text end`;
};
/**
 * `scope_orgs`: each organization of the scope with the child of the scope it falls under — the
 * roll-ups join items to it by id and group by child, so no item carries a path.
 */
const scopeOrgs = (e: EvaluationInput) =>
  e.scopePath
    ? sql`scope_orgs as (select o.id, ${childOf(e.scopePath, 'o')} as child_path from org o where o.region_id = ${e.regionId} and o.path <@ ${e.scopePath}::ltree)`
    : sql`scope_orgs as (select o.id, null::text as child_path from org o where o.region_id = ${e.regionId})`;

/**
 * The CTEs `scope_orgs` (above), `orgs` (the scope's active organizations that any requirement applies to, with their
 * regime, committee and last held meeting) and `items` (each organization × requirement-period it
 * must meet, with what it held and the status on `today`: rule compliance-2018, the same judgement
 * as `evaluateCompliance`, in SQL so a district's 20,000 organizations are counted in the database;
 * or, with `stored`, read from the read model), and `judged` (the items with their status).
 */
export function evaluated(e: EvaluationInput): SQL {
  const reqs = JSON.stringify(e.requirements);
  const regimes = [...new Set(e.requirements.map((r) => r.regime).filter((r) => r !== ''))];
  const types = [...new Set(e.requirements.map((r) => r.orgType))];
  const counted = `{${e.counted.join(',')}}`;
  return sql`req as (
      select * from jsonb_to_recordset(${reqs}::jsonb) as r("regime" text, "orgType" text, "requirementId" text, "label" text, "stem" text, "meetingType" text,
        "every" text, "minCount" int, "bySecretary" boolean, "onlyIfCommittee" boolean, "periodStart" date, "periodEnd" date,
        "dueSoonDays" int, "partialExempt" boolean, "silentAfterDays" int)
    ),
    ${scopeOrgs(e)},
    orgs as (
      -- set up on its approval date (periods before it are partial); an organization recorded without one
      -- existed before it was entered here. Silence counts from when the system has known it at least.
      select o.region_id, o.id, o.path, o.type, o.name, o.parent_id, o.approval_date as active_from, coalesce(o.approval_date, o.created_at::date) as known_from,
        (select count(*) from org_committee_member c where c.region_id = o.region_id and c.org_id = o.id
           and c.start_date <= ${e.today}::date and (c.end_date is null or c.end_date >= ${e.today}::date)) >= ${e.committeeMinSeats}::int as has_committee,
        ${
          regimes.length
            ? sql`coalesce((select g.p from unnest(${`{${regimes.join(',')}}`}::text[]) as g(p) where o.path <@ g.p::ltree order by nlevel(g.p::ltree) desc limit 1), '')`
            : sql`''`
        } as regime
      from org o
      where o.region_id = ${e.regionId} ${e.scopePath ? sql`and o.path <@ ${e.scopePath}::ltree` : sql``} and o.status = 'active'
        and o.type = any(${`{${types.join(',')}}`}::text[])
        ${e.orgIds ? sql`and o.id = any(${`{${e.orgIds.join(',')}}`}::uuid[])` : sql``}
        ${e.orgRefs ? sql`and o.id = any(${e.orgRefs})` : sql``}
    ),
    items as (${e.stored ? storedItems(e) : liveItems(e, counted)}),
    judged as (select i.*, ${STATUS} as status from items i)`;
}

/** Items judged from the meeting counts (rule compliance-2018). */
function liveItems(e: EvaluationInput, counted: string): SQL {
  return sql`
      select o.id as org_id, ${e.scopePath ? childOf(e.scopePath, 'o') : sql`null::text`} as child_path, r."requirementId" as requirement_id, r.every as period_kind,
        ${e.overridesInSql ? sql`r.stem || '至少' || ${minCountInSql} || '次'` : sql`r.label`} as label, r."periodStart" as period_start, r."periodEnd" as period_end,
        ${e.overridesInSql ? minCountInSql : sql`r."minCount"`} as min_count, r."dueSoonDays" as due_soon_days, ${e.today}::date as today,
        coalesce(r."partialExempt" and o.active_from > r."periodStart", false) as partial,
        coalesce(sum(c.n) filter (where c.state = any(${counted}::text[]) and (not r."bySecretary" or c.by_secretary)), 0)::int as held
      from orgs o
      join req r on r.regime = o.regime and r."orgType" = o.type and (not r."onlyIfCommittee" or o.has_committee)
      left join meeting_period_count c on c.region_id = ${e.regionId} and c.org_id = o.id and c.period_kind = r.every
        and c.period_start = r."periodStart" and c.type = r."meetingType"
      group by o.id, o.path, o.region_id, r."requirementId", r.every, r.label, r.stem, r."periodStart", r."periodEnd", r."minCount", r."dueSoonDays", r."partialExempt", o.active_from`;
}

/**
 * Items of the read model (migration 0038) for the requirement-periods of the view, of the scope's
 * organizations (by id; the queries read paths once per organization), with the label from the
 * requirement's stem and the stored minimum (as the live judgement composes it).
 */
function storedItems(e: EvaluationInput): SQL {
  const periods = [...new Set(e.requirements.map((r) => `${r.every}|${r.periodStart}`))].map((k) => k.split('|') as [string, string]);
  return sql`
      select ci.org_id, so.child_path, ci.requirement_id, ci.period_kind,
        (select r.stem from req r where r."requirementId" = ci.requirement_id limit 1) || '至少' || ci.min_count || '次' as label,
        ci.period_start, ci.period_end, ci.min_count, ci.due_soon_days, ${e.today}::date as today, ci.partial, ci.held
      from compliance_item ci join scope_orgs so on so.id = ci.org_id
      where ci.region_id = ${e.regionId}
        and (false ${sql.join(
          periods.map(([kind, start]) => sql` or (ci.period_kind = ${kind} and ci.period_start = ${start}::date)`),
          sql``,
        )})
        ${e.orgIds ? sql`and ci.org_id = any(${`{${e.orgIds.join(',')}}`}::uuid[])` : sql``}`;
}

/** A requirement's minimum for organization `o` from the rule sets of its enclosing subtrees (overridesInSql). */
const minCountInSql = sql`coalesce((select (x ->> 'minCount')::int
    from (select distinct on (s.org_id) s.overrides, nlevel(a.path) as depth
          from compliance_rule_set s join org a on a.region_id = s.region_id and a.id = s.org_id
          where s.region_id = o.region_id and a.path @> o.path and s.effective_from <= r."periodStart"
          order by s.org_id, s.effective_from desc) l
    cross join lateral jsonb_array_elements(l.overrides) x
    where x ->> 'requirementId' = r."requirementId"
    order by l.depth desc limit 1), r."minCount")`;

/**
 * Counts by status per child, in two steps — per organization first, then per child — so the
 * organizations are counted without sorting every item (count(distinct) sorted 423,000 items of a
 * district's year on disk).
 */
const perOrg = sql`count(*)::int as items,
  (count(*) filter (where j.status = 'done'))::int as done, (count(*) filter (where j.status = 'due'))::int as due,
  (count(*) filter (where j.status = 'due_soon'))::int as due_soon, (count(*) filter (where j.status = 'overdue'))::int as overdue,
  (count(*) filter (where j.status = 'exempt'))::int as exempt, (count(*) filter (where j.status = 'upcoming'))::int as upcoming`;
const perChild = sql`count(*)::int as organizations, sum(p.items)::int as items, sum(p.done)::int as done, sum(p.due)::int as due,
  sum(p.due_soon)::int as due_soon, sum(p.overdue)::int as overdue, sum(p.exempt)::int as exempt, sum(p.upcoming)::int as upcoming`;

/** The last meeting each organization held (any type, a state of COMPLIANCE_ACTIVE_STATES). */
const lastMeeting = (regionId: string, active: readonly string[]) => sql`(select max(m.meeting_date) from meeting m
  where m.region_id = ${regionId} and m.org_id = o.id and m.state = any(${`{${active.join(',')}}`}::text[]))`;

export const complianceRepository = {
  /** Counts by status for each child of the scope (child_id null: the scope's own organization), with their paths' ids. */
  async countsByChild(db: Database, e: EvaluationInput): Promise<CountsRow[]> {
    return db.rows<CountsRow>(sql`with ${evaluated(e)},
      per_org as (select j.child_path, j.org_id, ${perOrg} from judged j group by 1, 2),
      grouped as (select p.child_path, ${perChild} from per_org p group by 1)
      select (select c.id::text from org c where c.region_id = ${e.regionId} and c.path = g.child_path::ltree) as child_id, g.organizations, g.items,
        g.done, g.due, g.due_soon, g.overdue, g.exempt, g.upcoming
      from grouped g`);
  },

  /** What each child's organizations have not done (overdue or due), by requirement. */
  async missingByChild(db: Database, e: EvaluationInput): Promise<MissingRow[]> {
    return db.rows<MissingRow>(sql`with ${evaluated(e)},
      -- status overdue, due or due soon, spelled out: the planner estimates the columns, not the case,
      -- and a street's read otherwise probed the organization of every item of the region
      missed as (select j.child_path, j.requirement_id, j.label, j.org_id from judged j
        where j.held < j.min_count and not j.partial and j.today >= j.period_start group by 1, 2, 3, 4),
      grouped as (select m.child_path, m.requirement_id, m.label, count(*)::int as organizations from missed m group by 1, 2, 3)
      select (select c.id::text from org c where c.region_id = ${e.regionId} and c.path = g.child_path::ltree) as child_id, g.requirement_id, g.label, g.organizations
      from grouped g order by g.organizations desc, g.requirement_id`);
  },

  /** Silent branches per child: organizations of `silentTypes` with no counted meeting since `silentSince` (per regime). */
  async silentByChild(db: Database, e: EvaluationInput & { silentTypes: readonly string[] }): Promise<{ child_id: string | null; silent: number }[]> {
    return db.rows(sql`with ${evaluated(e)},
      silent as (
        select o.path from orgs o
        where o.type = any(${`{${e.silentTypes.join(',')}}`}::text[])
          and ${e.today}::date - greatest(coalesce(${lastMeeting(e.regionId, e.active)}, o.known_from), o.known_from)
            >= coalesce((select max(r."silentAfterDays") from req r where r.regime = o.regime), 30)
      ),
      grouped as (select ${childOf(e.scopePath)} as child_path, count(*)::int as silent from silent j group by 1)
      select (select c.id::text from org c where c.region_id = ${e.regionId} and c.path = g.child_path::ltree) as child_id, g.silent from grouped g`);
  },

  /** One page of organizations with their totals, filtered; `filter` over done/missing/due/silent. */
  async orgPage(
    db: Database,
    e: EvaluationInput & { filter: string; q: string | null; limit: number; offset: number; silentTypes: readonly string[] },
  ): Promise<{ rows: OrgPageRow[]; total: number }> {
    const where: Record<string, SQL> = {
      all: sql`true`,
      missing: sql`t.missing > 0`,
      due: sql`t.due > 0`,
      done: sql`t.missing = 0 and t.due = 0 and t.done > 0`,
      silent: sql`t.silent`,
    };
    // items counted per organization first (no sort of every item by the organization's columns),
    // the last meeting read once per organization
    const rows = await db.rows<OrgPageRow & { total: number }>(sql`with ${evaluated(e)},
      per_org as (
        select j.org_id, (count(*) filter (where j.status = 'done'))::int as done,
          (count(*) filter (where j.status = 'overdue'))::int as missing,
          (count(*) filter (where j.status in ('due', 'due_soon')))::int as due
        from judged j group by j.org_id
      ),
      totals as (
        select o.id as org_id, o.name, o.type, o.path, p.name as parent_name,
          coalesce(a.done, 0) as done, coalesce(a.missing, 0) as missing, coalesce(a.due, 0) as due, lm.d::text as last_meeting,
          (o.type = any(${`{${e.silentTypes.join(',')}}`}::text[])
            and ${e.today}::date - greatest(coalesce(lm.d, o.known_from), o.known_from)
              >= coalesce((select max(r."silentAfterDays") from req r where r.regime = o.regime), 30)) as silent
        from orgs o
        cross join lateral (select ${lastMeeting(e.regionId, e.active)} as d) lm
        left join per_org a on a.org_id = o.id
        left join org p on p.region_id = ${e.regionId} and p.id = o.parent_id
        where ${e.q ? sql`o.name like ${'%' + e.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}` : sql`true`}
      )
      select t.org_id, t.name, t.type, t.parent_name, t.done, t.missing, t.last_meeting, t.silent, count(*) over ()::int as total
      from totals t where ${where[e.filter] ?? sql`true`}
      order by t.missing desc, t.due desc, t.path
      limit ${e.limit} offset ${e.offset}`);
    return { rows, total: rows[0]?.total ?? (e.offset > 0 ? await complianceRepository.orgPageTotal(db, e) : 0) };
  },

  /** The total of a page past the end (no row to read it from). */
  async orgPageTotal(db: Database, e: EvaluationInput & { filter: string; q: string | null; silentTypes: readonly string[] }): Promise<number> {
    const page = await complianceRepository.orgPage(db, { ...e, limit: 1, offset: 0 });
    return page.total;
  },

  /** The items of some organizations (a page's rows). */
  items(db: Database, e: EvaluationInput): Promise<OrgItemRow[]> {
    return db.rows<OrgItemRow>(sql`with ${evaluated(e)}
      select j.org_id, j.requirement_id, j.label, j.period_start::text, j.period_end::text, j.held, j.min_count, j.status
      from judged j order by j.org_id, j.period_start, j.requirement_id`);
  },

  /** Rates per child and month of the period's end, for the heat map. */
  async heatmap(db: Database, e: EvaluationInput): Promise<{ child_id: string | null; month: number; done: number; due: number }[]> {
    return db.rows(sql`with ${evaluated(e)},
      grouped as (select j.child_path, extract(month from j.period_end)::int as month,
          (count(*) filter (where j.status = 'done'))::int as done,
          (count(*) filter (where j.status in ('done', 'due', 'due_soon', 'overdue')))::int as due
        from judged j group by 1, 2)
      select (select c.id::text from org c where c.region_id = ${e.regionId} and c.path = g.child_path::ltree) as child_id, g.month, g.done, g.due
      from grouped g`);
  },

  /** Names of organizations by id (the children of a scope, already checked to be inside it). */
  names(db: Database, regionId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.rows(sql`select id::text, name from org where region_id = ${regionId} and id = any(${`{${ids.join(',')}}`}::uuid[])`);
  },

  /** Rule sets on the scope's subtrees and on its ancestors. */
  ruleSets(db: Database, regionId: string, scopePath: string): Promise<RuleSetRow[]> {
    return db.rows<RuleSetRow>(sql`select s.id, s.org_id, o.name as org_name, o.path::text as org_path, s.effective_from::text, s.overrides,
        s.silent_after_days, s.note, s.created_by_name, s.created_at::text, s.version
      from compliance_rule_set s join org o on o.region_id = s.region_id and o.id = s.org_id
      where s.region_id = ${regionId} and (o.path <@ ${scopePath}::ltree or o.path @> ${scopePath}::ltree)
      order by s.effective_from desc, o.path`);
  },

  /** Adds a rule set; null when the subtree already has one from that date. */
  async insertRuleSet(
    db: Database,
    regionId: string,
    r: {
      id: string;
      orgId: string;
      effectiveFrom: string;
      overrides: unknown;
      silentAfterDays: number;
      note: string | null;
      actorId: string;
      actorName: string;
    },
  ): Promise<boolean> {
    const n =
      await db.run(sql`insert into compliance_rule_set (region_id, id, org_id, effective_from, overrides, silent_after_days, note, created_by, created_by_name)
      values (${regionId}, ${r.id}, ${r.orgId}, ${r.effectiveFrom}, ${JSON.stringify(r.overrides)}::jsonb, ${r.silentAfterDays}, ${r.note}, ${r.actorId}, ${r.actorName})
      on conflict (region_id, org_id, effective_from) do nothing`);
    return n === 1;
  },

  ruleSetById(db: Database, regionId: string, id: string): Promise<RuleSetRow | undefined> {
    return db.one<RuleSetRow>(sql`select s.id, s.org_id, o.name as org_name, o.path::text as org_path, s.effective_from::text, s.overrides,
        s.silent_after_days, s.note, s.created_by_name, s.created_at::text, s.version
      from compliance_rule_set s join org o on o.region_id = s.region_id and o.id = s.org_id where s.region_id = ${regionId} and s.id = ${id}`);
  },

  /** Deletes a rule set at `version`; false when it changed meanwhile or is gone. */
  async deleteRuleSet(db: Database, regionId: string, id: string, version: number): Promise<boolean> {
    return (await db.run(sql`delete from compliance_rule_set where region_id = ${regionId} and id = ${id} and version = ${version}`)) === 1;
  },
};
export type ComplianceRepository = typeof complianceRepository;
