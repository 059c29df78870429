import { sql, type SQL } from 'drizzle-orm';
import { Permission, type TodoSourceId } from '@jiceng/contracts';
import { RM_RULES_2026, type RmRuleSet } from '@jiceng/rules';
import {
  refsFilter,
  todoColumns,
  type TodoPresented,
  type TodoRow,
  type TodoRowsOptions,
  type TodoScope,
  type TodoSource,
} from '../../platform/todo/todo.source.ts';

type Data = Record<string, string | number | null>;

/** A source derived at read time: its SQL (null when the actor has none) and its wording. */
function source(
  id: TodoSourceId,
  permission: TodoSource['permission'],
  rows: (s: TodoScope, o: TodoRowsOptions) => SQL | null,
  text: (d: Data, row: TodoRow) => { title: string; detail: string; link: string },
): TodoSource {
  return {
    id,
    permission,
    rows,
    present(row): TodoPresented {
      const t = text(row.data as Data, row);
      return { key: row.key, source: id, title: t.title, detail: t.detail, orgId: row.org_id, dueDate: row.due_date, severity: row.severity, link: t.link };
    },
  };
}

/** overdue past the due date, due_soon within `lead` days, open beyond. */
const severity = (due: SQL, today: string, lead: number) =>
  sql`case when ${due} < ${today}::date then 'overdue' when ${due} <= ${today}::date + ${lead}::int then 'due_soon' else 'open' end`;
const respondBy = (rules: RmRuleSet) => sql`make_date(r.year + 1, ${Number(rules.respondBy.slice(0, 2))}::int, ${Number(rules.respondBy.slice(3, 5))}::int)`;

/**
 * The 待办 of joint meetings and 双报告 (derived at read time; a step taken removes them):
 * - `regionmeet.followup`: a follow-up of a held meeting not done, from `followupLeadDays` before its
 *   due date (rule rm-followup-lead), for the community side;
 * - `regionmeet.minutes`: a meeting held without its minutes, due `minutesDays` after it (rm-minutes-days);
 * - `regionmeet.report`: a unit's report awaiting its confirmation, for the 驻区单位 account that
 *   filed the unit's 双报到 (self scope: its own units only), due by rm-respond-by;
 * - `regionmeet.my_report`: the same for a 党员's own report;
 * - `regionmeet.rating`: a unit with a report of the year that its community has not rated yet.
 */
export function regionMeetTodoSources(rules: RmRuleSet = RM_RULES_2026): TodoSource[] {
  const side = (s: TodoScope) => s.actor.scope === 'subtree';
  const meetingLink = (d: Data) => `/regional/meetings/${d.meetingId}`;

  const followups = source(
    'regionmeet.followup',
    Permission.REGION_MANAGE,
    (s, o) =>
      side(s)
        ? sql`select ${todoColumns('regionmeet.followup', o, {
            key: sql`f.id`,
            ref: sql`f.id`,
            orgId: sql`m.org_id`,
            orgPath: sql`f.org_path`,
            severity: severity(sql`f.due_on`, s.today, rules.followupLeadDays),
            dueDate: sql`f.due_on`,
            name: sql`coalesce(u.unit_name, o.name)`,
            data: sql`jsonb_build_object('meetingId', m.id, 'meeting', m.title, 'title', f.title, 'owner', coalesce(u.unit_name, o.name), 'orgName', o.name)`,
          })}
          from rm_followup f join rm_meeting m on m.region_id = f.region_id and m.id = f.meeting_id
          join org o on o.region_id = m.region_id and o.id = m.org_id
          left join unit_report_in u on u.region_id = f.region_id and u.id = f.owner_unit_id
          where f.region_id = ${s.regionId} and f.org_path <@ ${s.path}::ltree and f.done_on is null and m.state in ('held', 'archived')
            and f.due_on <= ${s.today}::date + ${rules.followupLeadDays}::int ${refsFilter(sql`f.id`, o)}`
        : null,
    (d, row) => ({
      title: `联席会议落实事项${row.severity === 'overdue' ? '逾期' : '到期'}：${d.title}`,
      detail: `${d.orgName}「${d.meeting}」交办${d.owner}落实的「${d.title}」应于 ${row.due_date ?? ''} 前完成${row.severity === 'overdue' ? '，已逾期，请督促落实后办结' : ''}`,
      link: meetingLink(d),
    }),
  );

  const minutesDue = sql`(m.held_on + ${rules.minutesDays}::int)`;
  const minutes = source(
    'regionmeet.minutes',
    Permission.REGION_MANAGE,
    (s, o) =>
      side(s)
        ? sql`select ${todoColumns('regionmeet.minutes', o, {
            key: sql`m.id`,
            ref: sql`m.id`,
            orgId: sql`m.org_id`,
            orgPath: sql`m.org_path`,
            severity: severity(minutesDue, s.today, rules.minutesDays),
            dueDate: minutesDue,
            name: sql`o.name`,
            data: sql`jsonb_build_object('meetingId', m.id, 'meeting', m.title, 'heldOn', m.held_on::text, 'orgName', o.name)`,
          })}
          from rm_meeting m join org o on o.region_id = m.region_id and o.id = m.org_id
          where m.region_id = ${s.regionId} and m.org_path <@ ${s.path}::ltree and m.state = 'held' and m.minutes is null ${refsFilter(sql`m.id`, o)}`
        : null,
    (d, row) => ({
      title: `联席会议纪要待提交：${d.meeting}`,
      detail: `${d.orgName}于 ${d.heldOn} 召开的「${d.meeting}」尚未提交会议纪要，请于 ${row.due_date ?? ''} 前提交并归档`,
      link: meetingLink(d),
    }),
  );

  const reportCols = (id: TodoSourceId, o: TodoRowsOptions, today: string) =>
    todoColumns(id, o, {
      key: sql`r.id`,
      ref: sql`r.id`,
      orgId: sql`r.community_id`,
      orgPath: sql`r.org_path`,
      severity: severity(respondBy(rules), today, rules.followupLeadDays),
      dueDate: respondBy(rules),
      name: sql`r.subject_name`,
      data: sql`jsonb_build_object('year', r.year, 'subject', r.subject_name, 'orgName', c.name)`,
    });
  const reportText = (link: string) => (d: Data, row: TodoRow) => ({
    title: `${d.year}年双报告待确认：${d.subject}`,
    detail: `${d.orgName}已根据${d.year}年的活动、项目记录生成「${d.subject}」的双报告，请于 ${row.due_date ?? ''} 前核对，确认无误或说明更正`,
    link: `${link}?reportId=${row.ref}`,
  });
  const unitReports = source(
    'regionmeet.report',
    Permission.REGION_UNIT,
    (s, o) =>
      s.actor.role === 'resident_unit'
        ? sql`select ${reportCols('regionmeet.report', o, s.today)}
          from rm_report r join unit_report_in u on u.region_id = r.region_id and u.id = r.unit_id join org c on c.region_id = r.region_id and c.id = r.community_id
          where r.region_id = ${s.regionId} and u.created_by = ${s.actor.id} and r.state = 'pending' ${refsFilter(sql`r.id`, o)}`
        : null,
    reportText('/regional/my-reports'),
  );
  const memberReports = source(
    'regionmeet.my_report',
    Permission.MEMBER_SELF,
    (s, o) =>
      s.actor.memberId
        ? sql`select ${reportCols('regionmeet.my_report', o, s.today)}
          from rm_report r join org c on c.region_id = r.region_id and c.id = r.community_id
          where r.region_id = ${s.regionId} and r.member_id = ${s.actor.memberId} and r.state = 'pending' ${refsFilter(sql`r.id`, o)}`
        : null,
    reportText('/regional/my-reports'),
  );

  const ratings = source(
    'regionmeet.rating',
    Permission.REGION_MANAGE,
    (s, o) =>
      side(s)
        ? sql`select ${todoColumns('regionmeet.rating', o, {
            key: sql`r.id`,
            ref: sql`r.id`,
            orgId: sql`r.community_id`,
            orgPath: sql`r.org_path`,
            severity: severity(respondBy(rules), s.today, rules.followupLeadDays),
            dueDate: respondBy(rules),
            name: sql`r.subject_name`,
            data: sql`jsonb_build_object('year', r.year, 'subject', r.subject_name, 'orgName', c.name, 'unitId', r.unit_id)`,
          })}
          from rm_report r join org c on c.region_id = r.region_id and c.id = r.community_id
          join unit_report_in u on u.region_id = r.region_id and u.id = r.unit_id and u.status = 'reported'
          where r.region_id = ${s.regionId} and r.org_path <@ ${s.path}::ltree and r.subject_kind = 'unit'
            and not exists (select 1 from rm_rating x where x.region_id = r.region_id and x.unit_id = r.unit_id and x.year = r.year and x.rater = 'community')
            ${refsFilter(sql`r.id`, o)}`
        : null,
    (d, row) => ({
      title: `${d.year}年双向评价待评价：${d.subject}`,
      detail: `${d.orgName}尚未对驻区单位「${d.subject}」作出${d.year}年度评价，请于 ${row.due_date ?? ''} 前按评价标准打分`,
      link: `/regional/ratings/${d.unitId}?year=${d.year}`,
    }),
  );

  return [followups, minutes, unitReports, memberReports, ratings];
}
