import { sql, type SQL } from 'drizzle-orm';
import { Permission, type Permission as PermissionKey, type TodoSourceId } from '@jiceng/contracts';
import { MEETING_TIME_LIMITS, meetingRecordDue, meetingTypeLabel, type MeetingType } from '@jiceng/rules';
import { refsFilter, todoColumns, type TodoPresented, type TodoRowsOptions, type TodoScope, type TodoSource } from '../../platform/todo/todo.source.ts';

/** What a meeting's to-do row carries for its title and detail. */
interface MeetingTodoData {
  title: string;
  type: string;
  orgName: string;
  date: string;
  startTime: string;
  place: string | null;
  reason: string | null;
}

const data = sql`jsonb_build_object('title', m.title, 'type', m.type, 'orgName', o.name, 'date', m.meeting_date, 'startTime', m.start_time, 'place', m.place, 'reason', m.return_reason)`;
const typeOf = (d: MeetingTodoData) => meetingTypeLabel[d.type as MeetingType] ?? d.type;
const link = (id: string) => `/meetings?meetingId=${id}`;

/** One meeting source: its states, due date and severity (SQL over meeting m join org o), and its wording. */
function source(
  id: TodoSourceId,
  permission: PermissionKey,
  where: (s: TodoScope) => SQL,
  cols: (s: TodoScope) => { dueDate: SQL; severity: SQL },
  text: (d: MeetingTodoData, today: string) => { title: string; detail: string },
  opts: { selfOnly?: boolean } = {},
): TodoSource {
  return {
    id,
    permission,
    rows: (s: TodoScope, o: TodoRowsOptions) => {
      if (opts.selfOnly && !s.actor.memberId) return null;
      const c = cols(s);
      return sql`select ${todoColumns(id, o, { key: sql`m.id`, ref: sql`m.id`, orgId: sql`m.org_id`, orgPath: sql`o.path`, severity: c.severity, dueDate: c.dueDate, name: sql`o.name`, data })}
        from meeting m join org o on o.region_id = m.region_id and o.id = m.org_id
        where m.region_id = ${s.regionId} and ${opts.selfOnly ? sql`true` : sql`o.path <@ ${s.path}::ltree`} and ${where(s)} ${refsFilter(sql`m.id`, o)}`;
    },
    present(row, today): TodoPresented {
      const d = row.data as unknown as MeetingTodoData;
      return {
        key: row.key,
        source: id,
        ...text(d, today),
        orgId: row.org_id,
        dueDate: row.due_date,
        severity: row.severity,
        link: opts.selfOnly ? '/h5.html#/meetings' : link(row.ref),
      };
    },
  };
}

const recordDays = MEETING_TIME_LIMITS.recordSubmitDays;
const soonDays = MEETING_TIME_LIMITS.noticeSoonDays;

/**
 * The meetings' 待办: a meeting not held past its date and a record not submitted within the limit
 * (deadlines, rule meeting-time-limits-2026), a record sent back (待完善) for the branch's side; records
 * waiting for review for the 督导 side; a 党员's notice of an upcoming meeting they are expected at.
 */
export function meetingTodoSources(): TodoSource[] {
  return [
    source(
      'meeting.not_held',
      Permission.MEETING_WRITE,
      (s) => sql`m.state in ('plan','notice') and m.meeting_date < ${s.today}::date`,
      () => ({ dueDate: sql`m.meeting_date`, severity: sql`'overdue'` }),
      (d) => ({
        title: `会议逾期未召开：${d.title}`,
        detail: `${d.orgName}计划于 ${d.date} 召开的${typeOf(d)}「${d.title}」已过会议日期仍未确认召开；已召开的请确认召开并填写记录，未召开的请修改日期或取消会议`,
      }),
    ),
    source(
      'meeting.record_due',
      Permission.MEETING_WRITE,
      () => sql`m.state in ('held','recorded')`,
      (s) => ({
        dueDate: sql`(m.meeting_date + ${recordDays}::int)`,
        severity: sql`case when m.meeting_date + ${recordDays}::int < ${s.today}::date then 'overdue' else 'due_soon' end`,
      }),
      (d, today) => {
        const due = meetingRecordDue(d.date);
        return {
          title: `会议记录待提交：${d.title}`,
          detail: `${d.orgName}于 ${d.date} 召开的${typeOf(d)}「${d.title}」，会议记录应在会后 ${recordDays} 天内（${due} 前）填写完整并提交审核${due < today ? '，已逾期' : ''}`,
        };
      },
    ),
    source(
      'meeting.returned',
      Permission.MEETING_WRITE,
      () => sql`m.state = 'returned'`,
      () => ({ dueDate: sql`null::date`, severity: sql`'incomplete'` }),
      (d) => ({
        title: `会议记录被退回：${d.title}`,
        detail: `督导员退回了${d.orgName} ${d.date} 的${typeOf(d)}记录${d.reason ? `，原因：${d.reason}` : ''}。请修改后重新提交审核`,
      }),
    ),
    source(
      'meeting.review',
      Permission.MEETING_REVIEW,
      () => sql`m.state = 'submitted'`,
      () => ({ dueDate: sql`null::date`, severity: sql`'incomplete'` }),
      (d) => ({ title: `会议记录待审核：${d.title}`, detail: `${d.orgName} ${d.date} 的${typeOf(d)}记录已提交，请按审核要点评分后审核通过或退回修改` }),
    ),
    source(
      'meeting.notice',
      Permission.MEMBER_SELF,
      (s) => sql`m.state = 'notice' and m.meeting_date >= ${s.today}::date
        and exists (select 1 from meeting_attendee a where a.region_id = m.region_id and a.meeting_id = m.id and a.role = 'expected' and a.member_id = ${s.actor.memberId}::uuid)`,
      (s) => ({ dueDate: sql`m.meeting_date`, severity: sql`case when m.meeting_date <= ${s.today}::date + ${soonDays}::int then 'due_soon' else 'open' end` }),
      (d) => ({
        title: `会议通知：${d.title}`,
        detail: `${d.orgName}定于 ${d.date} ${d.startTime} ${d.place ? `在${d.place}` : ''}召开${typeOf(d)}「${d.title}」，请准时参加并签到；不能参加的请向支部书记请假`,
      }),
      { selfOnly: true },
    ),
  ];
}
