import { sql, type SQL } from 'drizzle-orm';
import { Permission, type Permission as PermissionKey, type TodoSourceId } from '@jiceng/contracts';
import { RG_RULES_2026, type RgRuleSet } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoRowsOptions, type TodoScope, type TodoSource } from '../../platform/todo/todo.source.ts';

interface RgTodoData {
  title: string;
  orgName: string;
  due: string | null;
  unit: string | null;
  category: string | null;
}

function source(
  id: TodoSourceId,
  permission: PermissionKey,
  rows: (s: TodoScope, o: TodoRowsOptions) => SQL | null,
  text: (d: RgTodoData, dueDate: string | null, today: string) => { title: string; detail: string },
  link: (ref: string) => string,
): TodoSource {
  return {
    id,
    permission,
    rows,
    present(row, today): TodoPresented {
      const d = row.data as unknown as RgTodoData;
      return {
        key: row.key,
        source: id,
        ...text(d, row.due_date, today),
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: link(row.ref),
      };
    },
  };
}

/** The severity of a deadline `due` (a date SQL expression): overdue after it, due soon within `days` before it. */
const severity = (due: SQL, s: TodoScope, days: number) =>
  sql`case when ${due} < ${s.today}::date then 'overdue' when ${due} <= ${s.today}::date + ${days}::int then 'due_soon' else 'open' end`;

/**
 * 三张清单's 待办 (rule set rg-2026), read at read time from the module's tables:
 * - regional.need — an open or claimed need before its wanted-by date (within the urgency's lead
 *   days, rule rg-urgency) or past it, and an open need unclaimed longer than rule rg-need-stale;
 *   for the community side that records needs (regional:record).
 * - regional.consent — a project proposed to a unit awaiting its agreement (rule rg-consent: due
 *   consentDays after 立项); for the 驻区单位 account whose unit it is.
 * - regional.project — a project still 实施中 near or past its end date; for the community side.
 * - regional.rate — a project completed and not yet rated (rule rg-rate); for the community side.
 */
export function regionalTodoSources(rules: RgRuleSet = RG_RULES_2026): TodoSource[] {
  const side = (s: TodoScope) => s.actor.scope === 'subtree';
  const needDue = sql`coalesce(n.wanted_by, n.recorded_on + ${rules.staleDays}::int)`;
  const lead = sql`case n.urgency when 'urgent' then ${rules.urgencyLeadDays.urgent}::int when 'soon' then ${rules.urgencyLeadDays.soon}::int else ${rules.urgencyLeadDays.normal}::int end`;
  const needData = sql`jsonb_build_object('title', n.title, 'orgName', o.name, 'due', ${needDue}, 'unit', u.unit_name, 'category', k.name)`;
  const projectData = sql`jsonb_build_object('title', p.title, 'orgName', o.name, 'due', p.end_date, 'unit', null, 'category', null)`;

  return [
    source(
      'regional.need',
      Permission.REGION_RECORD,
      (s, o) => {
        if (!side(s)) return null;
        return sql`select ${todoColumns('regional.need', o, {
          key: sql`n.id`,
          ref: sql`n.id`,
          orgId: sql`n.org_id`,
          orgPath: sql`n.org_path`,
          severity: sql`case when ${needDue} < ${s.today}::date then 'overdue' when ${needDue} <= ${s.today}::date + ${lead} then 'due_soon' else 'open' end`,
          dueDate: needDue,
          name: sql`o.name`,
          data: needData,
        })}
          from rg_need n join org o on o.region_id = n.region_id and o.id = n.org_id
          join rg_category k on k.region_id = n.region_id and k.code = n.category_code
          left join unit_report_in u on u.region_id = n.region_id and u.id = n.claimed_unit_id
          where n.region_id = ${s.regionId} and n.org_path <@ ${s.path}::ltree
            and ((n.state = 'open' and (${needDue} <= ${s.today}::date + ${lead}))
              or (n.state = 'claimed' and n.wanted_by is not null and n.wanted_by <= ${s.today}::date + ${lead}
                and not exists (select 1 from rg_project p where p.region_id = n.region_id and p.need_id = n.id and p.state <> 'withdrawn')))
            ${refsFilter(sql`n.id`, o)}`;
      },
      (d, due, today) => ({
        title: `需求待对接：${d.title}`,
        detail:
          d.unit !== null
            ? `${d.orgName}的需求「${d.title}」已由${d.unit}认领，尚未立项；期望 ${d.due ?? ''} 前完成，请尽快与单位商定实施方案并立项`
            : `${d.orgName}的需求「${d.title}」（${d.category ?? ''}）尚无单位认领${due !== null && due < today ? '，已过期望时间或超过 ' + String(rules.staleDays) + ' 天' : ''}；请在“资源匹配”中查看可对接的资源，或在联席会议上提出`,
      }),
      (ref) => `/regional/needs/${ref}`,
    ),
    source(
      'regional.consent',
      Permission.REGION_UNIT,
      (s, o) => {
        if (s.actor.role !== 'resident_unit') return null;
        const due = sql`((p.created_at at time zone 'Asia/Shanghai')::date + ${rules.consentDays}::int)`;
        return sql`select ${todoColumns('regional.consent', o, {
          key: sql`p.id::text || ':' || u.id::text`,
          ref: sql`p.id`,
          orgId: sql`p.org_id`,
          orgPath: sql`p.org_path`,
          severity: severity(due, s, rules.consentDays),
          dueDate: due,
          name: sql`o.name`,
          data: sql`jsonb_build_object('title', p.title, 'orgName', o.name, 'due', ${due}, 'unit', u.unit_name, 'category', null)`,
        })}
          from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
          join unit_report_in u on u.region_id = p.region_id and u.created_by = ${s.actor.id} and u.status = 'reported'
          where p.region_id = ${s.regionId} and p.state = 'proposed' and p.org_path <@ ${s.path}::ltree
            and exists (select 1 from rg_project_part pp where pp.region_id = p.region_id and pp.project_id = p.id and pp.unit_id = u.id and pp.consent = 'pending')
            ${refsFilter(sql`p.id`, o)}`;
      },
      (d) => ({
        title: `共建项目待确认：${d.title}`,
        detail: `${d.orgName}将「${d.title}」立项，并请${d.unit ?? '本单位'}参与；请查看实施方案后同意参与，或说明原因谢绝`,
      }),
      (ref) => `/regional/projects/${ref}`,
    ),
    source(
      'regional.project',
      Permission.REGION_MANAGE,
      (s, o) =>
        side(s)
          ? sql`select ${todoColumns('regional.project', o, {
              key: sql`p.id`,
              ref: sql`p.id`,
              orgId: sql`p.org_id`,
              orgPath: sql`p.org_path`,
              severity: severity(sql`p.end_date`, s, 7),
              dueDate: sql`p.end_date`,
              name: sql`o.name`,
              data: projectData,
            })}
              from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
              where p.region_id = ${s.regionId} and p.org_path <@ ${s.path}::ltree and p.state = 'active' and p.end_date <= ${s.today}::date + 7
              ${refsFilter(sql`p.id`, o)}`
          : null,
      (d, due, today) => ({
        title: `共建项目${due !== null && due < today ? '逾期未完成' : '即将到期'}：${d.title}`,
        detail: `${d.orgName}的共建项目「${d.title}」计划 ${d.due ?? ''} 完成，仍在实施中；完成后请填写成效并办结，需延期请在联席会议上商定`,
      }),
      (ref) => `/regional/projects/${ref}`,
    ),
    source(
      'regional.rate',
      Permission.REGION_MANAGE,
      (s, o) => {
        if (!side(s)) return null;
        const due = sql`(p.completed_on + ${rules.rateDays}::int)`;
        return sql`select ${todoColumns('regional.rate', o, {
          key: sql`p.id`,
          ref: sql`p.id`,
          orgId: sql`p.org_id`,
          orgPath: sql`p.org_path`,
          severity: severity(due, s, rules.rateDays),
          dueDate: due,
          name: sql`o.name`,
          data: projectData,
        })}
          from rg_project p join org o on o.region_id = p.region_id and o.id = p.org_id
          where p.region_id = ${s.regionId} and p.org_path <@ ${s.path}::ltree and p.state = 'completed'
          ${refsFilter(sql`p.id`, o)}`;
      },
      (d) => ({
        title: `共建项目待评价：${d.title}`,
        detail: `${d.orgName}的共建项目「${d.title}」已完成，请听取受益群众意见后评价项目（${rules.rateDays} 天内）`,
      }),
      (ref) => `/regional/projects/${ref}`,
    ),
  ];
}
