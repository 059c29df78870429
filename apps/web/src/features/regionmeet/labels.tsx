import {
  rmFigureLabel,
  rmFollowupStatusColor,
  rmFollowupStatusLabel,
  rmGradeColor,
  rmGradeLabel,
  rmMeetingStateColor,
  rmMeetingStateLabel,
  rmReportStateColor,
  rmReportStateLabel,
  type RmFigures,
  type RmFollowupStatusId,
  type RmGradeId,
  type RmMeetingStateId,
  type RmReportStateId,
} from '@jiceng/contracts';
import { Descriptions, Tag } from 'antd';
import { yuanText } from '../regional/form.ts';

export function MeetingStateTag({ state }: { state: string }) {
  return <Tag color={rmMeetingStateColor[state as RmMeetingStateId] ?? 'default'}>{rmMeetingStateLabel[state as RmMeetingStateId] ?? state}</Tag>;
}

export function ReportStateTag({ state, overdue }: { state: string; overdue?: boolean }) {
  return (
    <>
      <Tag color={rmReportStateColor[state as RmReportStateId] ?? 'default'}>{rmReportStateLabel[state as RmReportStateId] ?? state}</Tag>
      {overdue && <Tag color="red">逾期未确认</Tag>}
    </>
  );
}

export function FollowupTag({ status }: { status: string }) {
  return <Tag color={rmFollowupStatusColor[status as RmFollowupStatusId] ?? 'default'}>{rmFollowupStatusLabel[status as RmFollowupStatusId] ?? status}</Tag>;
}

export function GradeTag({ grade, total }: { grade: string; total?: number }) {
  return (
    <Tag color={rmGradeColor[grade as RmGradeId] ?? 'default'}>
      {total !== undefined ? `${total} 分 ` : ''}
      {rmGradeLabel[grade as RmGradeId] ?? grade}
    </Tag>
  );
}

/** A figure as shown: money in yuan, hours with their unit, a member's unrecorded hours as 未单独记录. */
export function figureText(key: keyof RmFigures, v: number | null | undefined): string {
  if (v === null || v === undefined) return key === 'hours' ? '未单独记录' : '—';
  if (key === 'fundsFen') return yuanText(v);
  return String(v);
}

/** The figures of a report, with the unit's or member's corrections beside them. */
export function FiguresTable({ figures, corrected }: { figures: RmFigures; corrected?: Partial<Record<keyof RmFigures, number>> | null }) {
  const keys = Object.keys(rmFigureLabel) as (keyof RmFigures)[];
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
      {keys.map((k) => (
        <Descriptions.Item key={k} label={rmFigureLabel[k]}>
          {figureText(k, figures[k])}
          {corrected?.[k] !== undefined && (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              更正为 {figureText(k, corrected[k])}
            </Tag>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Years a page offers: this year and the four before it. */
export const yearChoices = (thisYear: number) => [0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: `${thisYear - k} 年` }));
