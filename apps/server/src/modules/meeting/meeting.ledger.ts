import { sql } from 'drizzle-orm';
import { meetingAttendanceLabel, type MeetingAttendance, type MeetingLedgerQuery } from '@jiceng/contracts';
import {
  COMPLIANCE_ACTIVE_STATES,
  COMPLIANCE_COUNTED_STATES,
  COMPLIANCE_RULES_2018,
  MEETING_TYPES,
  MEETING_WORKFLOW,
  MEMBER_HOME_ORG_TYPES,
  meetingTypeLabel,
  requirementLabel,
  ruleSetForSubtree,
  type ComplianceRequirement,
  type MeetingState,
  type MeetingType,
} from '@jiceng/rules';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { pathInScope, type Actor } from '../../platform/http/actor.ts';
import { excelChinaTime, excelDate } from '../../platform/xlsx/cells.ts';
import { exportFileName } from '../../platform/xlsx/export.ts';
import { addTableSheet, newWorkbook, toBuffer, type SheetColumn } from '../../platform/xlsx/workbook.ts';
import { ruleChainOf } from '../compliance/index.ts';

/**
 * 组织生活台账: one branch's meetings of one year as a workbook — 会议记录 (every meeting held, by
 * date, with its type, whether a 党课 was given by the secretary, people, attendance, absentees and
 * their reasons, topics, decisions and the review) and 年度汇总 (meetings counted as held per type and
 * month against rule set compliance-2018 with the subtrees' own numbers from their dates, as the
 * compliance calendar judges, with 书记讲党课 on a line of its own).
 */

export const LEDGER_RECORDS_SHEET = '会议记录';
export const LEDGER_SUMMARY_SHEET = '年度汇总';
/** What the summary counts, in words (the compliance rule set's states). */
/** The records' column and the summary's line for a 党课 given by the branch secretary (rule secretary-lecture-yearly). */
export const LECTURE_BY_SECRETARY = '书记讲党课';
export const COUNTED_NOTE = '统计口径：会议记录已提交审核（含退回修改）、审核通过或已归档的会议（规则 compliance-2018）';
/** Whose numbers the summary judges by, in words. */
export const RULES_NOTE = '各项要求：规则 compliance-2018，本支部或上级党组织另行设定的频次自其生效日起适用';

const quoted = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

interface LedgerMeeting {
  id: string;
  type: string;
  title: string;
  meeting_date: string;
  start_time: string;
  end_time: string;
  place: string | null;
  online: boolean;
  state: string;
  host_name: string | null;
  recorder_name: string | null;
  topics: string;
  decisions: string | null;
  review_score: string | null;
  review_passed: boolean | null;
  review_comment: string | null;
  lecture_by_secretary: boolean;
  submitted_at: string | null;
}

interface LedgerAttendee {
  meeting_id: string;
  name: string;
  attendance: MeetingAttendance | null;
  reason: string | null;
}

const RECORD_COLUMNS: SheetColumn[] = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'date', header: '会议日期', width: 12, numFmt: 'yyyy-mm-dd' },
  { key: 'time', header: '时间', width: 12 },
  { key: 'type', header: '会议类型', width: 12 },
  { key: 'bySecretary', header: LECTURE_BY_SECRETARY, width: 10 },
  { key: 'title', header: '会议名称', width: 28 },
  { key: 'place', header: '地点', width: 18 },
  { key: 'host', header: '主持人', width: 10 },
  { key: 'recorder', header: '记录人', width: 10 },
  { key: 'expected', header: '应到', width: 6 },
  { key: 'present', header: '实到', width: 6 },
  { key: 'leave', header: '请假', width: 6 },
  { key: 'absent', header: '缺席', width: 6 },
  { key: 'absentees', header: '未到人员及原因', width: 36 },
  { key: 'topics', header: '议题', width: 36 },
  { key: 'decisions', header: '决议', width: 36 },
  { key: 'state', header: '状态', width: 12 },
  { key: 'review', header: '审核结果', width: 24 },
  { key: 'submittedAt', header: '提交审核时间（北京时间）', width: 20, numFmt: 'yyyy-mm-dd hh:mm' },
];

function reviewText(m: LedgerMeeting): string {
  if (m.review_passed === true) return `审核通过（${Number(m.review_score)} 分）`;
  if (m.review_passed === false)
    return `退回修改${m.review_score !== null ? `（${Number(m.review_score)} 分）` : ''}${m.review_comment ? `：${m.review_comment}` : ''}`;
  if (m.state === 'submitted') return '待审核';
  return '未提交审核';
}

/** 张三（请假：出差）；李四（缺席）: expected attendees not present; unmarked ones count as absent (ADR 0017). */
function absentees(people: readonly LedgerAttendee[]): string {
  return people
    .filter((p) => p.attendance !== 'present')
    .map((p) => `${p.name}（${meetingAttendanceLabel[p.attendance ?? 'absent']}${p.reason ? `：${p.reason}` : ''}）`)
    .join('；');
}

/** Periods of the year a requirement asks for, up to the one `today` is in (a future period is not judged yet). */
function periodsOf(r: ComplianceRequirement, year: number, today: string): { from: number; to: number }[] {
  const span = r.every === 'month' ? 1 : r.every === 'quarter' ? 3 : 12;
  const out: { from: number; to: number }[] = [];
  for (let start = 1; start <= 12; start += span) {
    const first = `${year}-${String(start).padStart(2, '0')}-01`;
    if (first > today) break;
    out.push({ from: start, to: start + span - 1 });
  }
  return out;
}

export function createMeetingLedger(deps: { db: Database; regionId: string; clock: Clock }) {
  const { db, regionId, clock } = deps;
  return {
    /** The branch's 组织生活台账 of `year` as .xlsx; 404 outside the account's subtree, 400 for an organization that holds no meetings. */
    async ledgerXlsx(actor: Actor, q: MeetingLedgerQuery): Promise<{ fileName: string; data: Buffer }> {
      const org = await db.one<{ id: string; name: string; type: string; path: string }>(
        sql`select id, name, type, path::text as path from org where region_id = ${regionId} and id = ${q.orgId}`,
      );
      if (!org || actor.scope !== 'subtree' || !pathInScope(actor, org.path)) throw notFound('党组织');
      if (!(MEMBER_HOME_ORG_TYPES as readonly string[]).includes(org.type)) throw invalid(`组织生活台账按党支部生成，「${org.name}」不是党支部，请选择党支部`);
      const from = `${q.year}-01-01`;
      const to = `${q.year}-12-31`;
      const meetings = await db.rows<LedgerMeeting>(sql`select m.id, m.type, m.title, m.meeting_date::text as meeting_date, m.start_time, m.end_time, m.place,
          m.online, m.state, m.host_name, m.recorder_name, m.topics, m.decisions, m.review_score::text as review_score, m.review_passed, m.review_comment,
          m.lecture_by_secretary, m.submitted_at::text as submitted_at
        from meeting m where m.region_id = ${regionId} and m.org_id = ${org.id} and m.meeting_date between ${from}::date and ${to}::date
          and m.state in (${quoted(COMPLIANCE_ACTIVE_STATES)})
        order by m.meeting_date, m.start_time, m.id`);
      const ids = meetings.map((m) => sql`${m.id}::uuid`);
      const attendees = ids.length
        ? await db.rows<LedgerAttendee>(sql`select meeting_id, name, attendance, reason from meeting_attendee
            where region_id = ${regionId} and role = 'expected' and meeting_id in (${sql.join(ids, sql`, `)}) order by meeting_id, seq`)
        : [];
      // an approved record is corrected by amendments only: the ledger shows it as corrected
      const amendments = ids.length
        ? await db.rows<{ meeting_id: string; field: string; after: string }>(sql`select meeting_id, field, after from meeting_amendment
            where region_id = ${regionId} and meeting_id in (${sql.join(ids, sql`, `)}) order by at, id`)
        : [];

      const wb = newWorkbook();
      const ws = addTableSheet(wb, LEDGER_RECORDS_SHEET, RECORD_COLUMNS, { filter: true });
      meetings.forEach((m, i) => {
        const fix: Record<string, string> = {};
        for (const a of amendments) if (a.meeting_id === m.id) fix[a.field] = a.after;
        const people = attendees.filter((a) => a.meeting_id === m.id);
        const n = (a: MeetingAttendance) => people.filter((p) => (p.attendance ?? 'absent') === a).length;
        ws.addRow({
          seq: i + 1,
          date: excelDate(m.meeting_date),
          time: `${m.start_time}—${m.end_time}`,
          type: meetingTypeLabel[m.type as MeetingType] ?? m.type,
          // 是/否 only where the question applies: a 党课 (the meeting module refuses the mark on other types)
          bySecretary: m.type === 'party_lecture' ? (m.lecture_by_secretary ? '是' : '否') : '',
          title: m.title,
          place: m.online ? '线上' : (fix.place ?? m.place ?? ''),
          host: fix.hostName ?? m.host_name ?? '',
          recorder: fix.recorderName ?? m.recorder_name ?? '',
          expected: people.length,
          present: n('present'),
          leave: n('leave'),
          absent: n('absent'),
          absentees: absentees(people),
          topics: fix.topics ?? m.topics,
          decisions: fix.decisions ?? m.decisions ?? '',
          state: MEETING_WORKFLOW.stateLabel[m.state as MeetingState] ?? m.state,
          review: reviewText(m),
          submittedAt: excelChinaTime(m.submitted_at),
        });
      });

      // 年度汇总: counted meetings per type and month, and each requirement's periods met so far
      const counted = meetings.filter((m) => COMPLIANCE_COUNTED_STATES.includes(m.state));
      const month = (m: LedgerMeeting) => Number(m.meeting_date.slice(5, 7));
      type OrgType = keyof typeof COMPLIANCE_RULES_2018.requirementsByType;
      const requirements = COMPLIANCE_RULES_2018.requirementsByType[org.type as OrgType] ?? [];
      const today = clock.today();
      // each period is judged by the rule set in force on its first day: the defaults with the
      // branch's and its ancestors' own numbers (the same composition as the compliance calendar)
      const chain = await ruleChainOf(db, regionId, org.path);
      const inForce = (r: ComplianceRequirement, month: number): ComplianceRequirement | null =>
        ruleSetForSubtree([COMPLIANCE_RULES_2018], chain, `${q.year}-${String(month).padStart(2, '0')}-01`)?.requirementsByType[org.type as OrgType]?.find(
          (x) => x.id === r.id,
        ) ?? null;
      const span = (r: ComplianceRequirement) => (r.every === 'month' ? 1 : r.every === 'quarter' ? 3 : 12);
      /** The requirement as the year had it: one label, or each change with the month it began. */
      const requirementText = (r: ComplianceRequirement) => {
        const parts: { label: string; from: number }[] = [];
        for (let m = 1; m <= 12; m += span(r)) {
          const x = inForce(r, m);
          const label = x ? `${requirementLabel(x)}${x.onlyIfCommittee ? '（设支委会的支部）' : ''}` : '不作要求';
          if (parts.at(-1)?.label !== label) parts.push({ label, from: m });
        }
        return parts.length === 1 ? parts[0]!.label : parts.map((p) => `${p.label}（${p.from}月起）`).join('，');
      };
      const summaryColumns: SheetColumn[] = [
        { key: 'type', header: '会议类型', width: 14 },
        ...Array.from({ length: 12 }, (_, i) => ({ key: `m${i + 1}`, header: `${i + 1}月`, width: 6 })),
        { key: 'total', header: '全年合计', width: 9 },
        { key: 'requirement', header: '要求', width: 28 },
        { key: 'result', header: '完成情况', width: 30 },
      ];
      const sum = addTableSheet(wb, LEDGER_SUMMARY_SHEET, summaryColumns);
      const judge = (r: ComplianceRequirement, own: readonly LedgerMeeting[]) => {
        const judged = periodsOf(r, q.year, today);
        const periods = judged.flatMap((p) => {
          const x = inForce(r, p.from);
          return x ? [{ ...p, minCount: x.minCount }] : [];
        });
        const met = periods.filter((p) => own.filter((m) => month(m) >= p.from && month(m) <= p.to).length >= p.minCount).length;
        const unit = r.every === 'month' ? '个月' : r.every === 'quarter' ? '个季度' : '年';
        if (judged.length === 0) return '未到统计期';
        if (periods.length === 0) return '不作要求';
        return r.every === 'year' ? (met ? '已完成' : '未完成') : `${periods.length}${unit}中${met}${unit}达标`;
      };
      const line = (label: string, own: readonly LedgerMeeting[], reqs: readonly ComplianceRequirement[], result: (r: ComplianceRequirement) => string) =>
        sum.addRow({
          type: label,
          ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, own.filter((m) => month(m) === i + 1).length])),
          total: own.length,
          requirement: reqs.map(requirementText).join('；') || '—',
          result: reqs.map(result).join('；') || '—',
        });
      for (const type of MEETING_TYPES) {
        const own = counted.filter((m) => m.type === type);
        // 书记讲党课 is judged on a line of its own below the 党课 line
        line(
          meetingTypeLabel[type],
          own,
          requirements.filter((r) => r.meetingType === type && !r.bySecretary),
          (r) => judge(r, own),
        );
        if (type !== 'party_lecture') continue;
        const bySecretary = own.filter((m) => m.lecture_by_secretary);
        line(
          LECTURE_BY_SECRETARY,
          bySecretary,
          requirements.filter((r) => r.meetingType === type && r.bySecretary),
          // held against required: 「已讲1次，应讲至少1次：已完成」
          (r) => `已讲${bySecretary.length}次，应讲至少${inForce(r, 1)?.minCount ?? 0}次：${judge(r, bySecretary)}`,
        );
      }
      sum.addRow({});
      sum.addRow({ type: COUNTED_NOTE });
      sum.addRow({ type: RULES_NOTE });
      sum.addRow({ type: `${org.name} ${q.year} 年度，导出日期 ${today}` });

      return { fileName: exportFileName(`组织生活台账_${q.year}年`, org.name, today), data: await toBuffer(wb) };
    },
  };
}
export type MeetingLedger = ReturnType<typeof createMeetingLedger>;
